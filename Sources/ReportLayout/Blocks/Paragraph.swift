public struct Paragraph: Sendable {
    public var text: RichText
    public var style: ParagraphStyle
    /// Destination names placed at the paragraph's first line.
    public var anchors: [String]
    /// What the paragraph is to a reader; nil: `P`, or `H1` for a `Block.heading`.
    public var role: StructureRole?
    /// BCP 47 language when it is not the document's.
    public var language: String?

    public init(_ text: RichText, _ style: ParagraphStyle, anchors: [String] = [], role: StructureRole? = nil, language: String? = nil) {
        self.text = text
        self.style = style
        self.anchors = anchors
        self.role = role
        self.language = language
    }
}

extension Paragraph {
    /// The same paragraph read as `role` (a heading's level, a paragraph in a heading's place).
    public func reading(as role: StructureRole) -> Paragraph {
        var paragraph = self
        paragraph.role = role
        return paragraph
    }
}
