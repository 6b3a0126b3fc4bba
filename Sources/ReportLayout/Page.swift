/// One laid-out page: its size and everything on it, in paint order.
public struct Page: Sendable {
    public var size: Size
    public var items: [PageItem]
    /// The printed page number's text in the footer, also used as the PDF page label.
    public var number: Int

    public init(size: Size, items: [PageItem], number: Int) {
        self.size = size
        self.items = items
        self.number = number
    }

    public var textLines: [TextLine] {
        items.compactMap { if case let .text(line) = $0 { return line } else { return nil } }
    }

    /// The page's text in reading order (tests compare it with what pdftotext finds).
    public var text: String { textLines.map(\.text).joined(separator: "\n") }
}
