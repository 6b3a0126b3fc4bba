/// English names that a translation gives for what the curated lists lack: a place that
/// `places.yaml` does not know (its English was only derived from the Chinese, `Busan-Si`)
/// and a role that `roles.yaml` does not list (shown in Chinese otherwise). The curated
/// names win wherever they exist, so a translator cannot rename Taipei by accident.
public struct TranslatedNames: Sendable, Hashable {
    /// English place names by place slug.
    public var places: [String: String]
    /// English roles by speaker id (`2021-03-23#4`): a role is a speaker's own title.
    public var roles: [String: String]

    public init(places: [String: String] = [:], roles: [String: String] = [:]) {
        self.places = places
        self.roles = roles
    }

    /// The names the translations give, for the summits' speakers: for each speaker, the
    /// translation of the summit it spoke at. The first speaker to name a place names it.
    public init(summits: [Summit], translations: [String: SummitTranslation], roles vocabulary: RoleVocabulary) {
        var places: [String: String] = [:], roles: [String: String] = [:]
        for summit in summits {
            guard let translation = translations[summit.date] else { continue }
            let curated = Set(summit.places.filter(\.curated).map(\.slug))
            for speaker in summit.speakers {
                if let name = translation.places[speaker.number], !curated.contains(speaker.placeSlug), places[speaker.placeSlug] == nil {
                    places[speaker.placeSlug] = name
                }
                if let role = translation.roles[speaker.number], !vocabulary.contains(speaker.role) {
                    roles[speaker.id] = role
                }
            }
        }
        self.init(places: places, roles: roles)
    }
}
