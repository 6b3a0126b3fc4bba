import SummitModel

/// Scores every speaker and place of a summit against the theme catalog and pulls out
/// the figures. Pure: the same summit and catalog always give the same analysis.
public struct SummitAnalyzer: Sendable {
    public let catalog: ThemeCatalog
    private let scorer: ThemeScorer
    private let extractor = FigureExtractor()

    public init(catalog: ThemeCatalog) {
        self.catalog = catalog
        scorer = ThemeScorer(catalog: catalog)
    }

    public func analyse(_ summit: Summit) -> SummitAnalysis {
        let speakers = summit.speakers.map(analyse)
        var bySlug: [String: [SpeakerAnalysis]] = [:]
        for speaker in speakers { bySlug[speaker.placeSlug, default: []].append(speaker) }
        var places = summit.places.map { place in aggregate(place.slug, bySlug[place.slug] ?? []) }
        addSimilarities(&places)
        return SummitAnalysis(themes: catalog.themes, speakers: speakers, places: places)
    }

    public func analyse(_ speaker: Speaker) -> SpeakerAnalysis {
        let themes = scorer.score(speaker.summary)
        let figures = speaker.summary.units.flatMap { extractor.figures(in: $0.text) }
        return SpeakerAnalysis(number: speaker.number, placeSlug: speaker.placeSlug, themes: themes,
                               totalMatches: themes.reduce(0) { $0 + $1.matches }, topThemes: ThemeScorer.topThemes(themes),
                               figures: figures)
    }

    private func aggregate(_ slug: String, _ speakers: [SpeakerAnalysis]) -> PlaceAnalysis {
        var themes = catalog.themes.map { ThemeScore(themeID: $0.id, matches: 0, share: 0, keywords: [], evidence: []) }
        var keywordSlots = [[String: Int]](repeating: [:], count: themes.count)
        for speaker in speakers {
            for (index, score) in speaker.themes.enumerated() {
                themes[index].matches += score.matches
                for keyword in score.keywords {
                    if let at = keywordSlots[index][keyword.keyword] {
                        themes[index].keywords[at].count += keyword.count
                    } else {
                        keywordSlots[index][keyword.keyword] = themes[index].keywords.count
                        themes[index].keywords.append(keyword)
                    }
                }
                themes[index].evidence += score.evidence
            }
        }
        let total = themes.reduce(0) { $0 + $1.matches }
        for index in themes.indices { themes[index].share = total == 0 ? 0 : Double(themes[index].matches) / Double(total) }
        return PlaceAnalysis(slug: slug, speakerNumbers: speakers.map(\.number), themes: themes, totalMatches: total,
                             topThemes: ThemeScorer.topThemes(themes), similar: [],
                             keyFigures: Self.keyFigures(speakers.flatMap(\.figures)))
    }

    /// For each place, the two others with the most similar theme shares. Places with no
    /// theme matches have no profile and are never similar to anything.
    private func addSimilarities(_ places: inout [PlaceAnalysis]) {
        // Unit-length share vectors, one row per place, in one flat array.
        let width = catalog.themes.count
        var vectors = [Double](repeating: 0, count: places.count * width)
        for (row, place) in places.enumerated() {
            let norm = place.themes.reduce(0) { $0 + $1.share * $1.share }.squareRoot()
            for (column, score) in place.themes.enumerated() where norm > 0 { vectors[row * width + column] = score.share / norm }
        }
        let profiled = places.indices.filter { places[$0].totalMatches > 0 }
        vectors.withUnsafeBufferPointer { vectors in
            for index in profiled {
                var best: [(Int, Double)] = []
                for other in profiled where other != index {
                    var dot = 0.0
                    for k in 0..<width { dot += vectors[index * width + k] * vectors[other * width + k] }
                    // Keep the two best, earlier places first on ties.
                    if best.count < 2 || dot > best[best.count - 1].1 {
                        best.append((other, dot))
                        best.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
                        if best.count > 2 { best.removeLast() }
                    }
                }
                places[index].similar = best.map { Similarity(slug: places[$0.0].slug, score: ($0.1 * 1000).rounded() / 1000) }
            }
        }
    }

    /// The figures a comparison table should show: money and shares first, then ranks and
    /// counts of some size; years and small bare numbers last. At most three, no repeats.
    static func keyFigures(_ figures: [KeyFigure]) -> [KeyFigure] {
        func weight(_ figure: KeyFigure) -> Int {
            switch figure.kind {
            case .money: return 7
            case .percent: return 6
            case .rank: return 5
            case .count: return figure.value >= 10 ? 4 : 1
            case .size: return 3
            case .number: return 2
            case .duration: return 2
            case .year: return 0
            }
        }
        var seen = Set<String>()
        return figures.enumerated()
            .filter { weight($0.element) > 0 }
            .sorted { weight($0.element) != weight($1.element) ? weight($0.element) > weight($1.element) : $0.offset < $1.offset }
            .map(\.element)
            .filter { seen.insert($0.clause).inserted }
            .prefix(3)
            .map { $0 }
    }
}
