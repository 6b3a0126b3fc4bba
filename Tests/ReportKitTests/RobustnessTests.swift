import Foundation
import Testing
import ReportKit
import ReportLayout
import ReportRender
import ReportTestSupport

@Suite("Trustworthy with any input", .serialized)
struct RobustnessTests {
    func pdf(_ arguments: [String], data: String? = nil, environment: [String: String]? = nil) throws -> ToolRun {
        try ReportBinary.run(["pdf", "--cities", "all"] + (data.map { ["--data", $0] } ?? []) + arguments, environment: environment)
    }

    // MARK: --data

    @Test func dataThatIsAFolderMissingOrUnreadableIsABadInputWithThePath() throws {
        let folder = Repository.temporaryFolder("data")
        let loop = folder + "/loop.txt"
        symlink(loop, loop)
        for (path, message) in [(folder, "is a folder, but has no summit-*.txt in it"), (folder + "/nope.txt", "no such summit file"),
                                (loop, "cannot open"), ("/proc/self/mem", "cannot read")] {
            let run = try ReportBinary.run(["json", "--data", path])
            #expect(run.status == 65, "\(path): \(run.stderr)")
            #expect(run.stderr.hasPrefix("error: \(path)"), "names the file: \(run.stderr)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func aFIFOAsAnInputThatNobodyWritesDoesNotHang() throws {
        let folder = Repository.temporaryFolder("fifo-in")
        mkfifo(folder + "/summit.txt", 0o644)
        mkfifo(folder + "/style.yaml", 0o644)
        for arguments in [["json", "--data", folder + "/summit.txt"], ["pdf", "--cities", "all", "--style", folder + "/style.yaml", "--out", folder + "/b.pdf"]] {
            // SIGKILL: a test runner may start us with SIGTERM blocked, and a hung run must still end.
            let run = try ToolRun.run("timeout", ["-s", "KILL", "20", ReportBinary.path] + arguments, currentDirectory: Repository.root)
            #expect(run.status == 65, "\(arguments): \(run.status) (137 is a hang) \(run.stderr)")
        }
    }

    @Test func aBadFileFailsWithOneMessageAndNoStackTrace() throws {
        let run = try ReportBinary.run(["csv", "--cities", "all", "--data", Repository.fixture("bad/out-of-order.txt"), "--out", Repository.temporaryFolder()])
        #expect(run.status == 65)
        #expect(run.stderr.split(separator: "\n").count == 2, "message and hint: \(run.stderr)")
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack"))
    }

    // MARK: --cities

    @Test func duplicateCitiesWarnAndKnownWithUnknownFailsNamingTheUnknown() throws {
        let folder = Repository.temporaryFolder("cities")
        let duplicate = try ReportBinary.run(["csv", "--cities", "taipei,臺北市,prague", "--out", folder])
        #expect(duplicate.status == 0)
        #expect(duplicate.stderr.contains("warning: --cities names taipei more than once"))
        let mixed = try ReportBinary.run(["csv", "--cities", "taipei,atlantis,prague", "--out", folder])
        #expect(mixed.status == 64)
        #expect(mixed.stderr.contains("unknown city: 'atlantis'"))
        #expect(!mixed.stderr.contains("'taipei'"), "only the unknown name is reported")
    }

    // MARK: Style sheets

    @Test(arguments: [
        ("wrong-type.yaml", 65, "wrong-type.yaml:4:9: `sizes.body` must be a number, found 'large'"),
        ("negative-margin.yaml", 65, "negative-margin.yaml:3:42: `margins.left` must not be negative, found -5mm"),
        ("bad-syntax.yaml", 65, "bad-syntax.yaml:4:"),
        ("bad-color.yaml", 65, "bad-color.yaml:4:34: `heatmap.colors[3]` must be a colour written #RRGGBB, found 'not-a-colour'"),
        ("missing-font.yaml", 65, "the font family 'Imaginary Serif TC' named by the style 'missing-font' (`fonts.family` or `fonts.heading`) is not installed"),
        ("unknown-key.yaml", 0, "unknown-key.yaml:3:1: unknown key `colours` is ignored (did you mean `colors`?)"),
    ])
    func styleSheetProblemsNameFileLineAndKey(_ name: String, _ status: Int32, _ message: String) throws {
        let out = Repository.temporaryFolder("style") + "/brief.pdf"
        let run = try pdf(["--style", Repository.fixture("styles/" + name), "--out", out])
        #expect(run.status == status, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        if name == "missing-font.yaml" { #expect(run.stderr.contains("fc-list : family")) }
        if name == "unknown-key.yaml" { #expect(run.stderr.contains("unknown key `sizes.bdy` is ignored (did you mean `body`?)")) }
        #expect(FileManager.default.fileExists(atPath: out) == (status == 0))
    }

    @Test func anUnknownStyleNameListsTheStyles() throws {
        let run = try pdf(["--style", "large_print", "--out", Repository.temporaryFolder() + "/x.pdf"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("unknown style 'large_print'. Did you mean 'large-print'?"))
        #expect(run.stderr.contains("default, large-print, print-grayscale"))
    }

    // MARK: Glyphs and markup

    @Test func missingGlyphsFailUnlessAllowed() throws {
        let out = Repository.temporaryFolder("glyphs") + "/brief.pdf"
        let data = Repository.fixture("bad/missing-glyph.txt")
        let refused = try pdf(["--out", out], data: data)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("U+13000 '𓀀' on page"))
        #expect(refused.stderr.contains("--allow-missing-glyphs"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let allowed = try pdf(["--out", out, "--allow-missing-glyphs"], data: data)
        #expect(allowed.status == 0)
        #expect(allowed.stderr.contains("warning: 2 character(s) have no glyph"))
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test func textThatLooksLikeMarkupPrintsExactlyAsWritten() throws {
        let out = Repository.temporaryFolder("markup") + "/brief.pdf"
        let run = try pdf(["--out", out], data: Repository.fixture("bad/markup.txt"))
        #expect(run.status == 0, "\(run.stderr)")
        let text = try BriefFixtures.text(out)
        #expect(text.contains("標記不可生效：<b>粗體</b> 與 </span> 與 A & B (括號) 反斜線 \\ 與 \\\\ 與 %s 與"))
        #expect(try ToolRun.run("qpdf", ["--check", out]).status == 0)
    }

    @Test func aVeryLongSummaryFlowsAcrossManyPages() throws {
        let folder = Repository.temporaryFolder("long")
        let sentence = "臺北市推動智慧城市與開放資料，市民參與 5G 與 AI 應用。"
        let summary = String(String(repeating: sentence, count: 200_000 / sentence.count + 1).prefix(200_000))
        let data = folder + "/summit-2021-03-23.txt"
        try "\n2021 首長高峰會(3/23)談話內容摘要\n\n1\t臺北市 市長 柯文哲\t<p>\(summary)</p>\n".write(toFile: data, atomically: true, encoding: .utf8)
        let run = try pdf(["--out", folder + "/long.pdf"], data: data)
        #expect(run.status == 0, "\(run.stderr)")
        let info = try ToolRun.run("pdfinfo", [folder + "/long.pdf"]).stdout
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(pages > 80)
        let text = try BriefFixtures.text(folder + "/long.pdf").squeezed
        #expect(text.contains(String(summary.squeezed.suffix(30))), "the end of the summary is printed")
    }

    // MARK: Output

    @Test func aMissingOutputFolderIsCreatedAndAnUnwritableOneIsAnOutputError() throws {
        let nested = Repository.temporaryFolder("out") + "/a/b/brief.pdf"
        #expect(try pdf(["--out", nested]).status == 0)
        #expect(FileManager.default.fileExists(atPath: nested))
        for target in ["/proc/report-test/brief.pdf", Repository.summit2021 + "/brief.pdf"] {
            let run = try pdf(["--out", target])
            #expect(run.status == 73, "\(target): \(run.stderr)")
            #expect(run.stderr.hasPrefix("error: "), "\(run.stderr)")
        }
        let csv = try ReportBinary.run(["csv", "--cities", "all", "--out", "/proc/report-test"])
        #expect(csv.status == 73)
    }

    @Test func aFullDiskLeavesThePreviousBriefUntouched() throws {
        let folder = Repository.temporaryFolder("full")
        let path = folder + "/brief.pdf"
        #expect(try pdf(["--out", path]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // 100 blocks of 512 bytes: the new PDF cannot be written in full (EFBIG, as on a full disk).
        let run = try ToolRun.run("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 100; exec \"$0\" pdf --cities all --out \"$1\"", ReportBinary.path, path],
                                  currentDirectory: Repository.root)
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.stderr.contains("File too large"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["brief.pdf"], "no temporary left behind")
    }

    @Test(.tags(.slow), .slowTier, arguments: [SIGINT, SIGKILL])
    func aRunKilledMidWriteLeavesThePreviousBriefAndCleansUp(_ signal: Int32) throws {
        let folder = Repository.temporaryFolder("kill")
        let path = folder + "/brief.pdf"
        #expect(try pdf(["--out", path]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let big = try SummitScaler.write(copies: 60)
        let process = try ReportBinary.start(["pdf", "--cities", "all", "--data", big, "--out", path, "--quiet"])
        // Wait until it is writing (its temporary file exists), then kill it.
        let deadline = Date().addingTimeInterval(120)
        func temporaries() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".tmp") } }
        while temporaries().isEmpty, process.isRunning, Date() < deadline { usleep(20_000) }
        #expect(!temporaries().isEmpty, "the run was killed while writing")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the previous brief is untouched")
        if signal == SIGINT {
            #expect(temporaries().isEmpty, "an interrupted run removes its temporary file")
        }
        // The next run removes what a killed one left and writes a good file.
        #expect(try pdf(["--out", path]).status == 0)
        #expect(temporaries().isEmpty)
        #expect(try ToolRun.run("qpdf", ["--check", path]).status == 0)
    }

    // MARK: Messages

    @Test func quietSilencesWarningsAndVerboseAddsTimings() throws {
        let folder = Repository.temporaryFolder("talk")
        let data = Repository.summit2022
        let normal = try ReportBinary.run(["csv", "--cities", "all", "--data", data, "--out", folder])
        #expect(normal.stderr.contains("warning: "))
        let quiet = try ReportBinary.run(["csv", "--cities", "all", "--data", data, "--out", folder, "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty)
        #expect(quiet.stdout.split(separator: "\n").count == 5, "paths still go to stdout")
        let verbose = try ReportBinary.run(["csv", "--cities", "all", "--out", folder, "--verbose"])
        #expect(verbose.stderr.contains("import and analysis: ") && verbose.stderr.contains("speakers.csv: 13 rows"))
    }

    @Test func readmeDocumentsTheExitStatusAndWhatToDo() throws {
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        #expect(readme.contains("## When something goes wrong"))
        for code in ["| 64 |", "| 65 |", "| 73 |", "| 74 |", "| 128+N |"] { #expect(readme.contains(code)) }
        for guarantee in ["**Nothing is lost.**", "**Nothing is written where it should not be.**", "**Inputs are never outputs.**",
                          "**Only its own leftovers are removed.**", "**Messages stay short.**"] {
            #expect(readme.contains(guarantee), "the README states: \(guarantee)")
        }
    }

    // MARK: Bounded work

    @Test(.tags(.slow), .slowTier) func layoutTimeGrowsLinearly() throws {
        var times: [Double] = []
        for copies in [1, 10, 100] {
            let loaded = try DataSources(summitFile: try SummitScaler.write(copies: copies), dataFolder: Repository.path("Data")).load()
            let report = PDFReport(loaded: loaded, options: BriefFixtures.options(), clock: BriefFixtures.clock)
            let start = DispatchTime.now().uptimeNanoseconds
            let document = try report.layout(shaper: PangoShaper()).document
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            #expect(document.pages.count > copies * 13)
        }
        #expect(times[2] / times[1] < 15, "from 10× to 100× the input: \(times)")
    }
}
