import Foundation
import ReportLayout
import ReportStyle
import SummitAnalysis
import SummitModel

/// Everything a part of the brief needs to know: the summit, its analysis, the selected
/// places and speakers, the style and the language. With several summits `summit` and
/// `analysis` are the newest, `summits` all of them, and every speaker is looked up in its own.
struct BriefContext {
    let summit: Summit
    let analysis: SummitAnalysis
    /// Oldest first; one entry for a brief of one summit.
    let summits: [AnalysedSummit]
    let places: [Place]
    /// The selected speakers: in file order for one summit, oldest summit first for several.
    let speakers: [Speaker]
    let sheet: StyleSheet
    let language: BriefLanguage
    let type: BriefTypography
    /// ISO date of generation (SOURCE_DATE_EPOCH when set).
    let generated: String

    /// Translations by summit date: only for a brief in their language (English or bilingual).
    let translations: [String: SummitTranslation]
    /// Whether the original Chinese follows a translated summary.
    let showsOriginal: Bool
    /// The translations' analysis by summit date (the bilingual brief quotes its evidence).
    let translatedAnalyses: [String: SummitAnalysis]

    init(summits: [AnalysedSummit], places: [Place], sheet: StyleSheet, language: BriefLanguage, generated: String,
         translations: [String: SummitTranslation] = [:], showsOriginal: Bool = true, translatedAnalyses: [String: SummitAnalysis] = [:]) {
        self.translations = language.code == .zhTW ? [:] : translations
        self.showsOriginal = showsOriginal
        self.translatedAnalyses = translatedAnalyses
        let newest = summits.last ?? AnalysedSummit(summit: Summit(title: "", heading: "", date: "", source: "", speakers: [], places: []),
                                                     analysis: SummitAnalysis(themes: [], speakers: [], places: []))
        summit = newest.summit
        analysis = newest.analysis
        self.summits = summits
        self.places = places
        let chosen = Set(places.map(\.slug))
        speakers = summits.flatMap { $0.summit.speakers.filter { chosen.contains($0.placeSlug) } }
        self.sheet = sheet
        self.language = language
        type = BriefTypography(sheet)
        self.generated = generated
        var first: [String: Speaker] = [:]
        for speaker in speakers where first[speaker.placeSlug] == nil { first[speaker.placeSlug] = speaker }
        firstSpeaker = first
        var bySlug: [String: Place] = [:]
        for entry in summits.reversed() {
            for place in entry.summit.places where bySlug[place.slug] == nil { bySlug[place.slug] = place }
        }
        placesBySlug = bySlug
        var byPlace: [String: [Speaker]] = [:]
        for entry in summits {
            for (slug, speakers) in entry.summit.speakersByPlace() { byPlace[slug, default: []] += speakers }
        }
        speakersByPlace = byPlace
        var byDate: [String: AnalysedSummit] = [:]
        for entry in summits { byDate[entry.summit.date] = entry }
        summitsByDate = byDate
        allPlaceCount = Set(summits.flatMap { $0.summit.places.map(\.slug) }).count
        historyPlaces = summits.count > 1 ? places.filter { Set((byPlace[$0.slug] ?? []).map(\.summitDate)).count > 1 } : []
        historySlugs = Set(historyPlaces.map(\.slug))
    }

    /// The selected places that spoke at more than one of the summits: each gets a page
    /// over the summits. Worked out once: every speaker page asks.
    let historyPlaces: [Place]
    private let historySlugs: Set<String>

    /// Whether the place has a page over the summits.
    func hasHistory(_ place: Place) -> Bool { historySlugs.contains(place.slug) }

    private let firstSpeaker: [String: Speaker]
    private let placesBySlug: [String: Place]
    private let speakersByPlace: [String: [Speaker]]
    private let summitsByDate: [String: AnalysedSummit]
    private let allPlaceCount: Int

    /// The place's speakers, of every summit (oldest first).
    func speakers(at place: Place) -> [Speaker] { speakersByPlace[place.slug] ?? [] }

    var allSelected: Bool { places.count == allPlaceCount }

    /// Whether the brief covers several summits (and says which summit each row is from).
    var isArchive: Bool { summits.count > 1 }

    func place(_ slug: String) -> Place? { placesBySlug[slug] }

    /// The destination of a place: its first speaker's page.
    func anchor(of place: Place) -> String? { firstSpeaker[place.slug].map(anchor(of:)) }

