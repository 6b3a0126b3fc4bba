import InputSupport

/// A summit read from a file, with what was odd about the file.
public struct ImportResult: Sendable {
    public var summit: Summit
    public var warnings: [InputWarning]
}
