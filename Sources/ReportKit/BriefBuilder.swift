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
    ///
    /// `translations` (by summit date) give the English summaries and title of a brief in
    /// English; `showsOriginal` sets the Chinese below each translated summary.
    /// `translatedAnalyses` (by summit date): the analysis of the translations, from which the
    /// bilingual brief quotes the English evidence beside the Chinese.
    public init(summits: [AnalysedSummit], places: [Place], style: StyleSheet, language: BriefLanguage, generated: String,
                translations: [String: SummitTranslation] = [:], showsOriginal: Bool = true,
                translatedAnalyses: [String: SummitAnalysis] = [:]) {
        context = BriefContext(summits: summits, places: places, sheet: style, language: language, generated: generated,
                               translations: translations, showsOriginal: showsOriginal, translatedAnalyses: translatedAnalyses)
    }

    public func document(date: String) -> Document {
        let language = context.language, type = context.type
        func furniture(_ section: String) -> PageFurniture {
            PageFurniture(headerLeft: RichText(context.runningHeading, type.furniture), headerRight: RichText(section, type.furniture),
                          ruleColor: type.furnitureRule, footerFormat: language.footerFormat, footerStyle: type.furniture)
        }
        var sections = [
            CoverPage(context: context).section(),
            ContentsPages(context: context).section(furniture: furniture(language.contents)),
            ComparisonTable(context: context).section(furniture: furniture(language.comparison)),
            ThemeHeatmap(context: context).section(furniture: furniture(language.heatmap)),
            SpeakerPages(context: context).section(furniture: furniture(language.speakers)),
        ]
        if !context.historyPlaces.isEmpty {
            sections.append(SummitHistoryPages(context: context).section(furniture: furniture(language.history)))
        }
        sections.append(Appendix(context: context).section(furniture: furniture(language.appendix)))
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
        func speakerTitle(_ speaker: Speaker, place: Bool) -> String {
            let where_ = place ? context.place(speaker.placeSlug).map(language.placeName) : nil
            return [where_, language.role(speaker), speaker.displayName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        if context.isArchive {
            // Speakers under their summit (a long summit's in runs), then each place that spoke more than once.
            for entry in context.summits {
                let speakers = context.speakers.filter { $0.summitDate == entry.summit.date }
                guard let first = speakers.first else { continue }
                entries.append(OutlineEntry(title: context.summitName(entry.summit), level: 1, destination: context.anchor(of: first)))
                let runs = speakers.count > Self.outlineSiblings ? stride(from: 0, to: speakers.count, by: Self.outlineSiblings).map { $0 } : [0]
                for start in runs {
                    let end = runs.count == 1 ? speakers.count : min(start + Self.outlineSiblings, speakers.count)
                    if runs.count > 1 {
                        entries.append(OutlineEntry(title: "\(start + 1)–\(end)", level: 2, destination: context.anchor(of: speakers[start])))
                    }
                    for speaker in speakers[start..<end] {
                        entries.append(OutlineEntry(title: speakerTitle(speaker, place: true), level: runs.count > 1 ? 3 : 2,
                                                    destination: context.anchor(of: speaker)))
                    }
                }
            }
            if !context.historyPlaces.isEmpty {
                entries.append(OutlineEntry(title: language.history, level: 0, destination: SummitHistoryPages.anchor))
                for place in context.historyPlaces {
                    entries.append(OutlineEntry(title: SummitHistoryPages.entryTitle(place, context: context), level: 1,
                                                destination: SummitHistoryPages.anchor(of: place)))
                }
            }
        } else {
            entries += placeOutline(speakerTitle: { speakerTitle($0, place: false) })
        }
        entries.append(OutlineEntry(title: language.appendix, level: 0, destination: Appendix.anchor))
        return entries
    }

    /// Places under the speakers' part; a long list goes under its countries, and a country's
    /// long list into runs, so no bookmark has more than a few hundred siblings (readers and
    /// checkers walk siblings as a chain, and a chain of a thousand is refused).
    private func placeOutline(speakerTitle: (Speaker) -> String) -> [OutlineEntry] {
        let language = context.language
        var entries: [OutlineEntry] = []
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
                entries.append(OutlineEntry(title: title, level: 1, destination: context.anchor(of: first)))
            }
            for place in group.places {
                let speakers = context.speakers(at: place)
                guard let first = speakers.first else { continue }
                entries.append(OutlineEntry(title: language.placeName(place), level: level, destination: context.anchor(of: first)))
                for speaker in speakers {
                    entries.append(OutlineEntry(title: speakerTitle(speaker), level: level + 1, destination: context.anchor(of: speaker)))
                }
            }
        }
        return entries
    }

    private func metadata(date: String) -> DocumentMetadata {
        let language = context.language
        let places = context.places.prefix(12).map(language.placeName)
        let summits = context.summits.flatMap { [$0.summit.title, $0.summit.date] }
        return DocumentMetadata(
            title: "\(context.title) \(language.briefTitle)",
            subject: context.heading,
            keywords: [language.label("智慧城市", "smart city")] + summits + places,
            author: language.label("智慧城市首長高峰會簡報（report）", "Smart-city summit brief (report)"),
            creator: "\(ReportVersion.toolName) (Swift, Cairo, Pango)",
            date: date,
            language: language.code.documentLanguage)
    }
}