    /// The destination of a speaker's page: `speaker-3` in a brief of one summit (as it has
    /// always been), `speaker-2021-03-23-3` when several summits each have a row 3.
    func anchor(of speaker: Speaker) -> String { isArchive ? "speaker-\(speaker.summitDate)-\(speaker.number)" : speaker.anchor }

    /// The summit a speaker spoke at, with its analysis.
    func summit(of speaker: Speaker) -> AnalysedSummit? { isArchive ? summitsByDate[speaker.summitDate] : summits.last }

    /// The speaker's themes and figures, from the summit it spoke at.
    func analysis(of speaker: Speaker) -> SpeakerAnalysis? { summit(of: speaker)?.analysis.speaker(speaker.number) }

    /// For the comparison table and the heatmap: a row per selected place, or with several
    /// summits a row per place and summit it spoke at (oldest first), so each row says
    /// which summit it comes from.
    var placeRows: [(place: Place, summit: AnalysedSummit, speakers: [Speaker])] {
        guard isArchive else { return places.compactMap { place in summits.last.map { (place, $0, speakers(at: place)) } } }
        return places.flatMap { place in
            summits.compactMap { entry -> (Place, AnalysedSummit, [Speaker])? in
                let speakers = speakers(at: place).filter { $0.summitDate == entry.summit.date }
                return speakers.isEmpty ? nil : (place, entry, speakers)
            }
        }
    }


    /// The summits at which the place had a speaker, oldest first.
    func summits(of place: Place) -> [AnalysedSummit] {
        let dates = Set(speakers(at: place).map(\.summitDate))
        return summits.filter { dates.contains($0.summit.date) }
    }

    /// The speaker's themes and figures as read from the translation of its summary, when
    /// it has one (the bilingual brief).
    func translatedAnalysis(of speaker: Speaker) -> SpeakerAnalysis? {
        guard translatedSummary(of: speaker) != nil else { return nil }
        return translatedAnalyses[speaker.summitDate.isEmpty ? summit.date : speaker.summitDate]?.speaker(speaker.number)
    }

    /// The speaker's summary in the brief's language, when a translation has one.
    func translatedSummary(of speaker: Speaker) -> Summary? {
        translations[speaker.summitDate.isEmpty ? summit.date : speaker.summitDate]?.summary(of: speaker)
    }

    /// The summit's title in the brief's language, when a translation gives one; the
    /// bilingual brief is under the Chinese title, with the English one below it (`englishTitle`).
    private var translatedTitle: String? { language.zh ? nil : englishTitle(of: summit) }

    /// A summit's English title from its translation, when it has one.
    func englishTitle(of summit: Summit) -> String? { translations[summit.date]?.title }

    /// The English title under the Chinese one on the bilingual cover: the translation's
    /// for one summit, cut at its colon as the title above is; `Summits 2021–2022` for several.
    var secondTitle: String? {
        guard language.bilingual else { return nil }
        if !isArchive { return englishTitle(of: summit).map(Self.shortTitle) }
        return BriefContext(summits: summits, places: places, sheet: sheet, language: BriefLanguage(.en, roles: language.roles, names: language.names),
                            generated: generated, translations: translations).title
    }

