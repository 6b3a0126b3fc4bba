/// A piece of a cell's HTML fragment: text, or a tag we act on (with the column it starts at).
enum MarkupToken {
    case text([Unicode.Scalar])
    case open(name: String, attributes: [String: String], column: Int)
    case close(name: String, column: Int)
}
