import SummitModel

/// Reading numbers for `FigureExtractor`: Arabic runs with separators and decimals, Chinese
/// numerals with their multipliers, mixed forms (`1.5 萬`, `2 萬 4 千`) and a sign that belongs
/// to the number.
extension FigureExtractor {
    struct ParsedNumber {
        var start: Int
        var end: Int
        var value: Double
        var hasArabic: Bool
        var hasMultiplier: Bool
        /// 4-digit integer written in Arabic digits with no multiplier (a year candidate).
        var plainInteger: Int?
    }

    static func startsNumber(_ scalar: Unicode.Scalar) -> Bool {
        CJKText.isASCIIDigit(scalar) || chineseDigit(scalar) != nil || chineseMultiplier(scalar) != nil
    }

    static func chineseDigit(_ scalar: Unicode.Scalar) -> Double? {
        switch scalar {
        case "〇", "零": return 0
        case "一": return 1
        case "二", "兩": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    /// 十/百/千 multiply within a section; 萬/億 close a section.
    static func chineseMultiplier(_ scalar: Unicode.Scalar) -> (value: Double, closesSection: Bool)? {
        switch scalar {
        case "十": return (10, false)
        case "百": return (100, false)
        case "千": return (1000, false)
        case "萬", "万": return (10_000, true)
        case "億", "亿": return (100_000_000, true)
        default: return nil
        }
    }

    private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && !CJKText.isCJK(scalar)
    }

    /// Reads an Arabic run (`1,000`, `1.76`) at `index`.
    private func arabic(_ s: [Unicode.Scalar], at index: Int) -> (value: Double, end: Int, integer: Bool, digits: Int)? {
        var end = index
        var digits: [Unicode.Scalar] = []
        while end < s.count {
            if CJKText.isASCIIDigit(s[end]) {
                digits.append(s[end])
                end += 1
            } else if s[end] == ",", end + 3 < s.count, (1...3).allSatisfy({ CJKText.isASCIIDigit(s[end + $0]) }),
                      end + 4 >= s.count || !CJKText.isASCIIDigit(s[end + 4]) {
                end += 1   // thousands separator
            } else {
                break
            }
        }
        guard !digits.isEmpty else { return nil }
        var integer = true
        if end + 1 < s.count, s[end] == ".", CJKText.isASCIIDigit(s[end + 1]) {
            integer = false
            digits.append(".")
            end += 1
            while end < s.count, CJKText.isASCIIDigit(s[end]) { digits.append(s[end]); end += 1 }
        }
        guard let value = Double(String(String.UnicodeScalarView(digits))) else { return nil }
        return (value, end, integer, digits.count)
    }

    /// Signs that make a number negative: ASCII hyphen-minus, U+2212 MINUS SIGN and U+FF0D
    /// FULLWIDTH HYPHEN-MINUS (what Chinese text is typed with).
    static let minusSigns: Set<Unicode.Scalar> = ["-", "\u{2212}", "\u{FF0D}"]

    /// Whether the scalar at `index` is a minus sign that belongs to what follows it, not a
    /// hyphen or a subtraction (`COVID-19`, `3-5`, `5−3`): nothing Latin or numeric before it.
    static func isSign(_ s: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index < s.count, minusSigns.contains(s[index]) else { return false }
        guard index > 0 else { return true }
        let before = s[index - 1]
        return !(isLatinLetter(before) || CJKText.isASCIIDigit(before) || before == "." || minusSigns.contains(before))
    }

    func parseNumber(_ s: [Unicode.Scalar], at start: Int) -> ParsedNumber? {
        // Not part of a code, a sum, a date or a word: `COVID-19`, `1+7`, `3/23`, `v2`.
        if start > 0 {
            let before = s[start - 1]
            if CJKText.isASCIIDigit(before) || Self.isLatinLetter(before) || before == "." || before == "+" || before == "/" || before == "#" { return nil }
            if Self.minusSigns.contains(before), !Self.isSign(s, at: start - 1) { return nil }
        }
        // `-3.2%`, `−12 億元`, `－5 度`: the sign is part of the number (and of its text).
        let negative = Self.isSign(s, at: start - 1)
        var index = start
        var total = 0.0, section = 0.0
        var current: Double?
        var hasArabic = false, hasMultiplier = false, chineseDigits = 0
        var plainInteger: Int?
        var lastWasMultiplier = false
        var tokens = 0
        while index < s.count {
            let scalar = s[index]
            if CJKText.isASCIIDigit(scalar) {
                guard current == nil, let run = arabic(s, at: index) else { break }
                // `5G`, `1+7`, `3/23`, `4x`: a code, not a quantity.
                if run.end < s.count {
                    let after = s[run.end]
                    if Self.isLatinLetter(after) || after == "+" || after == "/" || after == "-" || after == "×" { return tokens == 0 ? nil : finish() }
                    // `1. ` `2、`: a list number.
                    if (after == "." || after == "、" || after == "．"), run.integer,
                       run.end + 1 >= s.count || !CJKText.isASCIIDigit(s[run.end + 1]) {
                        return tokens == 0 ? nil : finish()
                    }
                }
                current = run.value
                hasArabic = true
                if tokens == 0, run.integer, run.digits == 4 { plainInteger = Int(run.value) }
                index = run.end
                lastWasMultiplier = false
            } else if let digit = Self.chineseDigit(scalar) {
                if current != nil && !lastWasMultiplier { break }
                current = digit
                chineseDigits += 1
                index += 1
                lastWasMultiplier = false
            } else if let multiplier = Self.chineseMultiplier(scalar) {
                hasMultiplier = true
                plainInteger = nil
                if multiplier.closesSection {
                    section += current ?? 0
                    if section == 0 { section = 1 }
                    total += section * multiplier.value
                    section = 0
                } else {
                    section += (current ?? 1) * multiplier.value
                }
                current = nil
                index += 1
                lastWasMultiplier = true
            } else if scalar == " ", index + 1 < s.count {
                // `2 萬 4 千`: a space between a number and its multiplier, or between groups.
                let next = s[index + 1]
                if current != nil, Self.chineseMultiplier(next) != nil {
                    index += 1
                    continue
                }
                if lastWasMultiplier, CJKText.isASCIIDigit(next), let run = arabic(s, at: index + 1) {
                    var after = run.end
                    if after < s.count, s[after] == " " { after += 1 }
                    if after < s.count, Self.chineseMultiplier(s[after]) != nil {
                        index += 1
                        continue
                    }
                }
                break
            } else {
                break
            }
            tokens += 1
        }
        func finish() -> ParsedNumber? {
            let value = total + section + (current ?? 0)
            guard tokens > 0 else { return nil }
            // Chinese numerals only count with a 十/百/千/萬/億 (`兩億`), not as words (`五個`, `第一`).
            if !hasArabic && !hasMultiplier { return nil }
            if !hasArabic && chineseDigits == 0 && !hasMultiplier { return nil }
            return ParsedNumber(start: negative ? start - 1 : start, end: index, value: negative ? -value : value, hasArabic: hasArabic,
                                hasMultiplier: hasMultiplier, plainInteger: negative ? nil : plainInteger)
        }
        return finish()
    }
}
