import Foundation

/// One spreadsheet cell. Numbers stay numbers (a spreadsheet sorts and sums them); text is
/// quoted when it must be and neutralised when a spreadsheet would run it as a formula.
public enum CSVCell: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case number(Double)
    case empty

    // Text that Excel, LibreOffice and Google Sheets would read as a formula (OWASP CSV
    // injection: it starts with = + - @, tab or CR) gets a leading apostrophe.

    /// The cell as it appears between commas.
    public var encoded: String { String(decoding: encodedBytes, as: UTF8.self) }

    /// The cell's bytes, worked out on UTF-8 (the files are large; characters are slow).
    public var encodedBytes: [UInt8] {
        var bytes: [UInt8] = []
        append(to: &bytes)
        return bytes
    }

    /// Appends the cell's bytes to `output`.
    public func append(to output: inout [UInt8]) {
        switch self {
        case .empty:
            return
        case let .integer(value):
            output.append(contentsOf: String(value).utf8)
        case let .number(value):
            output.append(contentsOf: Self.plain(value).utf8)
        case var .text(text):
            text.withUTF8 { utf8 in
                let neutralise = utf8.first.map { Self.formulaTriggerBytes.contains($0) } ?? false
                let quote = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                if quote { output.append(0x22) }
                if neutralise { output.append(UInt8(ascii: "'")) }
                if quote {
                    for byte in utf8 {
                        output.append(byte)
                        if byte == 0x22 { output.append(0x22) }
                    }
                    output.append(0x22)
                } else {
                    output.append(contentsOf: utf8)
                }
            }
        }
    }

    /// `=`, `+`, `-`, `@`, tab, CR as bytes (a CRLF starts with CR).
    static let formulaTriggerBytes: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// `200000000`, `1.76`, `0.142857`: a `.` decimal point, no exponent, no thousands separator.
    static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
