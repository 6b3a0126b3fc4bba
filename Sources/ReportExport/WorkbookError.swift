/// Why the workbook could not be written: libxlsxwriter's reason, or the temporary file's.
public struct WorkbookError: Error, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
