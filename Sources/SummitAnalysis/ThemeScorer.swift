import SummitModel

/// Scores a summary against every theme of the catalog, keeping the evidence.
public struct ThemeScorer: Sendable {
    public let catalog: ThemeCatalog
    private let matcher: KeywordMatcher

    public init(catalog: ThemeCatalog) {
        self.catalog = catalog
        matcher = KeywordMatcher(catalog: catalog)
    }

    /// One score per theme, in catalog order (zero scores included, so vectors line up).
    public func score(_ summary: Summary) -> [ThemeScore] {
        var counts = [Int](repeating: 0, count: catalog.themes.count)
        var keywords = [[KeywordCount]](repeating: [], count: catalog.themes.count)
        var evidence = [[Evidence]](repeating: [], count: catalog.themes.count)
        // Where each keyword and each evidence sentence already sits, so repeats are found
        // without comparing text.
        var keywordSlot: [Int: Int] = [:]   // keyword index × themes + theme → position
        var evidenceSlot: [Int: [Int: Int]] = [:]

        for (unitIndex, unit) in summary.units.enumerated() {
            let scalars = Array(unit.text.unicodeScalars)
            let matches = matcher.matches(in: unit.text)
            guard !matches.isEmpty else { continue }
            // A list item is quoted whole; a paragraph by the sentence each match is in.
            let sentences = unit.item == nil ? SentenceSplitter.ranges(in: scalars) : [0..<scalars.count]
            var sentenceIndex = 0
            var sentenceText: (index: Int, text: String)?
            for match in matches {
                while sentenceIndex + 1 < sentences.count, sentences[sentenceIndex].upperBound <= match.range.lowerBound {
                    sentenceIndex += 1
                }
                if sentenceText?.index != sentenceIndex {
                    sentenceText = (sentenceIndex, sentences.isEmpty ? unit.text : String(scalars: scalars[sentences[sentenceIndex]]))
                }
                let sentence = sentenceText?.text ?? unit.text
                let sentenceKey = unitIndex << 20 | sentenceIndex
                for theme in match.themes {
                    counts[theme] += 1
                    let slot = match.keywordIndex * catalog.themes.count + theme
                    if let index = keywordSlot[slot] {
                        keywords[theme][index].count += 1
                    } else {
                        keywordSlot[slot] = keywords[theme].count
                        keywords[theme].append(KeywordCount(keyword: match.keyword, count: 1))
                    }
                    if let index = evidenceSlot[sentenceKey]?[theme] {
                        evidence[theme][index].keywords.append(match.keyword)
                    } else {
                        evidenceSlot[sentenceKey, default: [:]][theme] = evidence[theme].count
                        evidence[theme].append(Evidence(text: sentence, keywords: [match.keyword], marker: unit.marker))
                    }
                }
            }
        }
        let total = counts.reduce(0, +)
        return catalog.themes.indices.map { index in
            ThemeScore(themeID: catalog.themes[index].id, matches: counts[index],
                       share: total == 0 ? 0 : Double(counts[index]) / Double(total),
                       keywords: keywords[index], evidence: evidence[index])
        }
    }

    /// The ids of the (up to) `count` themes with the most matches; ties go to the theme
    /// listed first in the catalog. Themes with no match are never "top".
    public static func topThemes(_ scores: [ThemeScore], count: Int = 3) -> [String] {
        scores.enumerated()
            .filter { $0.element.matches > 0 }
            .sorted { $0.element.matches != $1.element.matches ? $0.element.matches > $1.element.matches : $0.offset < $1.offset }
            .prefix(count)
            .map(\.element.themeID)
    }
}
