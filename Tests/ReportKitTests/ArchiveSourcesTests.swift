import Foundation
import Testing
import ReportKit
import ReportStyle
import ReportTestSupport
import SummitModel

/// Several summits read as one archive: `--data` repeated or a folder, places merged by
/// `places.yaml`, default names that carry the selection, `report cities` per summit.
@Suite("Several summits in one model")
struct ArchiveSourcesTests {
    static let files = [Repository.summit2021, Repository.fixture("summit-2023-05-10.txt"), Repository.fixture("summit-2024-04-18.txt")]

    static func load(_ files: [String]) throws -> LoadedSummit {
        try DataSources(summitFiles: files, dataFolder: Repository.path("Data")).load()
    }

    @Test func repeatedDataMakesOneArchiveOldestFirstWhateverTheOrderGiven() throws {
        let loaded = try Self.load(Self.files.reversed())
        #expect(loaded.isArchive)
        #expect(loaded.summits.map(\.summit.date) == ["2021-03-23", "2023-05-10", "2024-04-18"])
        #expect(loaded.summit.date == "2024-04-18", "the newest is the summit")
        #expect(loaded.speakerCount == 22)
        // One place per slug, in order of first appearance.
        #expect(loaded.places.count == 12)
        #expect(loaded.archive.summits(of: "prague").map(\.date) == ["2021-03-23", "2023-05-10", "2024-04-18"])
        #expect(loaded.archive.summits(of: "tshwane").map(\.date) == ["2021-03-23"])
        // Each speaker belongs to its summit.
        for entry in loaded.summits {
            #expect(entry.summit.speakers.allSatisfy { $0.summitDate == entry.summit.date })
        }
        #expect(loaded.notes.count == 3)
        #expect(loaded.notes.contains { $0.contains("summit-2024-04-18.txt: read as CP950 (Big5)") })
    }

    @Test func aFolderStandsForItsSummitFiles() throws {
        let folder = Repository.temporaryFolder("archive")
        for file in Self.files {
            try FileManager.default.copyItem(atPath: file, toPath: folder + "/" + URL(fileURLWithPath: file).lastPathComponent)
        }
        try Data("not a summit".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        let loaded = try Self.load([folder])
        #expect(loaded.summits.map(\.summit.date) == ["2021-03-23", "2023-05-10", "2024-04-18"])
        // A folder and a file in it: the file is read once.
        #expect(try Self.load([folder, folder + "/summit-2021-03-23.txt"]).summits.count == 3)
        do {
            _ = try Self.load([Repository.temporaryFolder("empty")])
            Issue.record("an empty folder was accepted")
        } catch let error as ReportError {
            #expect(error.message.contains("is a folder, but has no summit-*.txt in it"))
        }
    }

    @Test func theDefaultStaysTheNewestFileInData() throws {
        let loaded = try DataSources(dataFolder: Repository.path("Data")).load()
        #expect(!loaded.isArchive)
        #expect(loaded.summit.date == "2021-03-23")
    }

    @Test func twoFilesOfOneSummitAreRefused() throws {
        let copy = Repository.temporaryFolder("same") + "/copy-of-2021.txt"
        try FileManager.default.copyItem(atPath: Repository.summit2021, toPath: copy)
        do {
            _ = try Self.load([Repository.summit2021, copy])
            Issue.record("accepted")
        } catch let error as ReportError {
            #expect(error.message.contains("two summit files have the same date 2021-03-23"))
            #expect(error.exitCode == 65)
        }
    }

    @Test(arguments: [
        ([Repository.summit2021], "all", "Output/summit-2021-03-23.pdf"),
        ([Repository.summit2021], "taipei,prague", "Output/summit-2021-03-23-taipei-prague.pdf"),
        ([Repository.summit2021], "prague,taipei", "Output/summit-2021-03-23-taipei-prague.pdf"),
        ([Repository.summit2021, Repository.summit2022], "all", "Output/summits-2021-03-23--2022-09-15.pdf"),
        ([Repository.summit2022, Repository.summit2021], "taipei", "Output/summits-2021-03-23--2022-09-15-taipei.pdf"),
        (files, "all", "Output/summits-2021-03-23--2023-05-10--2024-04-18.pdf"),
    ])
    func defaultNamesCarryTheSelection(_ files: [String], _ cities: String, _ expected: String) throws {
        let loaded = try Self.load(files)
        let report = PDFReport(loaded: loaded, options: PDFOptions(cities: cities, stylesFolder: Repository.path("Styles")))
        let (style, _) = try report.style()
        #expect(report.defaultOutputPath(style: style) == expected)
    }

    @Test func longSelectionsGetADistinctNameToo() throws {
        let loaded = try Self.load([Repository.summit2021])
        func name(_ cities: String) throws -> String {
            let report = PDFReport(loaded: loaded, options: PDFOptions(cities: cities, style: "print-grayscale", stylesFolder: Repository.path("Styles"),
                                                                       language: .en))
            return report.defaultOutputPath(style: try report.style().0)
        }
        let five = try name("taipei,daegu,prague,budapest,tshwane")
        let other = try name("taipei,daegu,prague,budapest,lalitpur")
        #expect(five.hasPrefix("Output/summit-2021-03-23-taipei-daegu-tshwane-and-2-more-"))
        #expect(five.hasSuffix("-print-grayscale-en.pdf"))
        #expect(five != other)
        #expect(try name("all") == "Output/summit-2021-03-23-print-grayscale-en.pdf")
    }

    @Test func citiesListsTheSummitsEachPlaceSpokeAt() throws {
        let run = try ReportBinary.run(["cities"] + Self.files.flatMap { ["--data", $0] })
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix("summits") == true)
        let prague = try #require(lines.first { $0.hasPrefix("prague ") })
        #expect(prague.hasSuffix("3         2021-03-23, 2023-05-10, 2024-04-18"), "\(prague)")
        let taipei = try #require(lines.first { $0.hasPrefix("taipei ") })
        #expect(taipei.hasSuffix("2021-03-23 (2), 2023-05-10, 2024-04-18"))
        let one = try ReportBinary.run(["cities"])
        #expect(one.stdout.contains("2021-03-23"))
    }

