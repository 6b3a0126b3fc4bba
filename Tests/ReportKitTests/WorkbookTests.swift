import Foundation
import ReportExport
import ReportKit
import ReportStyle
import ReportTestSupport
import SummitModel
import Testing

/// `report xlsx` read back with openpyxl: the same tables as the CSV files, every cell with
/// its type, and the sheets made for working (frozen header, autofilter, heatmap colours,
/// links, a data dictionary).
@Suite("xlsx workbook")
struct WorkbookTests {
    /// A workbook of `loaded`, written through `XLSXReport` (the code path of `report xlsx`),
    /// with the tables it was made from and what openpyxl reads in it.
    static func workbook(_ loaded: LoadedSummit = BriefFixtures.loaded, cities: String = "all")
        throws -> (path: String, tables: [CSVTable], back: WorkbookReadBack, result: XLSXResult) {
        let path = Repository.temporaryFolder("xlsx") + "/workbook.xlsx"
        let report = XLSXReport(loaded: loaded, options: XLSXOptions(cities: cities, output: path, stylesFolder: Repository.path("Styles"),
                                                                     command: "report xlsx --cities \(cities)", version: "test"),
                                clock: BriefFixtures.clock)
        let tables = try report.workbook().writer.tables
        let result = try report.run()
        return (path, tables, try WorkbookReadBack(path), result)
    }

    static let standard: (path: String, tables: [CSVTable], back: WorkbookReadBack, result: XLSXResult) = {
        do { return try workbook() } catch { fatalError("\(error)") }
    }()

    static let sheetNames = ["speakers", "places", "themes", "heatmap", "figures", "about"]

    @Test func theSheetsAreTheCSVTablesRowForRow() throws {
        let (_, tables, back, result) = Self.standard
        #expect(back.sheets == Self.sheetNames)
        let csv = try CSVReport(loaded: BriefFixtures.loaded, cities: "all").tables().tables
        #expect(tables == csv, "the workbook is made of the very tables report csv writes")
        for table in csv {
            let sheet = try #require(back.details[table.sheetName])
            #expect(sheet.rows.count == table.rows.count + 1, "\(table.sheetName): a header and one row per CSV record")
            #expect(sheet.rows[0].prefix(table.header.count).map { $0?.v } == table.header, "\(table.sheetName): the header is the column ids")
            #expect(result.sheets.first { $0.name == table.sheetName }?.rows == table.rows.count)
        }
        #expect(back.details["speakers"]?.rows.count == 14)
        #expect(back.details["themes"]?.rows.count == 1 + 13 * BriefFixtures.loaded.analysis.themes.count)
    }

    /// Compares a read-back cell with the table's cell, by the column's type.
    static func matches(_ read: WorkbookReadBack.Cell?, _ cell: CSVCell, kind: ColumnInfo.Kind?) -> Bool {
        switch cell {
        case .empty:
            return read == nil
        case let .integer(value):
            return read?.t == "n" && read.flatMap { Double($0.v) } == Double(value) && read?.f == (kind == .share ? "0.0%" : "0")
        case let .number(value):
            guard read?.t == "n", let number = read.flatMap({ Double($0.v) }) else { return false }
            return abs(number - value) < 1e-12 && read?.f == (kind == .share ? "0.0%" : "General")
        case let .text(text):
            if text.isEmpty { return read == nil }
            if kind == .date { return read == WorkbookReadBack.Cell(t: "d", v: text + "T00:00:00", f: "yyyy-mm-dd") }
            return read?.t == "s" && read?.v == text
        }
    }

