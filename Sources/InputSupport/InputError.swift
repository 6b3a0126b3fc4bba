/// A problem with something the user gave us (a data file, a style sheet, an option).
///
/// It always says where and what to do, because the person reading it is the one
/// who edited the file, not the one who wrote this program.
public struct InputError: Error, Sendable, InputMessage {
    public var location: SourceLocation?
    public var message: String
    public var hint: String?

    public init(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }
}
