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

/// One element of the structure tree: its role and an identity unique in the document, so
/// that the lines of one paragraph, or the cells of one row, are known to belong together
/// even when a page break falls between them.
public struct StructureElement: Sendable, Hashable {
    public var role: StructureRole
    public var id: Int
    /// BCP 47 language of the element when it differs from the document's (`zh-TW` for a
    /// Chinese summary in the English brief).
    public var language: String?

    public init(_ role: StructureRole, id: Int, language: String? = nil) {
        self.role = role
        self.id = id
        self.language = language
    }
}

/// Hands out element identities for one piece of a document. Pieces are laid out on
/// several threads; each has its own source, whose numbers start at a base no other piece
/// uses, so identities never collide and do not depend on which thread ran first.
final class StructureIDs {
    private var next: Int

    /// Identities of piece `piece` start here; a piece has room for 2^32 elements.
    init(piece: Int) { next = (piece + 1) << 32 }

    func make(_ role: StructureRole, language: String? = nil) -> StructureElement {
        next += 1
        return StructureElement(role, id: next, language: language)
    }
}
