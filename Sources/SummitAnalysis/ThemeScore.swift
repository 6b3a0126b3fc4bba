/// How much one speaker (or one place) talked about one theme.
public struct ThemeScore: Sendable, Hashable, Codable {
    public var themeID: String
    /// Keyword matches, overlaps counted once.
    public var matches: Int
    /// Matches over all of this speaker's (or place's) matches, 0…1: lets long and short
    /// summaries be compared.
    public var share: Double
    /// Distinct keywords matched, with how often each was found.
    public var keywords: [KeywordCount]
    public var evidence: [Evidence]

    public init(themeID: String, matches: Int, share: Double, keywords: [KeywordCount], evidence: [Evidence]) {
        self.themeID = themeID
        self.matches = matches
        self.share = share
        self.keywords = keywords
        self.evidence = evidence
    }
}

public struct KeywordCount: Sendable, Hashable, Codable {
    public var keyword: String
    public var count: Int
}
