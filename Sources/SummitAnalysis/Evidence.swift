/// A sentence or list item of a summary that contains theme keywords: the reason a score is
/// what it is, quoted in the brief and in `themes.csv`.
public struct Evidence: Sendable, Hashable, Codable {
    /// The sentence (or whole list item) as written.
    public var text: String
    /// The keywords found in it, in order, repeats kept.
    public var keywords: [String]
    /// Which paragraph or list item of the summary it comes from (`3.` for item 3).
    public var marker: String?
}
