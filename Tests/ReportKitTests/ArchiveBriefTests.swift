import Foundation
import Testing
import ReportKit
import ReportLayout
@testable import ReportRender
import ReportTestSupport

/// Briefs across summits, read back with poppler and qpdf: a page over the summits for
/// each place that spoke at more than one, in the contents and the outline, and every
/// table row saying which summit it is from.
@Suite("Briefs across summits")
struct ArchiveBriefTests {
    static let threeFiles = [Repository.summit2021, Repository.fixture("summit-2023-05-10.txt"), Repository.fixture("summit-2024-04-18.txt")]

    static func brief(_ files: [String], cities: String = "all", language: BriefLanguage.Code = .zhTW, style: String = "default") throws -> String {
        let loaded = try DataSources(summitFiles: files, dataFolder: Repository.path("Data")).load()
        let path = Repository.temporaryFolder("archive-brief") + "/brief.pdf"
        var options = BriefFixtures.options(style: style, language: language, output: path)
        options.cities = cities
        _ = try PDFReport(loaded: loaded, options: options, clock: BriefFixtures.clock).run()
        return path
    }

    static let three: String = {
        do { return try brief(threeFiles) } catch { fatalError("\(error)") }
    }()

    /// The qpdf JSON of a PDF: its named destinations, its links and its outline.
    struct Structure {
        var names = Set<String>()
        var links: [String] = []
        var outlines: [[String: Any]] = []

        init(_ path: String) throws {
            let json = try ToolRun.run("qpdf", ["--json", path]).stdoutBytes
            let root = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            let objects = try #require(((root["qpdf"] as? [Any])?[1]) as? [String: Any])
            for case let object as [String: Any] in objects.values {
                guard let value = object["value"] as? [String: Any] else { continue }
                if let list = value["/Names"] as? [Any] {
                    for case let name as String in list { names.insert(name) }
                }
                if value["/Subtype"] as? String == "/Link", let destination = value["/Dest"] as? String { links.append(destination) }
            }
            outlines = try #require(root["outlines"] as? [[String: Any]])
        }

        static func titles(_ entries: [[String: Any]]?) -> [String] { (entries ?? []).compactMap { $0["title"] as? String } }
    }

