public struct ParagraphStyle: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable { case left, center, right, justified }

    public var alignment: Alignment
    /// Baseline to baseline, in points.
    public var lineHeight: Double
    public var spaceBefore: Double
    public var spaceAfter: Double
    /// Left and right indents from the column edges.
    public var indent: Double
    public var rightIndent: Double
    public var keepWithNext: Bool
    /// Narrower measure than the column (stacked table headers use one character).
    public var maximumWidth: Double?

    public init(alignment: Alignment = .justified, lineHeight: Double, spaceBefore: Double = 0, spaceAfter: Double = 0,
                indent: Double = 0, rightIndent: Double = 0, keepWithNext: Bool = false, maximumWidth: Double? = nil) {
        self.alignment = alignment
        self.lineHeight = lineHeight
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.indent = indent
        self.rightIndent = rightIndent
        self.keepWithNext = keepWithNext
        self.maximumWidth = maximumWidth
    }
}
