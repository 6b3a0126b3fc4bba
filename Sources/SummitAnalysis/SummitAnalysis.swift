import SummitModel

/// Everything the brief and the CSV files say beyond the text itself.
public struct SummitAnalysis: Sendable, Hashable, Codable {
    public var themes: [Theme]
    public var speakers: [SpeakerAnalysis]
    public var places: [PlaceAnalysis]

    public func speaker(_ number: Int) -> SpeakerAnalysis? {
        // Speakers are numbered 1, 2, 3 … in file order, so the number is (almost always) the index.
        if number >= 1, number <= speakers.count, speakers[number - 1].number == number { return speakers[number - 1] }
        return speakers.first { $0.number == number }
    }

    public func place(_ slug: String) -> PlaceAnalysis? { places.first { $0.slug == slug } }

    public func theme(_ id: String) -> Theme? { themes.first { $0.id == id } }
}
