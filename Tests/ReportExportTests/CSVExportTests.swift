import Testing
import ReportTestSupport
@testable import ReportExport
import SummitAnalysis
import SummitModel

enum ExportFixtures {
    static let exports: CSVExports = {
        do {
            let places = try PlaceDirectory.load(Repository.path("Data/places.yaml")).directory
            let roles = try RoleVocabulary.load(Repository.path("Data/roles.yaml"))
            let catalog = try ThemeCatalog.load(Repository.path("Data/themes.yaml")).catalog
            let summit = try SummitImporter(places: places, roles: roles).importFile(Repository.summit2021).summit
            return CSVExports(summit: summit, analysis: SummitAnalyzer(catalog: catalog).analyse(summit), places: summit.places)
        } catch { fatalError("\(error)") }
    }()
}

@Suite("CSV files")
struct CSVExportTests {
    let exports = ExportFixtures.exports

    @Test func everyFileHasBOMCRLFAndAHeader() throws {
        for table in exports.tables {
            let bytes = table.bytes
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(table.name) needs a BOM")
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            #expect(text.hasSuffix("\r\n"))
            let firstLine = text.prefix { $0 != "\r\n" }
            #expect(firstLine == table.header.joined(separator: ","), "\(table.name)")
            let back = try CSVReadBack(bytes)
            #expect(back.header == table.header)
            #expect(back.rows.count == table.rows.count, "\(table.name)")
        }
    }

    @Test func speakersReadBackEqualTheModel() throws {
        let back = try CSVReadBack(exports.speakers.bytes)
        #expect(back.rows.count == 13)
        for (row, speaker) in zip(back.rows, exports.summits[0].summit.speakers) {
            #expect(row[0] == String(speaker.number))
            #expect(row[1] == speaker.placeSlug)
            #expect(row[7] == speaker.role)
            #expect(row[8] == (speaker.honorific ?? ""))
            #expect(row[9] == speaker.name)
            #expect(row[10] == speaker.summary.plainText, "multi-line summaries survive quoting")
            #expect(row[11] == "", "no translation given to these exports")
            #expect(row[12] == String(speaker.summary.pointCount))
        }
        #expect(back.column("name")[4] == "Kwon, Young-jin", "a comma inside a cell")
        #expect(back.column("place_zh")[0] == "臺北市")
        #expect(back.column("country_iso") == ["TW", "TW", "NL", "GB", "KR", "ZA", "CZ", "FR", "NP", "MU", "CZ", "GB", "HU"])
        #expect(back.column("top_theme_1")[0] == "education")
    }

    @Test func summaryENHoldsTheTranslationWhereThereIsOne() throws {
        var exports = exports
        let summit = exports.summits[0].summit
        let english = Summary(blocks: [.paragraph("Technology-based pandemic prevention."),
                                       .list(SummaryList(ordered: true, items: [ListItem(number: 1, text: "First point.")]))])
        exports.translations[summit.date] = SummitTranslation(file: "t.en.yaml", title: "T", summaries: [2: english])
        let back = try CSVReadBack(exports.speakers.bytes)
        #expect(back.column("summary_en")[0] == "", "speaker 1 has no translation here")
        #expect(back.column("summary_en")[1] == "Technology-based pandemic prevention.\n1. First point.")
    }

    @Test func longThemesHeatmapAndFiguresMatchTheAnalysis() throws {
        let themes = try CSVReadBack(exports.themes.bytes)
        #expect(themes.rows.count == 13 * exports.summits[0].analysis.themes.count)
        let mayorIdentity = try #require(themes.rows.first { $0[2] == "1" && $0[4] == "digital-identity" })
        #expect(mayorIdentity[7] == "5")
        #expect(mayorIdentity[9].hasPrefix("身份識別 (1); 身分識別 (1)"))
        #expect(Double(mayorIdentity[8]).map { abs($0 - 5.0 / 42.0) < 1e-6 } == true)

        let heatmap = try CSVReadBack(exports.heatmap.bytes)
        #expect(heatmap.rows.count == 12)
        #expect(heatmap.header.count == 3 + exports.summits[0].analysis.themes.count + 3, "places, themes, summit and speakers")
        let pandemicColumn = try #require(heatmap.header.firstIndex(of: "pandemic"))
        #expect(heatmap.rows[0][pandemicColumn] == "14")

        let figures = try CSVReadBack(exports.figures.bytes)
        let money = try #require(figures.rows.first { $0[6] == "money" })
        #expect(money[4] == "200000000" && money[5] == "GBP" && money[7] == "兩億英鎊")
        let share = try #require(figures.rows.first { $0[7] == "1.76%" })
        #expect(share[4] == "1.76")
    }

    @Test func aCellWithCommaQuoteAndNewlineSurvives() throws {
        let tricky = "He said \"yes, 好\"\nthen left, 然後"
        let table = CSVTable(name: "t.csv", header: ["a", "b"], rows: [[.text(tricky), .integer(1)]])
        let back = try CSVReadBack(table.bytes)
        #expect(back.rows == [[tricky, "1"]])
    }

    @Test func formulasAreNeutralisedButNumbersStayNumbers() throws {
        let table = CSVTable(name: "t.csv", header: ["text", "number"], rows: [
            [.text("=HYPERLINK(\"http://x\")"), .number(-3.5)],
            [.text("-1+2"), .integer(-42)],
            [.text("+886 2 1234"), .number(1e8)],
            [.text("@SUM(A1)"), .number(0.125)],
            [.text("\tindent"), .empty],
            [.text("plain 文字"), .integer(0)],
        ])
        let back = try CSVReadBack(table.bytes)
        #expect(back.column("text") == ["'=HYPERLINK(\"http://x\")", "'-1+2", "'+886 2 1234", "'@SUM(A1)", "'\tindent", "plain 文字"])
        #expect(back.column("number") == ["-3.5", "-42", "100000000", "0.125", "", "0"])
    }

    @Test func aSummaryStartingWithEqualsOrMinusIsNeutralised() throws {
        var exports = self.exports
        exports.summits[0].summit.speakers[0].summary = Summary(blocks: [.paragraph("=1+1 is not a formula")])
        exports.summits[0].summit.speakers[1].summary = Summary(blocks: [.paragraph("-5% is text here")])
        let back = try CSVReadBack(exports.speakers.bytes)
        #expect(back.column("summary")[0] == "'=1+1 is not a formula")
        #expect(back.column("summary")[1] == "'-5% is text here")
    }
}
