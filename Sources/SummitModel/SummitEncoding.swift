/// The text encodings a summit file arrives in. UTF-8 and UTF-16 are what current tools
/// save; code page 950 (Big5) is what Notepad on a Traditional Chinese Windows calls "ANSI",
/// so a file re-saved there must still import.
public enum SummitEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    /// Microsoft's Big5 (Windows code page 950).
    case cp950 = "cp950"
    /// Big5 with the Hong Kong supplementary characters, for files CP950 cannot read.
    case big5HKSCS = "big5-hkscs"

    /// Parses what `--encoding` accepts, in any case: `utf-8`, `utf8`, `utf-16` (a byte-order
    /// mark decides the order, else little-endian as Windows writes it), `utf-16le`,
    /// `utf-16be`, `cp950`, `big5`, `ms950`, `big5-hkscs`.
    public init?(name: String) {
        switch String(name.lowercased().map { $0 == "_" ? "-" : $0 }) {
        case "utf-8", "utf8": self = .utf8
        case "utf-16", "utf16", "utf-16le", "utf16le", "unicode": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "cp950", "cp-950", "ms950", "windows-950", "big5", "big-5": self = .cp950
        case "big5-hkscs", "big5hkscs", "hkscs": self = .big5HKSCS
        default: return nil
        }
    }

    /// The names to list when `--encoding` is given one it does not know.
    public static let acceptedNames = "utf-8, utf-16, utf-16le, utf-16be, cp950 (big5), big5-hkscs"

    /// How messages name it.
    public var displayName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .cp950: return "CP950 (Big5)"
        case .big5HKSCS: return "Big5-HKSCS"
        }
    }

    /// The name iconv knows it by, for the legacy encodings.
    var iconvName: String? {
        switch self {
        case .cp950: return "CP950"
        case .big5HKSCS: return "BIG5-HKSCS"
        default: return nil
        }
    }
}

/// Which encoding a file was read in, and why: `--verbose` says it, so a surprising
/// decision can be traced to the bytes that made it.
public struct EncodingDecision: Sendable, Hashable {
    public var encoding: SummitEncoding
    /// E.g. `byte-order mark EF BB BF`, or `byte 0xA5 at line 3, column 1 is not UTF-8; …`.
    public var reason: String

    public init(encoding: SummitEncoding, reason: String) {
        self.encoding = encoding
        self.reason = reason
    }
}
