import SummitAnalysis
import SummitModel

/// The five CSV files of `report csv`, built from the summits and their analyses for the
/// selected places. Column order is fixed: analysts build pivot tables on it. Every file
/// ends with the summit's date and title and the speakers' ids (`2021-03-23#1`), so the
/// files of several summits are one table each and files of different runs stack.
public struct CSVExports: Sendable {
    /// Oldest first; rows follow this order, then the file's.
    public var summits: [AnalysedSummit]
    /// The selected places, in summit order.
    public var places: [Place]
    /// English translations by summit date: their summaries fill `summary_en` (empty where
    /// a speaker has none).
    public var translations: [String: SummitTranslation] = [:]

    public init(summits: [AnalysedSummit], places: [Place]) {
        self.summits = summits
        self.places = places
    }

    public init(summit: Summit, analysis: SummitAnalysis, places: [Place]) {
        self.init(summits: [AnalysedSummit(summit: summit, analysis: analysis)], places: places)
    }

    /// The columns every file ends with.
    static let summitColumns = ["summit_date", "summit"]

    private func summitCells(_ summit: Summit) -> [CSVCell] { [.text(summit.date), .text(summit.title)] }

    private var placesBySlug: [String: Place] {
        Dictionary(summits.flatMap(\.summit.places).map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var tables: [CSVTable] { [speakers, placesTable, themes, heatmap, figures] }

    /// The selected speakers of every summit, each with its summit and analysis.
    private var selectedSpeakers: [(speaker: Speaker, summit: AnalysedSummit)] {
        let slugs = Set(places.map(\.slug))
        return summits.flatMap { entry in entry.summit.speakers.filter { slugs.contains($0.placeSlug) }.map { ($0, entry) } }
    }

    /// The selected places of every summit at which they had speakers, in each summit's
    /// order: a run over one summit gives the same rows as its part of a run over several.
    private var selectedPlaces: [(place: Place, speakers: [Speaker], summit: AnalysedSummit)] {
        let selected = Dictionary(places.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        return summits.flatMap { entry in
            let speakersByPlace = entry.summit.speakersByPlace()
            return entry.summit.places.compactMap { place in
                selected[place.slug].flatMap { chosen in speakersByPlace[place.slug].map { (chosen, $0, entry) } }
            }
        }
    }

    /// The themes of the catalog (the same for every summit read together).
    private var themeList: [Theme] { summits.last?.analysis.themes ?? [] }


    private func topThemeCells(_ ids: [String]) -> [CSVCell] {
        (0..<3).map { $0 < ids.count ? .text(ids[$0]) : .empty }
    }

    public var speakers: CSVTable {
        var table = CSVTable(name: "speakers.csv", header: [
            "number", "place_slug", "place_zh", "place_en", "country_zh", "country_en", "country_iso", "role", "honorific", "name",
            "summary", "summary_en", "points", "top_theme_1", "top_theme_2", "top_theme_3",
        ] + Self.summitColumns + ["speaker_id"])
        let placesBySlug = placesBySlug
        for (speaker, entry) in selectedSpeakers {
            let place = placesBySlug[speaker.placeSlug]
            let top = entry.analysis.speaker(speaker.number)?.topThemes ?? []
            table.rows.append([
                .integer(speaker.number), .text(speaker.placeSlug), .text(place?.zh ?? speaker.placeAsWritten), .text(place?.en ?? ""),
                .text(place?.country.zh ?? ""), .text(place?.country.en ?? ""), .text(place?.country.iso ?? ""),
                .text(speaker.role), speaker.honorific.map(CSVCell.text) ?? .empty, .text(speaker.name),
                .text(speaker.summary.plainText),
                translations[entry.summit.date]?.summary(of: speaker).map { CSVCell.text($0.plainText) } ?? .empty,
                .integer(speaker.summary.pointCount),
            ] + topThemeCells(top) + summitCells(entry.summit) + [.text(speaker.id)])
        }
        return table
    }

    public var placesTable: CSVTable {
        var table = CSVTable(name: "places.csv", header: [
            "place_slug", "place_zh", "place_en", "country_zh", "country_en", "country_iso", "kind", "speakers", "speaker_names",
            "roles", "matches", "top_theme_1", "top_theme_2", "top_theme_3", "similar_1", "similar_1_score", "similar_2",
            "similar_2_score", "key_figures",
        ] + Self.summitColumns + ["speaker_ids"])
        for (place, speakers, entry) in selectedPlaces {
            let result = entry.analysis.place(place.slug)
            let similar = result?.similar ?? []
            var row: [CSVCell] = [
                .text(place.slug), .text(place.zh), .text(place.en), .text(place.country.zh), .text(place.country.en),
                .text(place.country.iso), .text(place.kind.rawValue), .integer(speakers.count),
                .text(speakers.map(\.displayName).joined(separator: "; ")), .text(speakers.map(\.role).joined(separator: "; ")),
                .integer(result?.totalMatches ?? 0),
            ]
            row += topThemeCells(result?.topThemes ?? [])
            for index in 0..<2 {
                row += index < similar.count ? [.text(similar[index].slug), .number(similar[index].score)] : [.empty, .empty]
            }
            row.append(.text((result?.keyFigures ?? []).map(\.text).joined(separator: "; ")))
            table.rows.append(row + summitCells(entry.summit) + [.text(speakers.map(\.id).joined(separator: "; "))])
        }
        return table
    }

    public var themes: CSVTable {
        var table = CSVTable(name: "themes.csv", header: [
            "place_slug", "place_zh", "speaker_number", "speaker_name", "theme_id", "theme_zh", "theme_en", "matches", "share",
            "keywords", "evidence",
        ] + Self.summitColumns + ["speaker_id"])
        let placesBySlug = placesBySlug
        for (speaker, entry) in selectedSpeakers {
            guard let result = entry.analysis.speaker(speaker.number) else { continue }
            for (theme, score) in zip(entry.analysis.themes, result.themes) {
                table.rows.append([
                    .text(speaker.placeSlug), .text(placesBySlug[speaker.placeSlug]?.zh ?? speaker.placeAsWritten), .integer(speaker.number),
                    .text(speaker.displayName), .text(theme.id), .text(theme.zh), .text(theme.en), .integer(score.matches),
                    .number(score.share), .text(score.keywords.map { "\($0.keyword) (\($0.count))" }.joined(separator: "; ")),
                    .text(score.evidence.map(\.text).joined(separator: "\n")),
                ] + summitCells(entry.summit) + [.text(speaker.id)])
            }
        }
        return table
    }

    public var heatmap: CSVTable {
        let themes = themeList
        var table = CSVTable(name: "heatmap.csv", header: ["place_slug", "place_zh", "place_en"] + themes.map(\.id) + Self.summitColumns + ["speaker_ids"])
        for (place, speakers, entry) in selectedPlaces {
            let result = entry.analysis.place(place.slug)
            table.rows.append([.text(place.slug), .text(place.zh), .text(place.en)]
                + themes.map { .integer(result?.matches($0.id) ?? 0) } + summitCells(entry.summit) + [.text(speakers.map(\.id).joined(separator: "; "))])
        }
        return table
    }

    public var figures: CSVTable {
        var table = CSVTable(name: "figures.csv", header: [
            "place_slug", "place_zh", "speaker_number", "speaker_name", "value", "unit", "kind", "text", "clause",
        ] + Self.summitColumns + ["speaker_id"])
        let placesBySlug = placesBySlug
        for (speaker, entry) in selectedSpeakers {
            for figure in entry.analysis.speaker(speaker.number)?.figures ?? [] {
                table.rows.append([
                    .text(speaker.placeSlug), .text(placesBySlug[speaker.placeSlug]?.zh ?? speaker.placeAsWritten), .integer(speaker.number),
                    .text(speaker.displayName), .number(figure.value), .text(figure.unit), .text(figure.kind.rawValue),
                    .text(figure.text), .text(figure.clause),
                ] + summitCells(entry.summit) + [.text(speaker.id)])
            }
        }
        return table
    }
}
