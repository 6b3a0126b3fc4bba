import SummitAnalysis
import SummitModel

/// The five CSV files of `report csv`, built from the summit and its analysis for the
/// selected places. Column order is fixed: analysts build pivot tables on it.
public struct CSVExports: Sendable {
    public var summit: Summit
    public var analysis: SummitAnalysis
    /// Slugs of the selected places, in summit order.
    public var places: [Place]

    public init(summit: Summit, analysis: SummitAnalysis, places: [Place]) {
        self.summit = summit
        self.analysis = analysis
        self.places = places
    }

    private var placesBySlug: [String: Place] { Dictionary(summit.places.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first }) }

    public var tables: [CSVTable] { [speakers, placesTable, themes, heatmap, figures] }

    private var selectedSpeakers: [Speaker] {
        let slugs = Set(places.map(\.slug))
        return summit.speakers.filter { slugs.contains($0.placeSlug) }
    }


    private func topThemeCells(_ ids: [String]) -> [CSVCell] {
        (0..<3).map { $0 < ids.count ? .text(ids[$0]) : .empty }
    }

    public var speakers: CSVTable {
        var table = CSVTable(name: "speakers.csv", header: [
            "number", "place_slug", "place_zh", "place_en", "country_zh", "country_en", "country_iso", "role", "honorific", "name",
            "summary", "points", "top_theme_1", "top_theme_2", "top_theme_3",
        ])
        let placesBySlug = placesBySlug
        for speaker in selectedSpeakers {
            let place = placesBySlug[speaker.placeSlug]
            let top = analysis.speaker(speaker.number)?.topThemes ?? []
            table.rows.append([
                .integer(speaker.number), .text(speaker.placeSlug), .text(place?.zh ?? speaker.placeAsWritten), .text(place?.en ?? ""),
                .text(place?.country.zh ?? ""), .text(place?.country.en ?? ""), .text(place?.country.iso ?? ""),
                .text(speaker.role), speaker.honorific.map(CSVCell.text) ?? .empty, .text(speaker.name),
                .text(speaker.summary.plainText), .integer(speaker.summary.pointCount),
            ] + topThemeCells(top))
        }
        return table
    }

    public var placesTable: CSVTable {
        var table = CSVTable(name: "places.csv", header: [
            "place_slug", "place_zh", "place_en", "country_zh", "country_en", "country_iso", "kind", "speakers", "speaker_names",
            "roles", "matches", "top_theme_1", "top_theme_2", "top_theme_3", "similar_1", "similar_1_score", "similar_2",
            "similar_2_score", "key_figures",
        ])
        let speakersByPlace = summit.speakersByPlace()
        for place in places {
            let speakers = speakersByPlace[place.slug] ?? []
            let result = analysis.place(place.slug)
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
            table.rows.append(row)
        }
        return table
    }

    public var themes: CSVTable {
        var table = CSVTable(name: "themes.csv", header: [
            "place_slug", "place_zh", "speaker_number", "speaker_name", "theme_id", "theme_zh", "theme_en", "matches", "share",
            "keywords", "evidence",
        ])
        let placesBySlug = placesBySlug
        for speaker in selectedSpeakers {
            guard let result = analysis.speaker(speaker.number) else { continue }
            for (theme, score) in zip(analysis.themes, result.themes) {
                table.rows.append([
                    .text(speaker.placeSlug), .text(placesBySlug[speaker.placeSlug]?.zh ?? speaker.placeAsWritten), .integer(speaker.number),
                    .text(speaker.displayName), .text(theme.id), .text(theme.zh), .text(theme.en), .integer(score.matches),
                    .number(score.share), .text(score.keywords.map { "\($0.keyword) (\($0.count))" }.joined(separator: "; ")),
                    .text(score.evidence.map(\.text).joined(separator: "\n")),
                ])
            }
        }
        return table
    }

    public var heatmap: CSVTable {
        var table = CSVTable(name: "heatmap.csv", header: ["place_slug", "place_zh", "place_en"] + analysis.themes.map(\.id))
        for place in places {
            let result = analysis.place(place.slug)
            table.rows.append([.text(place.slug), .text(place.zh), .text(place.en)]
                + analysis.themes.map { .integer(result?.matches($0.id) ?? 0) })
        }
        return table
    }

    public var figures: CSVTable {
        var table = CSVTable(name: "figures.csv", header: [
            "place_slug", "place_zh", "speaker_number", "speaker_name", "value", "unit", "kind", "text", "clause",
        ])
        let placesBySlug = placesBySlug
        for speaker in selectedSpeakers {
            for figure in analysis.speaker(speaker.number)?.figures ?? [] {
                table.rows.append([
                    .text(speaker.placeSlug), .text(placesBySlug[speaker.placeSlug]?.zh ?? speaker.placeAsWritten), .integer(speaker.number),
                    .text(speaker.displayName), .number(figure.value), .text(figure.unit), .text(figure.kind.rawValue),
                    .text(figure.text), .text(figure.clause),
                ])
            }
        }
        return table
    }
}
