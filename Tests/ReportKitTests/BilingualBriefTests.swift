import Foundation
import Testing
import ReportKit
import ReportLayout
import ReportTestSupport
import SummitModel

/// `--lang zh-TW+en`: every summary beside its translation, paragraph by paragraph and point
/// by point, labels in both languages, the English tagged `en` for a screen reader, and the
/// analysis of the original (the bilingual brief is the Chinese brief with the English added).
@Suite("The bilingual brief sets original and translation side by side")
struct BilingualBriefTests {
    static let folder = Repository.temporaryFolder("bilingual-brief")
    let summit = BriefFixtures.loaded.summit

    /// The bilingual brief in a style, written once through the command line as users run it.
    static func make(style: String) -> String {
        let path = folder + "/bilingual-\(style).pdf"
        let run = try? ReportBinary.run(["pdf", "--lang", "zh-TW+en", "--style", style, "--out", path, "--quiet"],
                                        environment: ["SOURCE_DATE_EPOCH": "1616428800"])
        if run?.status != 0 { Issue.record("report pdf --lang zh-TW+en --style \(style) failed: \(run?.stderr ?? "")") }
        return path
    }

    static let brief = make(style: "default")
    /// Large print: longer tables over more pages, where repeated heads and headings at page
    /// tops could read as running headers.
    static let largePrint = make(style: "large-print")

    func translation() throws -> SummitTranslation {
        try #require(BriefFixtures.loaded.translations[summit.date], "the 2021 translation is loaded beside the summit file")
    }

    /// In content order (MuPDF's text follows the content stream, which the painter writes
    /// in reading order): each paragraph or point of the original, then its translation,
    /// then the next pair.
    @Test func everyPassageStandsBesideItsTranslationInReadingOrder() throws {
        let run = try ToolRun.run("mutool", ["draw", "-q", "-F", "txt", Self.brief])
        #expect(run.status == 0, "\(run.stderr)")
        let text = run.stdout.squeezed
        let translation = try translation()
        var position = text.startIndex
        var missing: [String] = []
        for speaker in summit.speakers {
            let english = try #require(translation.summary(of: speaker), "row \(speaker.number) is translated")
            #expect(english.units.count == speaker.summary.units.count)
            for (original, translated) in zip(speaker.summary.units, english.units) {
                for wanted in [original.text.squeezed, translated.text.squeezed] {
                    if let found = text.range(of: wanted, range: position..<text.endIndex) {
                        position = found.upperBound
                    } else {
                        missing.append("\(speaker.number): \(wanted.prefix(24))")
                    }
                }
            }
        }
        #expect(missing.isEmpty, "not found whole and in order: \(missing.prefix(4))")
    }

