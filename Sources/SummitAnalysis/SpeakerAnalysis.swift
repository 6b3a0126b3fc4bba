import SummitModel

/// What one speech is about: theme scores with evidence, and the figures it quotes.
public struct SpeakerAnalysis: Sendable, Hashable, Codable {
    public var number: Int
    public var placeSlug: String
    /// One score per theme, in catalog order.
    public var themes: [ThemeScore]
    public var totalMatches: Int
    /// Up to three theme ids, most matches first.
    public var topThemes: [String]
    public var figures: [KeyFigure]

    public func score(_ themeID: String) -> ThemeScore? { themes.first { $0.themeID == themeID } }
}
