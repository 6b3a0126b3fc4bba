import Foundation
import Testing
import InputSupport
import ReportTestSupport
@testable import SummitModel

@Suite("Input the importer must take or refuse clearly")
struct BadInputTests {
    func importFixture(_ name: String) throws -> ImportResult {
        try ImportFixtures.importer.importFile(Repository.fixture("bad/" + name))
    }

    @Test(arguments: [
        ("empty.txt", nil, "the file is empty"),
        ("header-only.txt", 2, "only a page header, no rows"),
        ("no-rows.txt", 4, "a column header but no rows"),
        ("binary.txt", nil, "looks like a binary file"),
        ("invalid-utf8.txt", 6, "not valid UTF-8: byte 0xC3"),
        ("too-few-cells.txt", 6, "found 2 cells separated by tabs; a row has 3"),
        ("too-many-cells.txt", 6, "found 4 cells separated by tabs; a row has 3"),
        ("out-of-order.txt", 6, "row 3 is out of order: expected row 2"),
        ("repeated-row.txt", 7, "row 2 appears twice (first at line 6)"),
        ("continuation-first.txt", 5, "a continuation line (first cell empty) comes before any numbered row"),
    ] as [(String, Int?, String)])
    func refusedWithFileLineAndReason(_ name: String, _ line: Int?, _ message: String) throws {
        do {
            _ = try importFixture(name)
            Issue.record("\(name) was accepted")
        } catch let error as InputError {
            #expect(error.message.contains(message), "\(error)")
            #expect(error.location?.file.hasSuffix(name) == true)
            if let line { #expect(error.location?.line == line, "\(error)") }
            #expect(error.hint != nil, "says what to do")
        }
    }

    @Test func invalidUTF8SaysWhereAsLineAndColumn() throws {
        #expect(throws: InputError.self) { try importFixture("invalid-utf8.txt") }
        do { _ = try importFixture("invalid-utf8.txt") } catch let error as InputError {
            #expect(error.location?.column == 6)
        }
    }

    @Test(arguments: ["utf8-bom.txt", "utf16le-bom.txt", "utf16be-bom.txt", "lone-cr.txt"])
    func otherEncodingsAndLineEndsImportTheSame(_ name: String) throws {
        let result = try importFixture(name)
        #expect(result.summit.speakers.map(\.name) == ["柯文哲", "Zdeněk Hřib"])
        #expect(result.summit.date == "2021-03-23")
        #expect(shape(of: result.summit.speakers[0].summary) == "P L1-2")
        #expect(result.warnings.isEmpty)
    }

    @Test func strayTagsAndUnknownEntitiesImportWithWarnings() throws {
        let result = try importFixture("stray-tags.txt")
        #expect(result.summit.speakers.count == 2)
        let text = result.summit.speakers[0].summary.plainText
        #expect(text.contains("&bogus;"), "an unknown entity is kept as written")
        #expect(text.contains("<p class=\"x\" 之後的文字。"), "an unclosed tag is kept as text")
        let messages = result.warnings.map(\.message)
        #expect(messages.count == 4)
        #expect(messages.contains { $0.contains("stray </li>") } && messages.contains { $0.contains("stray </span>") })
        #expect(messages.contains { $0.contains("unknown HTML entity '&bogus;'") })
        #expect(messages.contains { $0.contains("never closed with '>'") })
        #expect(result.warnings.allSatisfy { $0.location?.line == 5 && $0.location?.column != nil })
    }

    @Test(.tags(.slow), .slowTier) func aFiveMegabyteLineIsHandledQuickly() throws {
        let header = "2021 首長高峰會(3/23)談話內容摘要"
        let sentence = "臺北市推動智慧城市，" as String
        let body = String(repeating: sentence, count: 5_000_000 / sentence.utf8.count)
        // As a row: imported whole.
        let row = try ImportFixtures.importText("\n\(header)\n\n1\t臺北市 市長 柯文哲\t<p>\(body)</p>\n")
        #expect(row.summit.speakers[0].summary.plainText.utf8.count >= 4_900_000)
        // As a file that is one line with no tab: refused at once.
        #expect(throws: InputError.self) { try ImportFixtures.importText(body) }
    }

    /// Every bad-input fixture is refused or read with warnings, never a crash; every summit
    /// fixture imports; and any crash the fuzzer found (kept in Tests/Fixtures/fuzz, none so
    /// far) is replayed too.
    @Test func everyFixtureAndFuzzRegressionImportsOrFailsCleanly() throws {
        func files(_ folder: String) -> [String] {
            let path = Repository.path(folder)
            return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
                .filter { $0 != ".gitkeep" && FileManager.default.contents(atPath: path + "/" + $0) != nil }
                .map { path + "/" + $0 }
        }
        let bad = files("Tests/Fixtures/bad"), summits = files("Tests/Fixtures").filter { $0.hasSuffix(".txt") }
        #expect(bad.count >= 12, "\(bad.count) bad-input fixtures")
        #expect(summits.count >= 4, "\(summits.count) summit fixtures")
        for file in bad + files("Tests/Fixtures/fuzz") {
            let data = try #require(FileManager.default.contents(atPath: file))
            do {
                _ = try ImportFixtures.importer.importBytes(Array(data), file: file)
            } catch {
                #expect(!error.description.isEmpty, "\(file): an error with no message")
            }
        }
        for file in summits {
            let data = try #require(FileManager.default.contents(atPath: file))
            #expect(throws: Never.self, "\(file)") { _ = try ImportFixtures.importer.importBytes(Array(data), file: file) }
        }
    }

    @Test(.tags(.slow), .slowTier) func importTimeGrowsLinearly() throws {
        var times: [Double] = []
        for copies in [1, 10, 100] {
            let bytes = Array(try SummitScaler.scaled(copies: copies).utf8)
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try ImportFixtures.importer.importBytes(bytes, file: "scaled.txt")
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            #expect(result.summit.speakers.count == copies * 13)
        }
        // Ten times the input may take at most about ten times as long (with room for noise).
        #expect(times[2] / max(times[1], 1e-4) < 16, "\(times)")
    }
}
