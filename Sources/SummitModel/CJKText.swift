/// Character classes and whitespace rules for mixed Chinese/Latin text.
///
/// Kept in one place because the importer (joining text across page breaks), the
/// analysis (sentence splitting) and the typesetter (spacing) must agree on them.
public enum CJKText {
    /// Han ideographs, kana, Hangul and the CJK symbol blocks: characters that need no
    /// spaces between them.
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x312F, 0x31A0...0x31FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFFEF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    /// Han ideographs (and kana/Hangul): the letters of CJK text, not its punctuation.
    public static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    /// Full-width punctuation that carries its own blank half, so a space beside it is never wanted.
    public static func isFullWidthPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", "。", "、", "；", "：", "！", "？", "「", "」", "『", "』", "（", "）", "《", "》", "〈", "〉", "【", "】", "〔", "〕":
            return true
        default:
            return false
        }
    }

    /// Marks that end a sentence or clause in Chinese or Latin text.
    public static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "!", "?", "．":
            return true
        default:
            return false
        }
    }

    /// Marks after which a row cut by a page break is taken to be complete.
    public static func endsThought(_ scalar: Unicode.Scalar) -> Bool {
        isSentenceEnd(scalar) || ["；", ";", "：", ":", "」", "』", "）", ")", ".", "…"].contains(scalar)
    }

    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    public static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// The ASCII digit for `0`–`9` and the full-width `０`–`９` that Chinese text uses in
    /// row and page numbers (`１２`); nil for anything else.
    public static func asciiDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if isASCIIDigit(scalar) { return scalar }
        if (0xFF10...0xFF19).contains(scalar.value) { return Unicode.Scalar(scalar.value - 0xFF10 + 0x30) }
        return nil
    }

    /// Collapses every run of whitespace (tabs, no-break and ideographic spaces included)
    /// to one ASCII space and trims both ends.
    public static func collapseWhitespace(_ scalars: some Sequence<Unicode.Scalar>) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        var pendingSpace = false
        for scalar in scalars {
            if isWhitespace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return result
    }

    /// Drops spaces that touch full-width punctuation (`重點： 1.` → `重點：1.`): the
    /// punctuation already holds the space, and a second one prints as a hole.
    public static func removeSpacesBesideFullWidthPunctuation(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            if scalar == " " {
                let before = result.last
                let after = index + 1 < scalars.count ? scalars[index + 1] : nil
                if let before, isFullWidthPunctuation(before) { continue }
                if let after, isFullWidthPunctuation(after) { continue }
            }
            result.append(scalar)
        }
        return result
    }

    /// What to put between two pieces of text rejoined after a page break: nothing
    /// between Chinese characters, a space between Latin words.
    public static func joiner(between left: Unicode.Scalar?, and right: Unicode.Scalar?) -> String {
        guard let left, let right else { return "" }
        if isCJK(left) || isCJK(right) { return "" }
        return " "
    }
}

extension String {
    /// A string from Unicode scalars (the importer and the analysis work on scalar arrays).
    /// Inlinable, so callers in other modules get a specialised copy, not a generic one.
    @inlinable
    public init(scalars: some Sequence<Unicode.Scalar>) {
        // Encoding to UTF-8 bytes first is several times faster than appending to a
        // `UnicodeScalarView` scalar by scalar (the analysis builds thousands of sentences).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount * 3)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
