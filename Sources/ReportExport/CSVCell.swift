import Foundation

/// One spreadsheet cell. Numbers stay numbers (a spreadsheet sorts and sums them); text is
/// quoted when it must be and neutralised when a spreadsheet would run it as a formula.
public enum CSVCell: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case number(Double)
    case empty

    /// Characters that make Excel, LibreOffice and Google Sheets read a cell as a formula
    /// (OWASP CSV injection). Such text gets a leading apostrophe.
    static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// The cell as it appears between commas.
    public var encoded: String {
        switch self {
        case .empty:
            return ""
        case let .integer(value):
            return String(value)
        case let .number(value):
            return Self.plain(value)
        case let .text(text):
            var value = text
            if let first = value.first, Self.formulaTriggers.contains(first) { value = "'" + value }
            if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return value
        }
    }

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
