import ReportLayout
import ReportStyle
import SummitAnalysis
import SummitModel

/// Assembles the brief as a `Document`: cover, contents, comparison table, heatmap, a
/// page per speaker, appendix; the PDF outline groups speakers under their place.
public struct BriefBuilder {
    let context: BriefContext

    public init(summit: Summit, analysis: SummitAnalysis, places: [Place], style: StyleSheet, language: BriefLanguage, generated: String) {
        self.init(summits: [AnalysedSummit(summit: summit, analysis: analysis)], places: places, style: style, language: language, generated: generated)
    }

    /// A brief over several summits (oldest first): every part says which summit a row or
    /// page is from, and places that spoke at more than one get a page over the summits.
    public init(summits: [AnalysedSummit], places: [Place], style: StyleSheet, language: BriefLanguage, generated: String) {
        context = BriefContext(summits: summits, places: places, sheet: style, language: language, generated: generated)
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

    private func outline() -> [OutlineEntry] {
        let language = context.language
        var entries = [
            OutlineEntry(title: language.contents, level: 0, destination: ContentsPages.anchor),
            OutlineEntry(title: language.comparison, level: 0, destination: ComparisonTable.anchor),
            OutlineEntry(title: language.heatmap, level: 0, destination: ThemeHeatmap.anchor),
            OutlineEntry(title: language.speakers, level: 0, destination: SpeakerPages.anchor),
        ]
        for place in context.places {
            let speakers = context.speakers(at: place)
            guard let first = speakers.first else { continue }
            entries.append(OutlineEntry(title: language.placeName(place), level: 1, destination: context.anchor(of: first)))
            for speaker in speakers {
                let title = [language.role(speaker), speaker.displayName].filter { !$0.isEmpty }.joined(separator: " ")
                entries.append(OutlineEntry(title: title, level: 2, destination: context.anchor(of: speaker)))
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
            creator: "report (Swift, Cairo, Pango)",
            date: date,
            language: language.code.rawValue)
    }
}
