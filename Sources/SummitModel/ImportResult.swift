import InputSupport

/// A summit read from a file, with what was odd about the file.
public struct ImportResult: Sendable {
    public var summit: Summit
    public var warnings: [InputWarning]
    /// The encoding the file was read in and the bytes that decided it, for `--verbose`.
    public var encoding: EncodingDecision

    public init(summit: Summit, warnings: [InputWarning], encoding: EncodingDecision) {
        self.summit = summit
        self.warnings = warnings
        self.encoding = encoding
    }
}
