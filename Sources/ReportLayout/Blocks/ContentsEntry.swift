import ReportStyle

public struct ContentsEntry: Sendable {
    public var text: RichText
    public var destination: String
    public var style: ParagraphStyle
    public var numberStyle: TextStyle
    public var leaderColor: Color
    /// A label hanging left of the text, right-aligned against it (a speaker's number); the
    /// style's indent must leave room for it.
    public var label: RichText?

    public init(text: RichText, destination: String, style: ParagraphStyle, numberStyle: TextStyle, leaderColor: Color,
                label: RichText? = nil) {
        self.text = text
        self.destination = destination
        self.style = style
        self.numberStyle = numberStyle
        self.leaderColor = leaderColor
        self.label = label
    }
}
