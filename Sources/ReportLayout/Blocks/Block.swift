/// A piece of a document before layout: what it says and how it should look, but not
/// where it goes. The layout engine turns blocks into positioned page items.
public indirect enum Block: Sendable {
    case paragraph(Paragraph)
    /// A paragraph that is a heading: it never ends a page.
    case heading(Paragraph)
    case list(ListBlock)
    case table(Table)
    /// A panel (fill, left accent bar) around other blocks, kept on one page.
    case box(Box)
    /// Vertical space; dropped at the top of a page.
    case space(Double)
    /// Vertical space that is kept even at the top of a page (the cover's layout).
    case fixedSpace(Double)
    /// Start a new page.
    case pageBreak
    /// A named destination at this point (a link target).
    case anchor(String)
    /// A contents entry: text, dot leaders and the page number of `destination`.
    case contentsEntry(ContentsEntry)
    /// Content with shorter forms, for when the full one would leave a few lines alone on
    /// a last page (see `Condensable`).
    case condensable(Condensable)
    /// Blocks that form one structure element together (a speaker's section, the contents
    /// list); it changes nothing on the page.
    case group(Group)

    /// Whether it is condensable content or a group holding some.
    var isCondensable: Bool {
        switch self {
        case .condensable: true
        case let .group(group): group.blocks.contains(where: \.isCondensable)
        default: false
        }
    }
}