    /// A field of `pdfinfo`.
    static func info(_ field: String, _ path: String) throws -> String? {
        let line = try ToolRun.run("pdfinfo", [path]).stdout.split(separator: "\n").first { $0.hasPrefix(field + ":") }
        return line.map { $0.dropFirst(field.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    /// The page the contents send an entry to (its last number on the line).
    static func contentsPage(of entry: String, in path: String) throws -> Int? {
        let contents = try BriefFixtures.text(path, page: 2, layout: true) + (try BriefFixtures.text(path, page: 3, layout: true))
        let line = contents.split(separator: "\n").first { $0.squeezed.contains(entry.squeezed) }
        return line?.split(separator: " ").last.flatMap { Int($0) }
    }

    @Test func threeSummitsGiveAPageOverTheSummitsForEachPlaceThatCameBack() throws {
        #expect(try Self.info("Title", Self.three) == "首長高峰會 2021–2024 城市比較簡報")
        #expect(try Self.info("Tagged", Self.three) == "yes")
        let check = try ToolRun.run("qpdf", ["--check", Self.three])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        let page = try #require(try Self.contentsPage(of: "布拉格市（2021、2023、2024）", in: Self.three), "the contents list Prague over the summits")
        let text = try BriefFixtures.text(Self.three, page: page).squeezed
        for expected in ["布拉格市", "各屆講者與關鍵數字", "2021首長高峰會", "2023首長高峰會", "2024首長高峰會", "ZdeněkHřib", "BohuslavSvoboda",
                         "各屆主題分布", "開放資料", "2,000萬歐元", "主題變化"] {
            #expect(text.contains(expected.squeezed), "Prague's page lacks \(expected)")
        }
    }

    @Test func aPlaceWithSpeakersInTwoSummitsComparesThem() throws {
        let page = try #require(try Self.contentsPage(of: "史特拉斯堡大都會區（2021、2024）", in: Self.three))
        let text = try BriefFixtures.text(Self.three, page: page, layout: true)
        #expect(text.squeezed.contains("發言屆次：2021、2024・2屆"))
        // Strasbourg spoke of citizen participation in 2021 and not in 2024.
        let participation = try #require(text.split(separator: "\n").first { $0.contains("市民參與") })
        #expect(participation.split(separator: " ").filter { !$0.isEmpty }.dropFirst() == ["5", "0", "▼", "不再提及"], "\(participation)")
        #expect(text.squeezed.contains("2021提及、其後不再提及：".squeezed))
        #expect(text.squeezed.contains("自行車道已達600公里"))
        #expect(!text.squeezed.contains("臺北市"), "one place per page")
    }

    @Test func contentsAndOutlineShowTheSummits() throws {
        let structure = try Structure(Self.three)
        #expect(Structure.titles(structure.outlines) == ["目錄", "城市比較表", "主題熱度圖", "講者摘要", "歷屆比較", "附錄：主題分類與計分方式"])
        let summits = structure.outlines[3]["kids"] as? [[String: Any]]
        #expect(Structure.titles(summits) == ["2021 首長高峰會", "2023 首長高峰會", "2024 首長高峰會"])
        #expect(Structure.titles(summits?[1]["kids"] as? [[String: Any]]).first == "臺北市 市長 蔣萬安")
        #expect((summits?[0]["kids"] as? [[String: Any]])?.count == 13)
        let history = structure.outlines[4]["kids"] as? [[String: Any]]
        #expect(Structure.titles(history) == ["臺北市（2021、2023、2024）", "大邱市（2021、2023、2024）", "史特拉斯堡大都會區（2021、2024）",
                                             "布拉格市（2021、2023、2024）", "西英格蘭區（2021、2023）", "布達佩斯市（2021、2023）"])
        for link in structure.links { #expect(structure.names.contains(link), "link to missing destination \(link)") }
        #expect(structure.names.contains("u:speaker-2023-05-10-2") && structure.names.contains("u:history-prague"))
        #expect(!structure.names.contains("u:speaker-2"), "with several summits a row number alone names no one")
        // Each speaker page of a place that came back links to the place's page over the summits.
        #expect(structure.links.filter { $0 == "u:history-prague" }.count == 1 + 3, "the contents entry and Prague's three speaker pages")
        // Contents: each speaker labelled with its summit, and every history page.
        let contents = try BriefFixtures.text(Self.three, page: 2, layout: true)
        #expect(contents.contains("2023#2") && contents.contains("2024#4"))
        #expect(contents.contains("歷屆比較"))
    }

    @Test func comparisonAndHeatmapSayWhichSummitEachRowIsFrom() throws {
        let heatmapPage = try #require(try Self.contentsPage(of: "主題熱度圖", in: Self.three))
        let comparison = try (3..<heatmapPage).map { try BriefFixtures.text(Self.three, page: $0).squeezed }.joined()
        // A row per place and summit it spoke at: 12 places in 2021, 5 in 2023, 4 in 2024.
        let labels = try NSRegularExpression(pattern: "20[0-9]{2}首長高峰會")
        #expect(labels.numberOfMatches(in: comparison, range: NSRange(comparison.startIndex..., in: comparison)) == 12 + 5 + 4)
        let heatmap = try BriefFixtures.text(Self.three, page: heatmapPage, layout: true)
        let rows = heatmap.split(separator: "\n").filter { $0.contains("布拉格市") }.map { String($0.squeezed.prefix(8)) }
        #expect(rows == ["布拉格市2021", "布拉格市2023", "布拉格市2024"])
    }

    @Test func twoSummitsInEnglishGiveOnePageForTheOnePlaceAtBoth() throws {
        let path = try Self.brief([Repository.summit2021, Repository.summit2022], language: .en)
        let structure = try Structure(path)
        #expect(Structure.titles(structure.outlines).contains("Over the summits"))
        let history = try #require(structure.outlines.first { $0["title"] as? String == "Over the summits" }?["kids"] as? [[String: Any]])
        #expect(Structure.titles(history) == ["Taipei (2021, 2022)"])
        let page = try #require(try Self.contentsPage(of: "Taipei (2021, 2022)", in: path))
        let text = try BriefFixtures.text(path, page: page).squeezed
        for expected in ["Whospokewhen", "2021Mayors'Summit", "2022summit", "柯文哲", "黃珊珊", "李四端", "Themeprofilepersummit", "Themesthatcameandwent"] {
            #expect(text.contains(expected), "Taipei's page lacks \(expected)")
        }
        #expect(try Self.info("Title", path) == "Summits 2021–2022 City comparison brief")
    }

    @Test func aSelectionAcrossSummitsKeepsItsSpeakersAndItsPage() throws {
        let path = try Self.brief(Self.threeFiles, cities: "prague", style: "print-grayscale")
        let structure = try Structure(path)
        let summits = try #require(structure.outlines.first { $0["title"] as? String == "講者摘要" }?["kids"] as? [[String: Any]])
        #expect(summits.map { Structure.titles($0["kids"] as? [[String: Any]]) } == [["布拉格市 市長 Mr. Zdeněk Hřib"], ["布拉格市 市長 Mr. Bohuslav Svoboda"],
                                                                                     ["布拉格市 市長 Mr. Bohuslav Svoboda"]])
        #expect(Structure.titles(structure.outlines.first { $0["title"] as? String == "歷屆比較" }?["kids"] as? [[String: Any]]) == ["布拉格市（2021、2023、2024）"])
        // Prague spoke of the pandemic in 2021, not in 2023, again in 2024: back, not new.
        let page = try #require(try Self.contentsPage(of: "布拉格市（2021、2023、2024）", in: path))
        let pandemic = try #require(try BriefFixtures.text(path, page: page, layout: true).split(separator: "\n").first { $0.hasPrefix("防疫") })
        #expect(pandemic.split(separator: " ").filter { !$0.isEmpty }.dropFirst() == ["2", "0", "1", "▲", "再度提及"], "\(pandemic)")
    }

