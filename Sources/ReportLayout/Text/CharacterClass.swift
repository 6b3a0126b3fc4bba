/// How a character behaves at a line break and next to other scripts: a compact version
/// of Unicode's line-breaking classes (UAX #14) with the Chinese rules for what may not
/// start or end a line (禁則).
public enum CharacterClass: Sendable, Hashable {
    /// Han, kana, Hangul, full-width forms: a line may break before and after.
    case ideograph
    /// Opening brackets and quotes: never at the end of a line.
    case open
    /// Closing brackets, commas, stops, `%`: never at the start of a line.
    case close
    /// Iteration marks, small kana, prolonged sound mark, dashes: never at the start of a line.
    case nonStarter
    case space
    /// `-`: a Latin word may break after it.
    case hyphen
    /// Latin letters, digits and everything else: words that stay whole.
    case alphabetic

    public init(_ scalar: Unicode.Scalar) {
        switch scalar {
        case _ where Self.isBreakingSpace(scalar):
            self = .space
        case "，", "。", "、", "；", "：", "！", "？", "」", "』", "）", "〉", "》", "】", "〕", "］", "｝", "〞", "’", "”",
             "…", "‥", "%", "％", "‰", ")", "]", "}", ",", ".", ";", ":", "!", "?", "·", "・", "°", "℃":
            self = .close
        case "「", "『", "（", "〈", "《", "【", "〔", "［", "｛", "〝", "‘", "“", "(", "[", "{", "$", "£", "€", "¥", "＄":
            self = .open
        case "ー", "々", "〻", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ゎ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ",
             "ュ", "ョ", "ヮ", "ヵ", "ヶ", "—", "–", "〜", "～":
            self = .nonStarter
        case "-", "\u{2010}":
            self = .hyphen
        default:
            self = Self.isWide(scalar) ? .ideograph : .alphabetic
        }
    }

    /// A space a line may end at, where it hangs: the space, and the en, em and thin spaces
    /// (UAX #14 class BA). A no-break space is not one: it holds like a letter.
    @inline(__always)
    public static func isBreakingSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x2002, 0x2003, 0x2009: true
        default: false
        }
    }

    /// CJK ideographs and symbols, kana, Hangul, full-width forms.
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Letters and digits that get the CJK–Latin gap next to an ideograph (`8%` counts as one word).
    public static func isLatinWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "%" { return true }
        if scalar.value < 0x80 { return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
        return !isWide(scalar) && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
    }

    /// Ideographs proper (not CJK punctuation): the Chinese side of a CJK–Latin gap.
    public static func isIdeographLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3041...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

/// What happens between two neighbouring clusters: may a line break there, does the
/// CJK–Latin gap go there, and how much of a justified line's slack it takes.
public struct ClusterJoin: Sendable, Hashable {
    public var breakAllowed: Bool
    /// A fixed gap between Chinese and Latin text (a style option).
    public var cjkLatinGap: Bool
    /// Share of the slack when the line is justified: 0 inside Latin words, 1 elsewhere.
    public var stretch: UInt8
    /// This cluster is a space the source wrote between Chinese and Latin text: it keeps
    /// its place in the text (so copied text is as written) but is set as the fixed gap,
    /// so `ICT 裡面` and `8%是` get the same spacing.
    public var spaceIsGap: Bool = false

    public init(breakAllowed: Bool, cjkLatinGap: Bool, stretch: UInt8) {
        self.breakAllowed = breakAllowed
        self.cjkLatinGap = cjkLatinGap
        self.stretch = stretch
    }

    /// The join between a cluster ending in `before` and one starting with `after`.
    public init(_ before: Unicode.Scalar?, _ after: Unicode.Scalar, cjkLatinSpacing: Bool) {
        guard let before else {
            self.init(breakAllowed: false, cjkLatinGap: false, stretch: 0)
            return
        }
        let a = CharacterClass(before), b = CharacterClass(after)
        let allowed: Bool
        switch (a, b) {
        case (_, .space): allowed = false
        case (.space, .close), (.space, .nonStarter): allowed = false
        case (.space, _): allowed = true
        case (_, .close), (_, .nonStarter): allowed = false
        case (.open, _): allowed = false
        case (.ideograph, _), (_, .ideograph): allowed = true
        // After full-width punctuation (`，ICT`); Latin `,` in `1,000` holds.
        case (.close, _), (.nonStarter, _): allowed = CharacterClass.isWide(before)
        case (_, .open): allowed = CharacterClass.isWide(after)
        case (.hyphen, .alphabetic): allowed = after.properties.isAlphabetic
        default: allowed = false
        }
        let gap = cjkLatinSpacing && (CharacterClass.isIdeographLetter(before) && CharacterClass.isLatinWord(after)
            || CharacterClass.isLatinWord(before) && CharacterClass.isIdeographLetter(after))
        // Justification slack goes next to Chinese characters and after spaces, never inside a
        // Latin word or number and never before a space.
        let stretches = b != .space && (CharacterClass.isWide(before) || CharacterClass.isWide(after) || a == .space || gap)
        self.init(breakAllowed: allowed, cjkLatinGap: gap, stretch: stretches ? 1 : 0)
    }
}
