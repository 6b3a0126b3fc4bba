/// A run of summary text between two structural tags, with the context it stood in.
/// The first stage of building a summary: what the HTML said, before list numbers are read.
struct SummarySegment {
    enum Kind { case paragraph, listText, listItem }

    var kind: Kind
    var text: [Unicode.Scalar]
    /// Which `<ol>`/`<ul>` element was open (0: none), to tell a continued list from a new one.
    var listElement: Int
    var ordered: Bool
    /// `<ol start=…>` of the open list and `<li value=…>` of the item, when given.
    var listStart: Int?
    var itemValue: Int?
    /// First segment of a continuation line (after a page break) that begins with bare text.
    var continuesAfterBreak: Bool
    /// Ended by a tag (`</p>`, `<ol>` …) rather than by the end of the cell's fragment.
    var closedByTag: Bool
}
