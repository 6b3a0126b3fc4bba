/// Recognises the page-number lines that a PDF's text extraction leaves between pages:
/// `3`, `- 3 -`, `— 3 —`, `第 3 頁`, `第3頁，共5頁`, `Page 3 of 5`, `p. 3`, `3/5`, `(3)`,
/// with ASCII or full-width digits.
enum PageNumberLine {
    enum Match: Equatable {
        /// A number and nothing else: it may also be a row number whose cells lost their tabs.
        case bare(Int)
        /// A number with the words or dashes that only page numbers have.
        case decorated
    }

    /// Page numbers are short; anything longer is text.
    static let maximumLength = 24

    static func match(_ scalars: [Unicode.Scalar]) -> Match? {
        guard !scalars.isEmpty, scalars.count <= maximumLength else { return nil }
        var numbers: [Int] = []
        var decorated = false
        var index = 0
        // Full-width digits as ASCII, ASCII letters in lower case.
        let text = scalars.map { scalar -> Unicode.Scalar in
            if let digit = CJKText.asciiDigit(scalar) { return digit }
            if (0x41...0x5A).contains(scalar.value), let lower = Unicode.Scalar(scalar.value + 0x20) { return lower }
            return scalar
        }
        while index < text.count {
            let scalar = text[index]
            if CJKText.isASCIIDigit(scalar) {
                var value = 0
                while index < text.count, CJKText.isASCIIDigit(text[index]), value < 100_000 {
                    value = value * 10 + Int(text[index].value - 0x30)
                    index += 1
                }
                numbers.append(value)
                continue
            }
            if CJKText.isWhitespace(scalar) { index += 1; continue }
            if let word = ["page", "of", "p."].first(where: { matches($0, in: text, at: index) }) {
                decorated = true
                index += word.unicodeScalars.count
                continue
            }
            guard "-–—()（）[]/／第頁共，,.".unicodeScalars.contains(scalar) else { return nil }
            decorated = true
            index += 1
        }
        switch (numbers.count, decorated) {
        case (1, false): return .bare(numbers[0])
        case (1, true), (2, true): return .decorated
        default: return nil
        }
    }

    private static func matches(_ word: String, in text: [Unicode.Scalar], at index: Int) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard index + scalars.count <= text.count else { return false }
        return Array(text[index..<index + scalars.count]) == scalars
    }
}
