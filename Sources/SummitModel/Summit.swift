/// One summit as read from its summary file: the unit a brief is made of.
public struct Summit: Sendable, Hashable, Codable {
    /// Short name, e.g. `2021 首長高峰會`.
    public var title: String
    /// What the file's page header says in full, e.g. `2021 首長高峰會(3/23)談話內容摘要`.
    public var heading: String
    /// ISO date, e.g. `2021-03-23`.
    public var date: String
    /// The file it was read from (as given), for messages and the brief's colophon.
    public var source: String
    public var speakers: [Speaker]
    /// Every place that has a speaker, in order of first appearance.
    public var places: [Place]

    public init(title: String, heading: String, date: String, source: String, speakers: [Speaker], places: [Place]) {
        self.title = title
        self.heading = heading
        self.date = date
        self.source = source
        self.speakers = speakers
        self.places = places
    }

    /// File name stem for outputs: `summit-2021-03-23`.
    public var slug: String { "summit-\(date)" }

    public func place(_ slug: String) -> Place? { places.first { $0.slug == slug } }

    public func speakers(at place: Place) -> [Speaker] { speakers.filter { $0.placeSlug == place.slug } }

    /// Speakers grouped by place slug, in file order: for loops over all places, where
    /// `speakers(at:)` per place would make the work grow with places × speakers.
    public func speakersByPlace() -> [String: [Speaker]] { Dictionary(grouping: speakers, by: \.placeSlug) }
}
