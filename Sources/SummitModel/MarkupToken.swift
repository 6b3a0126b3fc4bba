/// A piece of a cell's HTML fragment: text, or a tag we act on.
enum MarkupToken {
    case text([Unicode.Scalar])
    case open(name: String, attributes: [String: String])
    case close(name: String)
}
