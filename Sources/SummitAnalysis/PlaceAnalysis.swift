/// A place's speakers taken together: summed theme matches, its profile, the places
/// most like it, and the figures worth quoting in the comparison table.
public struct PlaceAnalysis: Sendable, Hashable, Codable {
    public var slug: String
    public var speakerNumbers: [Int]
    /// Matches per theme (sum over the place's speakers), in catalog order.
    public var themes: [ThemeScore]
    public var totalMatches: Int
    public var topThemes: [String]
    /// The two places whose theme shares are most alike (cosine similarity), best first.
    public var similar: [Similarity]
    /// Two or three figures for the comparison table, the most telling first.
    public var keyFigures: [KeyFigure]

    public func matches(_ themeID: String) -> Int { themes.first { $0.themeID == themeID }?.matches ?? 0 }
}

public struct Similarity: Sendable, Hashable, Codable {
    public var slug: String
    /// Cosine similarity of the two places' theme shares, 0…1.
    public var score: Double
}
