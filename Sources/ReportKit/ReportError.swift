import InputSupport

/// Why a run failed, sorted by who can fix it; each kind has its own exit status so
/// scripts can tell a bad file from a bad option from a full disk.
public struct ReportError: Error, CustomStringConvertible {
    public enum Kind: Sendable {
        /// Bad options (`--cities` names nothing, unknown `--lang`): exit 64.
        case usage
        /// A data file, style sheet or font that cannot be used: exit 65.
        case input
        /// The output cannot be written (folder not writable, disk full): exit 73.
        case output
        /// Standard output cannot be written (`--out -` into `/dev/full`): exit 74.
        case standardOutput
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public init(_ error: InputError) {
        self.init(.input, error.description)
    }

    public var exitCode: Int32 {
        switch kind {
        case .usage: return 64
        case .input: return 65
        case .output: return 73
        case .standardOutput: return 74
        }
    }

    public var description: String { message }
}
