import ReportStyle

public struct Box: Sendable {
    public var blocks: [Block]
    public var fill: Color?
    /// A bar down the left edge, in this colour.
    public var accent: Color?
    public var padding: Double
    public var spaceBefore: Double
    public var spaceAfter: Double

    public init(blocks: [Block], fill: Color?, accent: Color? = nil, padding: Double, spaceBefore: Double = 0, spaceAfter: Double = 0) {
        self.blocks = blocks
        self.fill = fill
        self.accent = accent
        self.padding = padding
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
    }
}