    @Test func oneSummitHasNoPageOverTheSummits() throws {
        let structure = try Structure(BriefFixtures.defaultBrief.path)
        #expect(!Structure.titles(structure.outlines).contains("歷屆比較"))
        #expect(!structure.names.contains { $0.hasPrefix("u:history") })
    }

    @Test func thePagesOverTheSummitsAreTaggedLikeTheRest() throws {
        let loaded = try DataSources(summitFiles: Self.threeFiles, dataFolder: Repository.path("Data")).load()
        let document = try PDFReport(loaded: loaded, options: BriefFixtures.options(), clock: BriefFixtures.clock).layout(shaper: PangoShaper()).document
        let plan = StructurePlan(document)
        func text(_ run: StructurePlan.Run, page: Int) -> String {
            guard case let .text(line) = document.pages[page].items[run.item] else { return "" }
            return line.shaped.text(of: run.clusters)
        }
        var levels: [Int] = [], seen = Set<Int>(), headings: [String] = []
        var columnHeaders: [Int: String] = [:], rowHeaders: [Int: String] = [:]
        for (page, runs) in plan.pages.enumerated() {
            for run in runs {
                for element in run.structure {
                    if element.role == .tableHeader(.column) { columnHeaders[element.id, default: ""] += text(run, page: page) }
                    if element.role == .tableHeader(.row) { rowHeaders[element.id, default: ""] += text(run, page: page) }
                }
                guard let heading = run.structure.first(where: { if case .heading = $0.role { true } else { false } }),
                      case let .heading(level) = heading.role else { continue }
                if seen.insert(heading.id).inserted { levels.append(level); headings.append("") }
                headings[headings.count - 1] += text(run, page: page)
            }
        }
        for (previous, level) in zip(levels, levels.dropFirst()) { #expect(level <= previous + 1, "H\(previous) followed by H\(level)") }
        let history = try #require(headings.firstIndex { $0.squeezed == "歷屆比較" })
        #expect(levels[history] == 1)
        #expect(levels[history + 1] == 2 && headings[history + 1].hasPrefix("臺北市"), "each place is a section headed H2")
        #expect(headings.suffix(from: history).filter { $0.squeezed == "各屆主題分布" }.count == 6)
        for label in ["高峰會", "講者", "關鍵數字", "主題", "2021", "2023", "2024", "變化"] {
            #expect(columnHeaders.values.contains { $0.squeezed == label }, "\(label) is not a column header")
        }
        for label in ["市民參與", "開放資料"] {
            #expect(rowHeaders.values.contains { $0.squeezed.hasPrefix(label) }, "\(label) heads no row")
        }
    }

    /// The pages over the summits keep the brief archival and accessible: no findings in
    /// either profile of page-validation, no errors in outloud. The one warning outloud may
    /// give is PAG-001 where a place's heading (`臺北市 臺灣・城市`) stands at the top of its
    /// speaker pages of several summits, which it takes for a running header, as it does
    /// for the scaled 130-speaker brief.
    @Test func briefsAcrossSummitsPassPDFUAAndPDFA() throws {
        let english = try Self.brief([Repository.summit2021, Repository.summit2022], language: .en, style: "print-grayscale")
        for path in [Self.three, english] {
            for profile in [PDFCheckers.Profile.pdfUA1, .pdfA2u] {
                let failures = try PDFCheckers.pageValidation(path, profile: profile)
                #expect(failures.isEmpty, "\(profile): \(failures.prefix(5))")
            }
            let report = try PDFCheckers.outloud(path)
            #expect(report.errors == 0, "\(report.findings.prefix(5))")
            #expect(report.findings.allSatisfy { $0.rule == "PAG-001" }, "\(report.findings.prefix(5))")
        }
    }
}