    @Test func encodingIsForcedOrExplainedOnTheCommandLine() throws {
        let cp950 = Repository.fixture("summit-2024-04-18.txt")
        let verbose = try ReportBinary.run(["json", "--data", cp950, "--verbose"])
        #expect(verbose.status == 0)
        #expect(verbose.stderr.contains("read as CP950 (Big5): bytes 0xAD 0xBA at line 2, column 6 are not UTF-8"), "\(verbose.stderr)")
        let forced = try ReportBinary.run(["json", "--data", cp950, "--encoding", "utf-8"])
        #expect(forced.status == 65)
        #expect(forced.stderr.contains("summit-2024-04-18.txt:2:6: not valid UTF-8"), "\(forced.stderr)")
        let big5 = try ReportBinary.run(["json", "--data", cp950, "--encoding", "BIG5"])
        #expect(big5.status == 0 && big5.stdout == verbose.stdout)
        let unknown = try ReportBinary.run(["json", "--encoding", "latin-9"])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown encoding 'latin-9'"))
    }

    @Test func jsonOfSeveralSummitsListsEachAsItWouldPrintAlone() throws {
        let alone = try ReportBinary.run(["json", "--data", Repository.fixture("summit-2023-05-10.txt")])
        let both = try ReportBinary.run(["json", "--data", Repository.summit2021, "--data", Repository.fixture("summit-2023-05-10.txt")])
        #expect(both.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: both.stdoutBytes) as? [String: Any])
        let summits = try #require(object["summits"] as? [[String: Any]])
        #expect(summits.count == 2)
        let second = try JSONSerialization.data(withJSONObject: summits[1], options: [.sortedKeys])
        let single = try JSONSerialization.data(withJSONObject: try #require(try JSONSerialization.jsonObject(with: alone.stdoutBytes) as? [String: Any]),
                                                options: [.sortedKeys])
        #expect(second == single)
    }
}
