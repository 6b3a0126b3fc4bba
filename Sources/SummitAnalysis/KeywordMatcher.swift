import SummitModel

/// Finds theme keywords in text, leftmost-longest and without overlaps, in one pass.
///
/// A trie over the lower-cased keywords is walked from each position; the longest keyword
/// that starts there wins and the scan resumes after it, so `大數據` is one match, not also
/// `數據`. Keywords that begin or end with a Latin letter or digit only match as whole
/// words, so `AI` is not found inside `SAÏB` and `5G` not inside `15G`.
public struct KeywordMatcher: Sendable {
    public struct Match: Sendable, Hashable {
        /// The keyword as written in the theme file.
        public var keyword: String
        /// A number for the keyword, the same in every match (cheaper to compare than text).
        public var keywordIndex: Int
        /// Offsets in Unicode scalars of the matched text.
        public var range: Range<Int>
        /// Indexes (into the catalog) of the themes that list this keyword.
        public var themes: [Int]
    }

    private struct Node: Sendable {
        var children: [Unicode.Scalar: Int] = [:]
        /// Keyword ending here: its spelling and themes.
        var keyword: (text: String, themes: [Int], index: Int)?
    }

    private var nodes: [Node] = [Node()]
    /// How many distinct keywords there are (`Match.keywordIndex` is below it).
    public private(set) var keywordCount = 0

    public init(catalog: ThemeCatalog) {
        for (themeIndex, theme) in catalog.themes.enumerated() {
            for keyword in theme.keywords {
                let key = Self.fold(Array(keyword.unicodeScalars))
                guard !key.isEmpty else { continue }
                var node = 0
                for scalar in key {
                    if let next = nodes[node].children[scalar] {
                        node = next
                    } else {
                        nodes.append(Node())
                        nodes[node].children[scalar] = nodes.count - 1
                        node = nodes.count - 1
                    }
                }
                if var existing = nodes[node].keyword {
                    if !existing.themes.contains(themeIndex) { existing.themes.append(themeIndex) }
                    nodes[node].keyword = existing
                } else {
                    nodes[node].keyword = (keyword, [themeIndex], keywordCount)
                    keywordCount += 1
                }
            }
        }
    }

    /// Lower-cases ASCII and folds full-width Latin letters and digits to ASCII, so that
    /// `ＷＩＦＩ`, `WIFI` and `wifi` all match the keyword `WIFI`.
    static func fold(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        scalars.map { scalar in
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            if (0x41...0x5A).contains(value) { value += 0x20 }
            return Unicode.Scalar(value) ?? scalar
        }
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.properties.isAlphabetic && !CJKText.isCJK(scalar)) || CJKText.isASCIIDigit(scalar)
    }

    public func matches(in text: String) -> [Match] {
        let original = Array(text.unicodeScalars)
        let folded = Self.fold(original)
        var result: [Match] = []
        var start = 0
        while start < folded.count {
            var node = 0
            var best: (end: Int, keyword: String, themes: [Int], index: Int)?
            var index = start
            while index < folded.count, let next = nodes[node].children[folded[index]] {
                node = next
                index += 1
                if let keyword = nodes[node].keyword, isWholeWord(folded, start, index) {
                    best = (index, keyword.text, keyword.themes, keyword.index)
                }
            }
            if let best {
                result.append(Match(keyword: best.keyword, keywordIndex: best.index, range: start..<best.end, themes: best.themes))
                start = best.end
            } else {
                start += 1
            }
        }
        return result
    }

    private func isWholeWord(_ text: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        if Self.isWordCharacter(text[start]), start > 0, Self.isWordCharacter(text[start - 1]) { return false }
        if Self.isWordCharacter(text[end - 1]), end < text.count, Self.isWordCharacter(text[end]) { return false }
        return true
    }
}
