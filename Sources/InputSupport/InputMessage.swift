/// What errors and warnings about input have in common: where (file, line, column), what,
/// and what to do about it, printed the same way (`file:line:column: message` and the hint
/// indented below).
public protocol InputMessage: CustomStringConvertible {
    var location: SourceLocation? { get }
    var message: String { get }
    var hint: String? { get }
}

extension InputMessage {
    public var description: String {
        var text = location.map { "\($0): \(message)" } ?? message
        if let hint { text += "\n  \(hint)" }
        return text
    }
}
