import ReportStyle

/// A numbered or bulleted list with hanging markers.
public struct ListBlock: Sendable {
    public struct Item: Sendable {
        public var marker: String
        public var paragraphs: [Paragraph]
        public init(marker: String, paragraphs: [Paragraph]) {
            self.marker = marker
            self.paragraphs = paragraphs
        }
    }

    public var items: [Item]
    public var markerStyle: TextStyle
    /// Width of the marker column; item text starts at `markerWidth + gap`.
    public var markerWidth: Double
    public var gap: Double

    public init(items: [Item], markerStyle: TextStyle, markerWidth: Double, gap: Double) {
        self.items = items
        self.markerStyle = markerStyle
        self.markerWidth = markerWidth
        self.gap = gap
    }
}
