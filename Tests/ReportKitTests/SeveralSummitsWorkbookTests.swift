import Foundation
import ReportExport
import ReportKit
import ReportTestSupport
import Testing

/// The workbook of several summits, before the archive lands: the tables with the summit
/// columns the archive adds to every CSV file (`summit_date`, `summit`, `speaker_id`,
/// `speaker_ids`) are described, typed (the date as a date) and linked by place and summit.
@Suite("xlsx workbook of several summits")
struct SeveralSummitsWorkbookTests {
    /// The 2021 tables twice, as two summits: every row ends with its summit's columns (the
    /// archive's CSV tables end with them; the second copy gets the other summit's).
    static func tables() throws -> [CSVTable] {
        let single = try CSVReport(loaded: BriefFixtures.loaded, cities: "all").tables().tables
        return single.map { table in
            var stacked = table
            let perPlace = table.sheetName == "places" || table.sheetName == "heatmap"
            #expect(Array(table.header.suffix(3)) == ["summit_date", "summit", perPlace ? "speaker_ids" : "speaker_id"], "\(table.name)")
            stacked.rows = [("2021-03-23", "2021 首長高峰會"), ("2022-09-15", "2022 首長高峰會")].flatMap { date, title in
                table.rows.map { Array($0.dropLast(3)) + [.text(date), .text(title), .text("\(date)#1")] }
            }
            return stacked
        }
    }

    @Test func summitColumnsAreDescribedTypedAndLinked() throws {
        let tables = try Self.tables()
        let dictionary = ColumnDictionary(themes: BriefFixtures.loaded.analysis.themes)
        #expect(dictionary.undocumented(in: tables).isEmpty, "\(dictionary.undocumented(in: tables))")
        let about = WorkbookAbout(title: "t", subject: "s", keywords: "k", language: "zh-TW", facts: [], scoring: [], created: Date(timeIntervalSince1970: 0))
        let path = Repository.temporaryFolder("xlsx-summits") + "/book.xlsx"
        _ = try WorkbookWriter(tables: tables, dictionary: dictionary, heatmap: nil, about: about).write(to: path)
        let back = try WorkbookReadBack(path)
        let speakers = try #require(back.details["speakers"])
        let dateColumn = try #require(tables[0].header.firstIndex(of: "summit_date"))
        #expect(speakers.cell(1, dateColumn) == WorkbookReadBack.Cell(t: "d", v: "2021-03-23T00:00:00", f: "yyyy-mm-dd"))
        #expect(speakers.cell(14, dateColumn) == WorkbookReadBack.Cell(t: "d", v: "2022-09-15T00:00:00", f: "yyyy-mm-dd"))
        // Taipei at the second summit links to its speakers at the second summit (row 2 + 13).
        let places = try #require(back.details["places"])
        #expect(places.links["A2"] == "'speakers'!A2")
        #expect(places.links["A14"] == "'speakers'!A15")
        #expect(back.details["heatmap"]?.links["A14"] == "'speakers'!A15")
        #expect(back.details["heatmap"]?.fills.keys.allSatisfy { $0.drop { $0.isLetter } == "1" } == true, "no scale: only the header is filled")
    }

    @Test func onlyRealDaysBecomeDates() throws {
        let table = CSVTable(name: "speakers.csv", header: ["summit_date"],
                             rows: [[.text("2024-02-29")], [.text("2023-02-29")], [.text("2021-3-23")], [.text("unknown")]])
        let about = WorkbookAbout(title: "t", subject: "s", keywords: "k", language: "zh-TW", facts: [], scoring: [], created: Date(timeIntervalSince1970: 0))
        let path = Repository.temporaryFolder("xlsx-days") + "/book.xlsx"
        _ = try WorkbookWriter(tables: [table], dictionary: ColumnDictionary(themes: []), heatmap: nil, about: about).write(to: path)
        let sheet = try #require(try WorkbookReadBack(path).details["speakers"])
        #expect(sheet.cell(1, 0)?.t == "d")
        #expect((2...4).map { sheet.cell($0, 0)?.t } == ["s", "s", "s"], "not a day: kept as the text it is")
        #expect(sheet.cell(2, 0)?.v == "2023-02-29")
    }
}