    @Test func everyCellHasTheTypeAndValueOfTheModel() throws {
        let (_, tables, back, _) = Self.standard
        let dictionary = ColumnDictionary(themes: BriefFixtures.loaded.analysis.themes)
        var checked = 0
        for table in tables {
            let sheet = try #require(back.details[table.sheetName])
            for (index, row) in table.rows.enumerated() {
                for (column, cell) in row.enumerated() {
                    let kind = dictionary.info(sheet: table.sheetName, column: table.header[column])?.kind
                    let read = sheet.cell(index + 1, column)
                    #expect(Self.matches(read, cell, kind: kind),
                            "\(table.sheetName) \(WorkbookReadBack.columnName(column))\(index + 2) (\(table.header[column])): \(String(describing: read)) for \(cell)")
                    checked += 1
                }
            }
        }
        #expect(checked > 2000)
        // Straight from the model, not only from the tables.
        let speakers = try #require(back.details["speakers"])
        let summit = BriefFixtures.loaded.summit
        for (index, speaker) in summit.speakers.enumerated() {
            #expect(speakers.cell(index + 1, 0) == WorkbookReadBack.Cell(t: "n", v: String(Double(speaker.number)), f: "0"))
            #expect(speakers.cell(index + 1, 10)?.v == speaker.summary.plainText, "the whole summary, lines and all")
        }
        let figures = try #require(back.details["figures"])
        let percent = try #require(figures.rows.first { $0[7]?.v == "1.76%" }, "a figure as written stays the text 1.76%")
        #expect(percent[7]?.t == "s" && percent[4] == WorkbookReadBack.Cell(t: "n", v: "1.76", f: "General"))
        let money = try #require(figures.rows.first { $0[6]?.v == "money" })
        #expect(money[4]?.v == "200000000.0" && money[7]?.v == "兩億英鎊")
        let themes = try #require(back.details["themes"])
        let identity = try #require(themes.rows.first { $0[2]?.v == "1.0" && $0[4]?.v == "digital-identity" })
        #expect(identity[8]?.f == "0.0%" && Double(identity[8]?.v ?? "").map { abs($0 - 5.0 / 42.0) < 1e-12 } == true)
    }

    @Test func textThatLooksLikeAFormulaOrANumberStaysTextExactly() throws {
        var loaded = BriefFixtures.loaded
        let tricky = ["=SUM(A1:A9)", "+886 2 1234", "-5% 是文字", "@here", "0012", "8%", "1+7", "2021-03-23"]
        for (index, text) in tricky.enumerated() {
            loaded.summit.speakers[index].summary = Summary(blocks: [.paragraph(text)])
            loaded.summit.speakers[index].name = text
        }
        let (_, _, back, _) = try Self.workbook(loaded)
        let speakers = try #require(back.details["speakers"])
        for (index, text) in tricky.enumerated() {
            for column in [9, 10] {
                #expect(speakers.cell(index + 1, column) == WorkbookReadBack.Cell(t: "s", v: text, f: "General"),
                        "\(text) is a text cell, no apostrophe, no formula, not retyped")
            }
        }
        #expect(!back.details.values.contains { $0.rows.contains { $0.contains { $0?.t == "f" } } }, "no formula anywhere")
    }

    @Test func headersAreFrozenTablesFilteredAndLongTextWrappedInTheCJKFont() throws {
        let (_, tables, back, _) = Self.standard
        for table in tables {
            let sheet = try #require(back.details[table.sheetName])
            #expect(sheet.freeze == "A2", "\(table.sheetName)")
            #expect(sheet.autofilter == "A1:\(WorkbookReadBack.columnName(table.header.count - 1))\(table.rows.count + 1)", "\(table.sheetName)")
            #expect(sheet.fonts == ["Noto Sans CJK TC"], "\(table.sheetName): \(sheet.fonts)")
        }
        let speakers = try #require(back.details["speakers"])
        #expect((2...14).allSatisfy { speakers.wrapped.contains("K\($0)") }, "summaries wrap")
        #expect(!speakers.wrapped.contains("C2"), "short text does not")
        #expect(try #require(back.details["themes"]).wrapped.contains("K2"), "evidence wraps")
    }

    @Test func heatmapCellsHaveTheBriefsFillsAndALegend() throws {
        let (_, tables, back, _) = Self.standard
        let scale = try StyleSheetLoader(stylesFolder: Repository.path("Styles")).load("default").style.heatmap
        func argb(_ color: Color) -> String { "FF" + color.description.dropFirst() }
        let table = try #require(tables.first { $0.sheetName == "heatmap" })
        let sheet = try #require(back.details["heatmap"])
        let themeIDs = Set(BriefFixtures.loaded.analysis.themes.map(\.id))
        var filled = 0
        for (index, row) in table.rows.enumerated() {
            for (column, cell) in row.enumerated() where themeIDs.contains(table.header[column]) {
                guard case let .integer(value) = cell else { Issue.record("heatmap cell is not a whole number"); continue }
                #expect(sheet.fills["\(WorkbookReadBack.columnName(column))\(index + 2)"] == argb(scale.color(for: value)))
                #expect(sheet.cell(index + 1, column)?.t == "n", "the number stays in the cell")
                filled += 1
            }
        }
        #expect(filled == 12 * themeIDs.count)
        #expect(Set(sheet.fills.values).count >= 4, "the counts spread over the scale")
        // The legend beside the table, one swatch per step of the scale.
        let legend = table.header.count + 1
        #expect(sheet.cell(0, legend)?.v.contains("Scale") == true)
        for (index, (label, color)) in zip(scale.labels, scale.colors).enumerated() {
            #expect(sheet.cell(index + 1, legend)?.v == label)
            #expect(sheet.fills["\(WorkbookReadBack.columnName(legend))\(index + 2)"] == argb(color))
        }
    }

    @Test func placesLinkToTheirFirstSpeakerRow() throws {
        let (_, tables, back, _) = Self.standard
        let speakers = try #require(tables.first { $0.sheetName == "speakers" })
        for name in ["places", "heatmap"] {
            let table = try #require(tables.first { $0.sheetName == name })
            let sheet = try #require(back.details[name])
            #expect(sheet.links.count == table.rows.count, "\(name): every place links")
            for (index, row) in table.rows.enumerated() {
                let target = try #require(speakers.rows.firstIndex { $0[1] == row[0] })
                #expect(sheet.links["A\(index + 2)"] == "'speakers'!A\(target + 2)", "\(name) row \(index + 2)")
                #expect(sheet.cell(index + 1, 0)?.t == "s" && sheet.cell(index + 1, 0)?.v == { if case let .text(slug) = row[0] { return slug }; return "" }())
            }
        }
        #expect(back.details["places"]?.links["A3"] == "'speakers'!A4", "Taipei has two speakers: the Netherlands office is on row 4")
    }

    @Test func theDataDictionaryDescribesEveryColumnOfEverySheet() throws {
        let (_, tables, back, _) = Self.standard
        let dictionary = ColumnDictionary(themes: BriefFixtures.loaded.analysis.themes)
        #expect(dictionary.undocumented(in: tables).isEmpty, "\(dictionary.undocumented(in: tables))")
        let about = try #require(back.details["about"])
        let headerRow = try #require(about.rows.firstIndex { $0.first??.v == "sheet" && $0.dropFirst().first??.v == "column" })
        #expect(about.rows[headerRow].map { $0?.v } == ColumnDictionary.columns.map(\.id))
        #expect(about.autofilter == "A\(headerRow + 1):G\(about.rows.count)")
        let listed = about.rows[(headerRow + 1)...].map { [$0[0]?.v ?? "", $0[1]?.v ?? ""] }
        let expected = tables.flatMap { table in table.header.map { [table.sheetName, $0] } } + ColumnDictionary.columns.map { ["about", $0.id] }
        #expect(listed == expected)
        for row in about.rows[(headerRow + 1)...] {
            #expect(ColumnInfo.Kind(rawValue: row[2]?.v ?? "") != nil, "a type for \(String(describing: row[1]?.v))")
            #expect(!(row[4]?.v ?? "").isEmpty && !(row[5]?.v ?? "").isEmpty && !(row[6]?.v ?? "").isEmpty)
        }
        let share = try #require(about.rows.first { $0[0]?.v == "themes" && $0[1]?.v == "share" })
        #expect(share[2]?.v == "share" && share[3]?.v == "0–1" && share[4]?.v == "占比" && share[6]?.v.contains("percentage") == true)
        // The types agree with the cells: the dictionary is what the workbook does.
        for table in tables {
            for (column, id) in table.header.enumerated() {
                let kind = try #require(dictionary.info(sheet: table.sheetName, column: id)?.kind)
                for row in table.rows where column < row.count {
                    switch (kind, row[column]) {
                    case (_, .empty), (.integer, .integer), (.number, .number), (.share, .number), (.id, .text), (.text, .text), (.longText, .text): break
                    case let (.date, .text(text)): #expect(text.count == 10)
                    default: Issue.record("\(table.sheetName).\(id) is \(kind) but holds \(row[column])")
                    }
                }
            }
        }
        // How themes are scored, in both languages, with the keywords it refers to.
        let texts = about.rows.flatMap { $0.compactMap { $0?.v } }
        #expect(texts.contains { $0.hasPrefix("主題分數為關鍵字出現次數") })
        #expect(texts.contains { $0.hasPrefix("A theme's score is its number of matches") })
        #expect(texts.contains("digital-identity"))
    }

    @Test func theAboutSheetAndPropertiesSayWhatMadeTheWorkbook() throws {
        let (_, _, back, _) = Self.standard
        let summit = BriefFixtures.loaded.summit
        #expect(back.properties["title"]?.contains(summit.title) == true)
        #expect(back.properties["subject"] == summit.heading)
        #expect(back.properties["created"] == "2021-03-22T16:00:00", "the run's clock (SOURCE_DATE_EPOCH)")
        #expect(back.custom["Language"] == "zh-TW")
        let about = try #require(back.details["about"])
        func fact(_ english: String) -> WorkbookReadBack.Cell? { about.rows.first { $0.count > 2 && $0[1]?.v == english }?[2] ?? nil }
        #expect(fact("Summit date") == WorkbookReadBack.Cell(t: "d", v: "2021-03-23T00:00:00", f: "yyyy-mm-dd"), "a date, not text")
        #expect(fact("Summit")?.v == summit.title)
        #expect(fact("Command")?.v == "report xlsx --cities all")
        #expect(fact("Version")?.v == "test")
        #expect(fact("Generated (UTC)")?.t == "d")
        #expect(fact("Speakers") == WorkbookReadBack.Cell(t: "n", v: "13.0", f: "0"))
    }

    @Test func aSelectionHasOnlyItsPlacesAndLinksStillLand() throws {
        let (_, tables, back, _) = try Self.workbook(cities: "taipei,prague")
        #expect(back.details["places"]?.rows.count == 3)
        let speakers = try #require(tables.first { $0.sheetName == "speakers" })
        #expect(back.details["speakers"]?.rows.count == speakers.rows.count + 1)
        #expect(back.details["heatmap"]?.links["A3"] == "'speakers'!A\(2 + (speakers.rows.firstIndex { $0[1] == .text("prague") } ?? -9))")
        // Place (3 columns), the themes, then summit_date, summit and speaker_ids.
        #expect(back.details["heatmap"]?.autofilter == "A1:\(WorkbookReadBack.columnName(2 + BriefFixtures.loaded.analysis.themes.count + 3))3",
                "the legend below the two rows is outside the table")
    }

    @Test func aCellLongerThanExcelAllowsIsCutAndSaysSo() throws {
        var loaded = BriefFixtures.loaded
        let long = String(repeating: "智慧城市", count: 9_000)
        loaded.summit.speakers[0].summary = Summary(blocks: [.paragraph(long)])
        let (_, _, back, result) = try Self.workbook(loaded)
        let cell = try #require(back.details["speakers"]?.cell(1, 10))
        #expect(cell.v.count == WorkbookWriter.maximumCellCharacters && cell.v.hasSuffix("…") && long.hasPrefix(cell.v.dropLast()))
        #expect(result.warnings.contains { $0.message.contains("32767") })
    }

    @Test func theCommandWritesAtomicallyAndReproducibly() throws {
        let sandbox = try Sandbox("xlsx-cli")
        let temporary = sandbox.path("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let environment = ["SOURCE_DATE_EPOCH": "1616428800", "TMPDIR": temporary]
        let out = sandbox.path("out/book.xlsx")
        let run = try ReportBinary.run(["xlsx"] + sandbox.inputArguments + ["--cities", "all", "--out", out], environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == out + "\n")
        let bytes = try #require(sandbox.bytes("out/book.xlsx"))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a zip file")
        let again = try ReportBinary.run(["xlsx"] + sandbox.inputArguments + ["--cities", "all", "--out", out], environment: environment)
        #expect(again.status == 0 && sandbox.bytes("out/book.xlsx") == bytes, "the same input and SOURCE_DATE_EPOCH give the same bytes")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty, "libxlsxwriter's private folder is gone")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path("out")) == ["book.xlsx"], "no temporary left beside it")
        let onInput = try ReportBinary.run(["xlsx"] + sandbox.inputArguments + ["--cities", "all", "--out", sandbox.path("places.yaml")], environment: environment)
        #expect(onInput.status == 64 && onInput.stderr.contains("is the input"))
        #expect(try String(contentsOfFile: sandbox.path("places.yaml"), encoding: .utf8).contains("slug"), "the input is untouched")
        let unknown = try ReportBinary.run(["xlsx"] + sandbox.inputArguments + ["--cities", "atlantis", "--out", out], environment: environment)
        #expect(unknown.status == 64 && sandbox.bytes("out/book.xlsx") == bytes)
    }

    @Test func aStoppedRunKeepsThePreviousWorkbookAndLeavesNoPrivateFolder() throws {
        let folder = Repository.temporaryFolder("xlsx-stop")
        let temporary = folder + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let path = folder + "/book.xlsx"
        #expect(try ReportBinary.run(["xlsx", "--cities", "all", "--out", path, "--quiet"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let big = try SummitScaler.write(copies: 100)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ReportBinary.path)
        process.arguments = ["xlsx", "--cities", "all", "--data", big, "--out", path, "--quiet"]
        process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        func inside() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] }
        while inside().isEmpty, process.isRunning, Date() < deadline { usleep(2_000) }
        #expect(inside().contains { $0.hasPrefix("report-xlsx.") }, "stopped while libxlsxwriter was writing")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGINT)
        #expect(inside().isEmpty, "the private folder and libxlsxwriter's files are gone")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the previous workbook is untouched")
    }
}
