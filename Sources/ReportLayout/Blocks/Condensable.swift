/// Forms of the same content, fullest first. The layout uses the first, unless the page
/// run it stands in (from one forced page break to the next) would then end on a page that
/// is mostly empty: it takes the first shorter form that saves that page. A reader should
/// not turn a page for a line.
public struct Condensable: Sendable {
    public var forms: [[Block]]

    public init(_ forms: [[Block]]) {
        self.forms = forms
    }
}
