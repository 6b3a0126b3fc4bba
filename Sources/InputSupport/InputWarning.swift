/// Something odd in the input that we could still make sense of.
///
/// Warnings travel with results instead of being printed where they arise, so that
/// the command line decides what to show (`--quiet`) and tests can assert on them.
public struct InputWarning: Sendable, Hashable, InputMessage {
    public var location: SourceLocation?
    public var message: String
    public var hint: String?

    public init(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }
}
