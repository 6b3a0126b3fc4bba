/// What a piece of a page is to a reader who cannot see it (a screen reader, a search
/// index, an archive): the PDF structure type the painter tags it with. The layout knows
/// what each block is; carrying that on the page items lets the painter write a structure
/// tree without guessing from positions.
public enum StructureRole: Sendable, Hashable {
    case document
    case section
    /// `H1` … `H6`; levels nest without skipping.
    case heading(Int)
    case paragraph
    /// A run of text inside a paragraph or cell (the painter adds these itself, see `PDFPainter`).
    case span
    case list
    case listItem
    case listLabel
    case listBody
    case table
    case tableRow
    case tableHeader(HeaderScope)
    case tableData
    case contents
    case contentsItem
    /// A link to a named destination; its text is inside it.
    case link(destination: String)

    /// Whether a header cell heads its column, its row, or both.
    public enum HeaderScope: Sendable, Hashable {
        case column, row, both
    }

    /// The standard structure type (ISO 32000-1, 14.8.4).
    public var tagName: String {
        switch self {
        case .document: "Document"
        case .section: "Sect"
        case let .heading(level): "H\(min(6, max(1, level)))"
        case .paragraph: "P"
        case .span: "Span"
        case .list: "L"
        case .listItem: "LI"
        case .listLabel: "Lbl"
        case .listBody: "LBody"
        case .table: "Table"
        case .tableRow: "TR"
        case .tableHeader: "TH"
        case .tableData: "TD"
        case .contents: "TOC"
        case .contentsItem: "TOCI"
        case .link: "Link"
        }
    }
}
