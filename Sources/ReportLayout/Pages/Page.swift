/// One laid-out page: its size and everything on it, in paint order.
public struct Page: Sendable {
    public var size: Size
    public var items: [PageItem]

    public init(size: Size, items: [PageItem]) {
        self.size = size
        self.items = items
    }

    public var textLines: [TextLine] {
        items.compactMap { if case let .text(line) = $0 { return line } else { return nil } }
    }

    /// The page's text in reading order (tests compare it with what pdftotext finds).
    public var text: String { textLines.map(\.text).joined(separator: "\n") }
}