    /// A translated title cut at its colon, as the Chinese short title leaves out `談話內容摘要`.
    static func shortTitle(_ title: String) -> String {
        title.split(separator: ":", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? title
    }

    /// The title the brief is under: the summit's, or over several summits the shared
    /// name with the range of years (`首長高峰會 2021–2024`; in English the translations'
    /// shared name when every summit has one, `Mayors' Summit 2021–2022`). A translated
    /// title is cut at its colon, as the Chinese short title leaves out `談話內容摘要`.
    var title: String {
        if !isArchive, let translatedTitle { return Self.shortTitle(translatedTitle) }
        guard isArchive, let first = summits.first?.summit, let last = summits.last?.summit else { return summit.title }
        let years = first.date.prefix(4) == last.date.prefix(4) ? String(first.date.prefix(4)) : "\(first.date.prefix(4))–\(last.date.prefix(4))"
        // An English title names its date in brackets (`2021 Mayors' Summit (23 March)`), as the
        // Chinese short title does not: the shared name leaves it out.
        let titles = language.zh ? summits.map { Optional($0.summit.title) }
            : summits.map { englishTitle(of: $0.summit).map { Self.withoutBracketedEnd(Self.shortTitle($0)) } }
        let names = Set(titles.map { $0.map(Self.withoutYear) ?? "" })
        if names.count == 1, let name = names.first, !name.isEmpty { return "\(name) \(years)" }
        return language.pick("高峰會 \(years)", "Summits \(years)")
    }

    /// The page headers' left side: the heading, or a translated title cut short (a long
    /// English sentence in the furniture reads as prose that readers skip).
    var runningHeading: String { translatedTitle == nil ? heading : title }

    /// The line above the title and in the page headers.
    var heading: String {
        guard isArchive else { return translatedTitle ?? summit.heading }
        return title + language.pick("（\(summits.count) 屆）", ": \(summits.count) summits")
    }

    /// A summit's short label in rows and lists: its year, or its date when two summits share a year.
    func summitLabel(_ summit: Summit) -> String {
        let year = String(summit.date.prefix(4))
        return summits.filter { $0.summit.date.hasPrefix(year) }.count > 1 ? summit.date : year
    }

    /// A summit's name in the brief's language: its title in Chinese; in English its
    /// translated title, or `2021 summit` without one.
    func summitName(_ summit: Summit) -> String {
        if language.zh { return summit.title }
        // Its date stands beside it wherever it is named.
        return englishTitle(of: summit).map { Self.withoutBracketedEnd(Self.shortTitle($0)) } ?? "\(summitLabel(summit)) summit"
    }

    /// `2021 Mayors' Summit (23 March)` → `2021 Mayors' Summit`.
    static func withoutBracketedEnd(_ title: String) -> String {
        guard title.hasSuffix(")"), let open = title.lastIndex(of: "("), open > title.startIndex else { return title }
        return title[..<open].trimmingCharacters(in: .whitespaces)
    }

    /// `2021 首長高峰會` → `首長高峰會`.
    static func withoutYear(_ title: String) -> String {
        let scalars = Array(title.unicodeScalars)
        var index = 0
        while index < scalars.count, CJKText.isASCIIDigit(scalars[index]) { index += 1 }
        guard index == 4 else { return title }
        return String(scalars: scalars[index...]).trimmingCharacters(in: " ")
    }

    func paragraph(_ text: String, _ style: TextStyle, _ paragraphStyle: ParagraphStyle, language: String? = nil) -> Paragraph {
        Paragraph(RichText(text, style), paragraphStyle, language: language)
    }

    /// Sentences as paragraphs, each tagged with its language (the bilingual brief's English
    /// follows the Chinese); the first keeps `paragraphStyle`'s space before, the others `gap`.
    func paragraphs(_ sentences: BriefLanguage.Sentences, _ style: TextStyle, _ paragraphStyle: ParagraphStyle, gap: Double) -> [Block] {
        sentences.enumerated().map { index, sentence in
            var spaced = paragraphStyle
            if index > 0 { spaced.spaceBefore = gap }
            return .paragraph(paragraph(sentence.text, style, spaced, language: sentence.language))
        }
    }

    /// A person's or place's name. One without spaces (a Chinese name, `黃珊珊`) is never cut
    /// across lines as running Chinese text may be; a Latin name still wraps at its spaces.
    func name(_ text: String, _ style: TextStyle) -> TextSpan {
        TextSpan(text, style, unbreakable: !text.contains(" "))
    }

    /// Theme ids → labels in the brief's language.
    func themeName(_ id: String) -> String { analysis.theme(id).map(language.themeName) ?? id }


    /// The figure's clause with the figure itself in bold.
    func figureText(_ figure: KeyFigure, base: TextStyle, bold: TextStyle) -> RichText {
        figureText(clause: figure.clause, figures: [figure], base: base, bold: bold)
    }

    /// A clause with every figure it holds in bold (`以 **1 個**基礎 **2 個**配套 …`).
    func figureText(clause: String, figures: [KeyFigure], base: TextStyle, bold: TextStyle) -> RichText {
        var spans: [TextSpan] = []
        var rest = clause[...]
        for figure in figures {
            guard let range = rest.range(of: figure.text) else { continue }
            if range.lowerBound > rest.startIndex { spans.append(TextSpan(String(rest[..<range.lowerBound]), base)) }
            spans.append(TextSpan(figure.text, bold))
            rest = rest[range.upperBound...]
        }
        if !rest.isEmpty { spans.append(TextSpan(String(rest), base)) }
        return RichText(spans)
    }
}