    /// The laid-out pages: every line of the translation's text is in an element tagged `en`,
    /// and no line so tagged holds a Chinese character; every original line is untagged (the
    /// document's own zh-TW).
    @Test func theEnglishIsTaggedEnglishAndHoldsNoChinese() throws {
        let document = try BriefFixtures.layout(language: .bilingual)
        // The speaker pages (the appendix's English quotes Chinese keywords, as it should).
        let first = try #require(document.destinations["speakers"]?.page), end = try #require(document.destinations["appendix"]?.page)
        let english = document.pages[first..<end].flatMap(\.textLines).filter { $0.structure.contains { $0.language == "en" } }
        #expect(!english.isEmpty)
        let withChinese = english.filter { $0.text.unicodeScalars.contains(where: CJKText.isIdeograph) }
        #expect(withChinese.isEmpty, "English lines with Chinese: \(withChinese.prefix(3).map(\.text))")
        let translation = try translation()
        let englishText = english.map(\.text).joined().squeezed
        for speaker in summit.speakers {
            for unit in try #require(translation.summary(of: speaker)).units {
                #expect(englishText.contains(String(unit.text.squeezed.prefix(40))), "row \(speaker.number) tagged en: \(unit.text.prefix(30))")
            }
        }
        // Beside the Chinese evidence and figures, the English: Taipei's education quote from
        // item 3 and the clause of its 55 %.
        let lines = english.map(\.text)
        #expect(lines.contains { $0.hasPrefix("item 3. “") && $0.contains("high school students") }, "the English evidence")
        #expect(englishText.contains("cashless:55%ofparents"), "the English clause of a figure (its number a run of bold type)")
        #expect(!document.pages.flatMap(\.textLines).contains { $0.structure.contains { $0.language == "zh-TW" } },
                "in a Chinese document the Chinese needs no tag of its own")
    }

    @Test func labelsAreInBothLanguages() throws {
        let text = try BriefFixtures.text(Self.brief).squeezed
        for label in ["目錄Contents", "城市比較表Cross-citycomparison", "主題熱度圖Themeheatmap", "講者摘要Speakers",
                      "附錄：主題分類與計分方式Appendix:themesandscoring", "第2頁，共23頁Page2of23", "主題與依據Themesandevidence",
                      "關鍵數字Keyfigures", "臺北市Taipei", "市長Mayor", "中文原文", "Englishtranslation",
                      "2021首長高峰會", "2021Mayors'Summit(23March)", "城市比較簡報Citycomparisonbrief"] {
            #expect(text.contains(label), "\(label)")
        }
        // The sentences of the appendix in both, each its own paragraph.
        #expect(text.contains("每位講者的摘要逐字比對") && text.contains("Eachsummaryismatchedagainstthethemekeywords"))
    }

    /// The bilingual brief analyses the original, as the Chinese brief does: the same themes
    /// and figures (only their labels gain English).
    @Test func theAnalysisIsTheOriginals() throws {
        let chinese = BriefFixtures.loaded.summits(in: .zhTW), bilingual = BriefFixtures.loaded.summits(in: .bilingual)
        #expect(chinese.map(\.analysis) == bilingual.map(\.analysis))
        let english = BriefFixtures.loaded.summits(in: .en)
        #expect(chinese.map(\.analysis) != english.map(\.analysis), "the English brief scores the translation")
    }

    @Test(arguments: ["default", "large-print"])
    func theFileIsAChineseDocumentThatPassesTheCheckers(style: String) throws {
        let brief = style == "default" ? Self.brief : Self.largePrint
        let objects = try QPDFObjects(brief)
        #expect(QPDFObjects.text(objects.catalog["/Lang"]) == "zh-TW")
        let englishElements = objects.structureElements.filter { QPDFObjects.text($0["/Lang"]) == "en" }
        let units = try summit.speakers.reduce(0) { $0 + (try #require(translation().summary(of: $1)).units.count) }
        #expect(englishElements.count >= units, "every translated paragraph and point is an element tagged en")
        for profile in [PDFCheckers.Profile.pdfUA1, .pdfA2u] {
            let failures = try PDFCheckers.pageValidation(brief, profile: profile)
            #expect(failures.isEmpty, "\(profile): \(failures.prefix(3))")
        }
        let outloud = try PDFCheckers.outloud(brief)
        #expect(outloud.errors == 0 && outloud.warnings == 0, "\(outloud.findings.prefix(3))")
    }

    @Test func aSpeakerWithoutTranslationSaysSoInBothAndShowsTheOriginal() throws {
        let path = Self.folder + "/broken.pdf"
        let run = try ReportBinary.run(["pdf", "--lang", "zh-tw+EN", "--out", path, "--quiet",
                                        "--translation", Repository.fixture("translations/broken.en.yaml")])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try BriefFixtures.text(path).squeezed
        #expect(text.contains("臺北市：摘要沒有譯文，以下為原文。Taipei:noEnglishtranslationofthissummaryexists;theoriginalfollows."))
        #expect(text.contains(String(summit.speakers[0].summary.units[0].text.squeezed.prefix(16))))
        #expect(text.contains("Brokentranslation"), "the translation's title under the Chinese one")
    }

    @Test func theDefaultNameSaysTheLanguages() throws {
        let options = BriefFixtures.options(language: .bilingual)
        let report = PDFReport(loaded: BriefFixtures.loaded, options: options, clock: BriefFixtures.clock)
        let (style, _) = try report.style()
        #expect(report.defaultOutputPath(style: style) == "Output/summit-2021-03-23-zh-TW+en.pdf")
    }

    /// Over two summits Taipei's page over the summits stays one page in two languages: the
    /// themes that came and went give way to the table's change column rather than spill.
    @Test func thePageOverTheSummitsStaysOnePage() throws {
        let path = Self.folder + "/two-summits.pdf"
        let run = try ReportBinary.run(["pdf", "--lang", "zh-TW+en", "--data", Repository.summit2021, "--data", Repository.summit2022,
                                        "--out", path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let pages = try Int(#require(ToolRun.run("pdfinfo", [path]).stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }?
            .split(separator: " ").last.map(String.init))) ?? 0
        // The pages whose running header names the part.
        let history = try (1...pages).filter { try BriefFixtures.text(path, page: $0).squeezed.hasPrefix("首長高峰會2021–2022（2屆）歷屆比較Overthesummits") }
        #expect(history.count == 1, "pages over the summits: \(history)")
        let text = try BriefFixtures.text(path, page: history.first ?? 1).squeezed
        #expect(text.contains("各屆主題分布Themeprofilepersummit") && text.contains("▼不再提及gone"))
    }
}
