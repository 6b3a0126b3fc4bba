import Foundation
import ReportLayout
import ReportStyle
import SummitAnalysis
import SummitModel

/// Everything a part of the brief needs to know: the summit, its analysis, the selected
/// places and speakers, the style and the language.
struct BriefContext {
    let summit: Summit
    let analysis: SummitAnalysis
    let places: [Place]
    let speakers: [Speaker]
    let sheet: StyleSheet
    let language: BriefLanguage
    let type: BriefTypography
    /// ISO date of generation (SOURCE_DATE_EPOCH when set).
    let generated: String

    init(summit: Summit, analysis: SummitAnalysis, places: [Place], sheet: StyleSheet, language: BriefLanguage, generated: String) {
        self.summit = summit
        self.analysis = analysis
        self.places = places
        let chosen = Set(places.map(\.slug))
        speakers = summit.speakers.filter { chosen.contains($0.placeSlug) }
        self.sheet = sheet
        self.language = language
        type = BriefTypography(sheet)
        self.generated = generated
        var first: [String: Int] = [:]
        for speaker in speakers where first[speaker.placeSlug] == nil { first[speaker.placeSlug] = speaker.number }
        firstSpeaker = first
        var bySlug: [String: Place] = [:]
        for place in summit.places { bySlug[place.slug] = place }
        placesBySlug = bySlug
        speakersByPlace = summit.speakersByPlace()
    }

    private let firstSpeaker: [String: Int]
    private let placesBySlug: [String: Place]
    private let speakersByPlace: [String: [Speaker]]

    func speakers(at place: Place) -> [Speaker] { speakersByPlace[place.slug] ?? [] }

    var allSelected: Bool { places.count == summit.places.count }

    func place(_ slug: String) -> Place? { placesBySlug[slug] }

    /// The destination of a place: its first speaker's page.
    func anchor(of place: Place) -> String? { firstSpeaker[place.slug].map { "speaker-\($0)" } }

    func paragraph(_ text: String, _ style: TextStyle, _ paragraphStyle: ParagraphStyle, language: String? = nil) -> Paragraph {
        Paragraph(RichText(text, style), paragraphStyle, language: language)
    }

    /// A person's or place's name. One without spaces (a Chinese name, `黃珊珊`) is never cut
    /// across lines as running Chinese text may be; a Latin name still wraps at its spaces.
    func name(_ text: String, _ style: TextStyle) -> TextSpan {
        TextSpan(text, style, unbreakable: !text.contains(" "))
    }

    /// Theme ids → labels in the brief's language.
    func themeName(_ id: String) -> String { analysis.theme(id).map(language.themeName) ?? id }

    /// A short label for narrow heatmap columns.
    func shortThemeName(_ theme: Theme) -> String { language.zh ? theme.shortZh : theme.shortEn }

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
