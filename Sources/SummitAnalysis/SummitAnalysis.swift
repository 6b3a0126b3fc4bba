import SummitModel

/// Everything the brief and the CSV files say beyond the text itself.
public struct SummitAnalysis: Sendable, Hashable, Codable {
    public let themes: [Theme]
    public let speakers: [SpeakerAnalysis]
    public let places: [PlaceAnalysis]
    private let placeIndex: [String: Int]

    private enum CodingKeys: String, CodingKey { case themes, speakers, places }

    public init(themes: [Theme], speakers: [SpeakerAnalysis], places: [PlaceAnalysis]) {
        self.themes = themes
        self.speakers = speakers
        self.places = places
        placeIndex = Dictionary(places.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(themes: try container.decode([Theme].self, forKey: .themes),
                  speakers: try container.decode([SpeakerAnalysis].self, forKey: .speakers),
                  places: try container.decode([PlaceAnalysis].self, forKey: .places))
    }

    public func speaker(_ number: Int) -> SpeakerAnalysis? {
        // Speakers are numbered 1, 2, 3 … in file order, so the number is (almost always) the index.
        if number >= 1, number <= speakers.count, speakers[number - 1].number == number { return speakers[number - 1] }
        return speakers.first { $0.number == number }
    }

    public func place(_ slug: String) -> PlaceAnalysis? { placeIndex[slug].map { places[$0] } }

    public func theme(_ id: String) -> Theme? { themes.first { $0.id == id } }
}
