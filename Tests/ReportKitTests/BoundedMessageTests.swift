import Foundation
import Testing
import ReportTestSupport

/// Messages quote input so the user can find the spot, but never much of it: an error is a
/// few short lines however large or repetitive the input, and a style sheet cannot make the
/// tool read an arbitrary file into a message.
@Suite("Errors and warnings stay short", .serialized)
struct BoundedMessageTests {
    func pdf(_ arguments: [String], data: String? = nil) throws -> ToolRun {
        let out = Repository.temporaryFolder("bounded") + "/brief.pdf"
        return try ReportBinary.run(["pdf", "--cities", "taipei", "--out", out] + (data.map { ["--data", $0] } ?? []) + arguments)
    }

    func styleFile(_ text: String, name: String = "style.yaml", in folder: String = Repository.temporaryFolder("style")) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test func aStyleSheetThatIsOneHugeScalarGivesAShortError() throws {
        let run = try pdf(["--style", try styleFile(String(repeating: "x", count: 2_000_000))])
        #expect(run.status == 65, "\(run.stderr.prefix(300))")
        #expect(run.stderr.utf8.count < 600, "\(run.stderr.utf8.count) bytes")
        #expect(run.stderr.contains("…"), "the quote is cut: \(run.stderr.prefix(300))")
    }

    @Test func aHugeValueOrKeyIsQuotedShort() throws {
        let long = String(repeating: "長", count: 5_000)
        for text in ["extends: default\npaper: \(long)\n", "extends: default\n\(long): 1\n", "extends: default\ncolors: {text: '\(long)'}\n",
                     "extends: default\nmargins: {left: '\(long)'}\n"] {
            let run = try pdf(["--style", try styleFile(text)])
            #expect(run.stderr.count < 900, "\(run.stderr.count) characters: \(run.stderr.prefix(300))")
            #expect(run.status == 65 || run.status == 0)
            #expect(!run.stderr.contains(String(repeating: "長", count: 100)), "the value is not quoted whole")
        }
    }

    @Test(arguments: ["../../../../../../../../etc/passwd", "/etc/passwd", "../../../../../../../../etc/hostname.yaml"])
    func extendsNeverReadsAnArbitraryFile(_ target: String) throws {
        let run = try pdf(["--style", try styleFile("extends: \(target)\n")])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("`extends`"), "\(run.stderr)")
        #expect(!run.stderr.contains("root:") && !run.stderr.contains("/bin/"), "nothing of the file is quoted: \(run.stderr.prefix(400))")
    }

    @Test func extendsIsReadRelativeToTheExtendingFile() throws {
        let folder = Repository.temporaryFolder("extends")
        _ = try styleFile("extends: default\nsizes: {body: 11}\n", name: "base.yaml", in: folder)
        let child = try styleFile("extends: base.yaml\nname: child\n", name: "child.yaml", in: folder)
        let run = try pdf(["--style", child])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func aSheetThatExtendsItselfByAnotherPathIsACircle() throws {
        let folder = Repository.temporaryFolder("loop")
        let name = URL(fileURLWithPath: folder).lastPathComponent
        let sheet = try styleFile("extends: ../\(name)/a.yaml\n", name: "a.yaml", in: folder)
        let run = try pdf(["--style", sheet])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("extend each other in a circle"), "\(run.stderr)")
    }

    @Test func aHugeCitiesValueIsNotEchoedWhole() throws {
        let names = (0..<2_000).map { "nowhere\($0)" }.joined(separator: ",") + "," + String(repeating: "x", count: 100_000)
        let run = try pdf(["--cities", names])
        #expect(run.status == 64)
        #expect(run.stderr.utf8.count < 2_500, "\(run.stderr.utf8.count) bytes")
        #expect(run.stderr.contains("… and 1996 more"), "\(run.stderr.prefix(400))")
    }

    @Test func aCityNamedThousandsOfTimesWarnsOnce() throws {
        let run = try ReportBinary.run(["csv", "--cities", Array(repeating: "taipei", count: 15_000).joined(separator: ","),
                                        "--out", Repository.temporaryFolder("cities")])
        #expect(run.status == 0)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr.prefix(400))")
    }

    @Test func fifteenThousandRepeatedWarningsAreSummarised() throws {
        let folder = Repository.temporaryFolder("repeated")
        let cell = String(repeating: "資料 &nosuch; ", count: 15_000)
        let data = folder + "/summit-2021-03-23.txt"
        try "\n2021 首長高峰會(3/23)談話內容摘要\n\n1\t臺北市 市長 柯文哲\t<p>\(cell)</p>\n".write(toFile: data, atomically: true, encoding: .utf8)
        let run = try ReportBinary.run(["csv", "--cities", "all", "--data", data, "--out", folder])
        #expect(run.status == 0, "\(run.stderr.prefix(400))")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count < 12, "\(lines.count) lines")
        #expect(run.stderr.contains("… and 14997 more like it"), "\(run.stderr.prefix(600))")
    }

    @Test func anUnknownFontNamesTheFamilyAndHowToListFonts() throws {
        let run = try pdf(["--style", Repository.fixture("styles/missing-font.yaml")])
        #expect(run.status == 65)
        #expect(run.stderr.contains("'Imaginary Serif TC'") && run.stderr.contains("fc-list"), "\(run.stderr)")
        #expect(!run.stderr.contains("apt-get install fonts-imaginary"), "the sheet's package is a guess, not advice: \(run.stderr)")
    }

    @Test func aLayoutThatCannotFitNamesTheStyleKeysToChange() throws {
        let sheet = try styleFile("""
            extends: default
            margins: {top: 20mm, bottom: 20mm, left: 76mm, right: 76mm}
            sizes: {body: 96, small: 96, table: 96, heatmap: 96, header: 96, title: 96, h1: 96, h2: 96, h3: 96}

            """)
        let run = try pdf(["--style", sheet])
        #expect(run.status == 65)
        #expect(run.stderr.contains("`margins.left`") && run.stderr.contains("`sizes`"), "\(run.stderr.prefix(600))")
        #expect(run.stderr.split(separator: "\n").count <= 3 && run.stderr.count < 400, "no dump of coordinates: \(run.stderr.prefix(600))")
    }
}
