/// Finds the numbers of an inline numbered list (`1. … 2. … 3. …`) in running text.
///
/// Only the next expected number counts, and only where a list number can stand: at the
/// start, after a space or after punctuation that ends a phrase, and followed by `.`,
/// `．` or `、` that is not the decimal point of a number. So `1+7`, `5+1`, `1.76%`,
/// `2.5` and `智慧校園 4.0` are never list boundaries.
enum ListMarkerScanner {
    struct Marker {
        var number: Int
        /// Where the marker starts (its first digit) and where the item text starts.
        var start: Int
        var textStart: Int
    }

    /// Markers for `expected`, `expected + 1`, … in order, as far as they go.
    static func markers(in text: [Unicode.Scalar], from expected: Int, searchFrom: Int = 0) -> [Marker] {
        var result: [Marker] = []
        var number = expected
        var position = searchFrom
        while let marker = find(number, in: text, from: position) {
            result.append(marker)
            number += 1
            position = marker.textStart
        }
        return result
    }

    /// The marker for `number` at the very start of `text`, if it is there.
    static func atStart(_ number: Int, in text: [Unicode.Scalar]) -> Marker? {
        match(number, in: text, at: 0)
    }

    static func find(_ number: Int, in text: [Unicode.Scalar], from position: Int) -> Marker? {
        let digits = Array(String(number).unicodeScalars)
        guard let first = digits.first else { return nil }
        var index = position
        while index < text.count {
            if text[index] == first, let marker = match(number, digits: digits, in: text, at: index) {
                return marker
            }
            index += 1
        }
        return nil
    }

    static func match(_ number: Int, in text: [Unicode.Scalar], at index: Int) -> Marker? {
        match(number, digits: Array(String(number).unicodeScalars), in: text, at: index)
    }

    private static func match(_ number: Int, digits: [Unicode.Scalar], in text: [Unicode.Scalar], at index: Int) -> Marker? {
        guard index + digits.count < text.count else { return nil }
        if index > 0 {
            let before = text[index - 1]
            guard CJKText.isWhitespace(before) || canPrecedeMarker(before) else { return nil }
        }
        for (offset, digit) in digits.enumerated() where text[index + offset] != digit { return nil }
        let punctuation = text[index + digits.count]
        guard punctuation == "." || punctuation == "．" || punctuation == "、" else { return nil }
        var textStart = index + digits.count + 1
        if textStart < text.count {
            let after = text[textStart]
            // `1.76`, `4.0`: a decimal point, not a list number.
            if CJKText.isASCIIDigit(after) || after == "." || after == "%" { return nil }
        }
        while textStart < text.count, CJKText.isWhitespace(text[textStart]) { textStart += 1 }
        return Marker(number: number, start: index, textStart: textStart)
    }

    private static func canPrecedeMarker(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "：", ":", "。", "；", ";", "！", "？", "!", "?", "，", "、":
            return true
        default:
            return false
        }
    }
}
