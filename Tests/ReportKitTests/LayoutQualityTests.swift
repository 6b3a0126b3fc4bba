import Testing
import ReportKit
import ReportLayout
import ReportStyle
import ReportTestSupport

@Suite("Every style and language, checked at layout level")
struct LayoutQualityTests {
    static let variants: [(String, BriefLanguage.Code)] = ["default", "print-grayscale", "large-print"].flatMap { style in
        [(style, .zhTW), (style, .en), (style, .bilingual)]
    }

    @Test(arguments: variants)
    func noMissingGlyphsNoBadLineStartsNothingOutOfBoundsNoOverlaps(_ style: String, _ language: BriefLanguage.Code) throws {
        let document = try BriefFixtures.layout(style: style, language: language)
        #expect(document.missingGlyphs.isEmpty, "\(document.missingGlyphs.map { String($0.character) })")
        for (index, page) in document.pages.enumerated() {
            for line in page.textLines {
                let text = line.text
                #expect(!"，。、；：」』）".contains(text.first ?? " ") || text.count == 1 && line.shaped.clusters.count == 1,
                        "page \(index + 1): line starts with punctuation: \(text)")
                #expect(!"「『（".contains(text.last ?? " "), "page \(index + 1): line ends with an opening bracket: \(text)")
            }
        }
        let inset = document.pages[0].size
        let sheet = try StyleSheetLoader(stylesFolder: Repository.path("Styles")).load(style).style
        let checker = LayoutChecker(printableArea: Rect(x: sheet.printableInset, y: sheet.printableInset,
                                                        width: inset.width - 2 * sheet.printableInset, height: inset.height - 2 * sheet.printableInset))
        #expect(checker.outOfBounds(document).isEmpty)
        #expect(checker.overlappingText(document).isEmpty, "\(checker.overlappingText(document).prefix(3))")

        // Chinese names are printed whole wherever they stand (contents, comparison table,
        // speaker headings): in every variant each appears whole on at least three lines.
        let lines = document.pages.flatMap(\.textLines).map(\.text)
        for speaker in BriefFixtures.loaded.summit.speakers where !speaker.name.isEmpty && !speaker.name.contains(" ") {
            #expect(lines.filter { $0.contains(speaker.name) }.count >= 3, "\(speaker.name) is cut across lines")
        }
        // The comparison table of 12 places fits its page in either language at the default size
        // (in both at once it takes a second page).
        if style != "large-print" && language != .bilingual {
            let title = language == .en ? "Cross-city comparison" : "城市比較表"
            let page = document.pages.first { $0.textLines.contains { $0.text == title } }?.textLines.map(\.text) ?? []
            for place in BriefFixtures.loaded.summit.places {
                let name = language == .en ? place.en : place.zh
                #expect(page.contains { $0.hasPrefix(name) || name.hasPrefix($0) }, "\(name) is not on the comparison table's page")
            }
        }

        // The cover is one page (in large print in two languages it gives up the list of places).
        #expect(document.destinations["contents"]?.page == 1, "the contents start on page \((document.destinations["contents"]?.page ?? -1) + 1)")
        // The cover's labels stand on one line each (in the bilingual brief, the English below the Chinese).
        for label in language == .en ? ["Summit date", "Places", "Generated", "Source"] : ["會議日期", "收錄範圍", "產製日期", "資料來源"] {
            #expect(document.pages[0].textLines.contains { $0.text == label }, "cover label \(label) is broken across lines")
        }

        // No page is turned for a line or two (a speaker's last heading, the closing note).
        let columnTop = sheet.margins.top, columnBottom = inset.height - sheet.margins.bottom
        for (index, page) in document.pages.enumerated().dropFirst() {
            let baselines = Set(page.textLines.map(\.origin.y).filter { $0 > columnTop && $0 < columnBottom }.map { ($0 * 10).rounded() })
            #expect(baselines.count >= 3, "page \(index + 1) holds only \(baselines.count) lines: \(page.textLines.map(\.text).prefix(6))")
        }
    }

    @Test func largePrintBodyIsAtLeast14Points() throws {
        let sheet = try StyleSheetLoader(stylesFolder: Repository.path("Styles")).load("large-print").style
        #expect(sheet.sizes.body >= 14)
        let document = try BriefFixtures.layout(style: "large-print")
        let sizes = document.pages.flatMap(\.textLines).map { $0.shaped.spans.map(\.style.font.size).min() ?? 0 }
        #expect((sizes.min() ?? 0) >= 11)
    }

    @Test func noTextUnderEightPoints() throws {
        let document = try BriefFixtures.layout()
        for line in document.pages.flatMap(\.textLines) {
            for span in line.shaped.spans { #expect(span.style.font.size >= 8, "\(span.text) at \(span.style.font.size) pt") }
        }
    }
}
