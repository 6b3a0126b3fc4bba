import ReportLayout
import ReportStyle
import SummitAnalysis
import SummitModel

/// Assembles the brief as a `Document`: cover, contents, comparison table, heatmap, a
/// page per speaker, appendix; the PDF outline groups speakers under their place.
public struct BriefBuilder {
    let context: BriefContext

    public init(summit: Summit, analysis: SummitAnalysis, places: [Place], style: StyleSheet, language: BriefLanguage, generated: String) {
        context = BriefContext(summit: summit, analysis: analysis, places: places, sheet: style, language: language, generated: generated)
    }

    public func document(date: String) -> Document {
        let language = context.language, type = context.type
        func furniture(_ section: String) -> PageFurniture {
            PageFurniture(headerLeft: RichText(context.summit.heading, type.furniture), headerRight: RichText(section, type.furniture),
                          ruleColor: type.furnitureRule, footerFormat: language.footerFormat, footerStyle: type.furniture)
        }
        let sections = [
            CoverPage(context: context).section(),
            ContentsPages(context: context).section(furniture: furniture(language.contents)),
            ComparisonTable(context: context).section(furniture: furniture(language.comparison)),
            ThemeHeatmap(context: context).section(furniture: furniture(language.heatmap)),
            SpeakerPages(context: context).section(furniture: furniture(language.speakers)),
            Appendix(context: context).section(furniture: furniture(language.appendix)),
        ]
        return Document(sections: sections, outline: outline(), metadata: metadata(date: date))
    }

    /// Most bookmarks under one parent before the list is grouped.
    static let outlineSiblings = 200

    private func outline() -> [OutlineEntry] {
        let language = context.language
        var entries = [
            OutlineEntry(title: language.contents, level: 0, destination: ContentsPages.anchor),
            OutlineEntry(title: language.comparison, level: 0, destination: ComparisonTable.anchor),
            OutlineEntry(title: language.heatmap, level: 0, destination: ThemeHeatmap.anchor),
            OutlineEntry(title: language.speakers, level: 0, destination: SpeakerPages.anchor),
        ]
        // Places under the speakers' part; a long list goes under its countries, and a country's
        // long list into runs, so no bookmark has more than a few hundred siblings (readers and
        // checkers walk siblings as a chain, and a chain of a thousand is refused).
        let places = context.places.filter { !context.speakers(at: $0).isEmpty }
        var groups: [(title: String?, places: [Place])] = [(nil, places)]
        if places.count > Self.outlineSiblings {
            var byCountry: [(title: String, places: [Place])] = []
            for place in places {
                let country = language.countryName(place).isEmpty ? place.country.iso : language.countryName(place)
                if let index = byCountry.firstIndex(where: { $0.title == country }) { byCountry[index].places.append(place) } else { byCountry.append((country, [place])) }
            }
            groups = byCountry.flatMap { country -> [(title: String?, places: [Place])] in
                guard country.places.count > Self.outlineSiblings else { return [(country.title, country.places)] }
                return stride(from: 0, to: country.places.count, by: Self.outlineSiblings).map { start in
                    let end = min(start + Self.outlineSiblings, country.places.count)
                    return ("\(country.title) \(start + 1)–\(end)", Array(country.places[start..<end]))
                }
            }
        }
        for group in groups {
            let level = group.title == nil ? 1 : 2
            if let title = group.title, let first = group.places.first.flatMap({ context.speakers(at: $0).first }) {
                entries.append(OutlineEntry(title: title, level: 1, destination: first.anchor))
            }
            for place in group.places {
                let speakers = context.speakers(at: place)
                guard let first = speakers.first else { continue }
                entries.append(OutlineEntry(title: language.placeName(place), level: level, destination: first.anchor))
                for speaker in speakers {
                    let title = [language.role(speaker), speaker.displayName].filter { !$0.isEmpty }.joined(separator: " ")
                    entries.append(OutlineEntry(title: title, level: level + 1, destination: speaker.anchor))
                }
            }
        }
        entries.append(OutlineEntry(title: language.appendix, level: 0, destination: Appendix.anchor))
        return entries
    }

    private func metadata(date: String) -> DocumentMetadata {
        let language = context.language, summit = context.summit
        let places = context.places.prefix(12).map(language.placeName)
        return DocumentMetadata(
            title: "\(summit.title) \(language.briefTitle)",
            subject: summit.heading,
            keywords: [language.pick("智慧城市", "smart city"), summit.title, summit.date] + places,
            author: language.pick("智慧城市首長高峰會簡報（report）", "Smart-city summit brief (report)"),
            creator: "\(ReportVersion.toolName) (Swift, Cairo, Pango)",
            date: date,
            language: language.code.rawValue)
    }
}
