import SummitModel

/// Cuts a paragraph into sentences at `。！？!?` (the mark stays with its sentence), so that
/// evidence quotes the sentence a keyword stands in rather than a whole paragraph.
enum SentenceSplitter {
    /// The offsets (in Unicode scalars) of each sentence of a paragraph, trimmed.
    static func ranges(in text: [Unicode.Scalar]) -> [Range<Int>] {
        sentences(in: text).map(\.range)
    }

    /// Sentences with their offsets (in Unicode scalars) in the paragraph.
    static func sentences(in text: [Unicode.Scalar]) -> [(text: String, range: Range<Int>)] {
        split(text).map { range in (String(scalars: text[range]), range) }
    }

    private static func split(_ text: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < text.count {
            if CJKText.isSentenceEnd(text[index]) || (text[index] == "." && (index + 1 == text.count || text[index + 1] == " ")) {
                var end = index + 1
                while end < text.count, text[end] == "」" || text[end] == "』" || text[end] == "）" || text[end] == ")" { end += 1 }
                append(text, start..<end, to: &result)
                start = end
                index = end
                continue
            }
            index += 1
        }
        append(text, start..<text.count, to: &result)
        return result
    }

    private static func append(_ text: [Unicode.Scalar], _ range: Range<Int>, to result: inout [Range<Int>]) {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, CJKText.isWhitespace(text[lower]) { lower += 1 }
        while upper > lower, CJKText.isWhitespace(text[upper - 1]) { upper -= 1 }
        guard lower < upper else { return }
        result.append(lower..<upper)
    }
}
