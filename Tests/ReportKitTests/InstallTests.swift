import Foundation
import ReportKit
import ReportTestSupport
import Testing

/// `make install` into a temporary prefix, run the way a user runs an installed tool: from
/// folders that have no `Data/` or `Styles/`.
@Suite("The installed tool")
struct InstallTests {
    /// A tree installed once for the suite by the Makefile's own copying step, with the binary
    /// `swift test` built and a man page made from it by argument-parser's generator.
    struct Installation: Sendable {
        let prefix: String
        var binary: String { prefix + "/bin/report" }
    }

    static let installation: Result<Installation, InstallFailure> = install()

    struct InstallFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `make install-files` (what `make install` runs after building) into `prefix`.
    static func makeInstall(prefix: String, target: String = "install-files") throws -> ToolRun {
        let manual = Repository.temporaryFolder("manual")
        let tool = Repository.path(".build/debug/generate-manual-tool")
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw InstallFailure(description: "\(tool) is missing: `make manual-tool` builds it (make test does)")
        }
        let generated = try ToolRun.run(tool, [ReportBinary.path, "--output-directory", manual, "--date", "2026-01-01"])
        guard generated.status == 0 else { throw InstallFailure(description: "generate-manual failed: \(generated.stderr)") }
        return try ToolRun.run("make", ["-s", "-C", Repository.root, target, "PREFIX=" + prefix, "BINARY=" + ReportBinary.path,
                                        "MANPAGE=" + manual + "/report.1"])
    }

    static func install() -> Result<Installation, InstallFailure> {
        let prefix = Repository.temporaryFolder("prefix") + "/usr"
        do {
            let run = try makeInstall(prefix: prefix)
            guard run.status == 0 else { return .failure(InstallFailure(description: "make install-files failed: \(run.stderr)")) }
            return .success(Installation(prefix: prefix))
        } catch let error as InstallFailure {
            return .failure(error)
        } catch {
            return .failure(InstallFailure(description: "\(error)"))
        }
    }

    var installed: Installation {
        get throws { try Self.installation.get() }
    }

    /// Runs a binary from a fresh folder that has no Data/ or Styles/.
    func run(_ binary: String, _ arguments: [String], input: Data? = nil, in folder: String? = nil,
             environment: [String: String]? = nil) throws -> (run: ToolRun, folder: String) {
        let folder = folder ?? Repository.temporaryFolder("elsewhere")
        return (try ToolRun.run(binary, arguments, input: input, environment: environment, currentDirectory: folder), folder)
    }

    func speakerCount(_ json: String) throws -> Int {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let summit = object?["summit"] as? [String: Any]
        return (summit?["speakers"] as? [Any])?.count ?? -1
    }

    @Test func installsTheBinaryDataStylesManPageAndCompletions() throws {
        let prefix = try installed.prefix
        for file in ["bin/report", "share/report/Data/places.yaml", "share/report/Data/roles.yaml", "share/report/Data/themes.yaml",
                     "share/report/Data/summit-2021-03-23.txt", "share/report/Styles/default.yaml", "share/report/Styles/large-print.yaml",
                     "share/man/man1/report.1", "share/bash-completion/completions/report", "share/zsh/site-functions/_report",
                     "share/fish/vendor_completions.d/report.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file)")
        }
    }

    @Test func runsFromAFolderWithoutDataAndWritesTheBriefIntoItsOutput() throws {
        let binary = try installed.binary
        let (pdf, folder) = try run(binary, ["pdf"])
        #expect(pdf.status == 0, "\(pdf.stderr)")
        #expect(pdf.stdout == "Output/summit-2021-03-23.pdf\n")
        let written = FileManager.default.contents(atPath: folder + "/Output/summit-2021-03-23.pdf") ?? Data()
        #expect(written.starts(with: Data("%PDF-".utf8)))
        let info = try ToolRun.run("pdfinfo", [folder + "/Output/summit-2021-03-23.pdf"])
        #expect(info.stdout.contains("Creator:         report \(ReportVersion.number)"), "\(info.stdout)")
        let (json, _) = try run(binary, ["json"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(try speakerCount(json.stdout) == 13)
    }

    @Test func aSummitFileFromElsewhereIsWrittenIntoTheCurrentFolder() throws {
        let binary = try installed.binary
        let summits = Repository.temporaryFolder("summits")
        try FileManager.default.copyItem(atPath: Repository.summit2022, toPath: summits + "/summit-2022-09-15.txt")
        let (pdf, folder) = try run(binary, ["pdf", "--cities", "all", "--data", summits + "/summit-2022-09-15.txt"])
        #expect(pdf.status == 0, "\(pdf.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/Output/summit-2022-09-15.pdf"))
        #expect(!FileManager.default.fileExists(atPath: summits + "/Output"))
    }

    @Test func aStyleByPathExtendsAnInstalledStyle() throws {
        let binary = try installed.binary
        let folder = Repository.temporaryFolder("own-style")
        try "extends: large-print\nsizes: {body: 13}\n".write(toFile: folder + "/mine.yaml", atomically: false, encoding: .utf8)
        let (pdf, _) = try run(binary, ["pdf", "--style", "mine.yaml", "--out", "brief.pdf", "--cities", "taipei"], in: folder)
        #expect(pdf.status == 0, "\(pdf.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/brief.pdf"))
    }

    @Test func aMovedInstalledTreeAndALinkToItsBinaryStillFindTheirData() throws {
        let prefix = try installed.prefix
        let moved = Repository.temporaryFolder("moved") + "/opt/report"
        let movedName = URL(fileURLWithPath: moved).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
        try FileManager.default.createDirectory(atPath: moved, withIntermediateDirectories: true)
        try FileManager.default.removeItem(atPath: moved)
        try FileManager.default.copyItem(atPath: prefix, toPath: moved)
        let link = Repository.temporaryFolder("bin") + "/report"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: moved + "/bin/report")
        for binary in [moved + "/bin/report", link] {
            let (json, _) = try run(binary, ["json", "--verbose"])
            #expect(json.status == 0, "\(json.stderr)")
            #expect(try speakerCount(json.stdout) == 13)
            #expect(json.stderr.contains("\(movedName)/opt/report/share/report/Data/places.yaml (UTF-8)"), "\(json.stderr)")
        }
    }

    @Test func theCurrentFoldersDataComesBeforeTheInstalledData() throws {
        let binary = try installed.binary
        let folder = Repository.temporaryFolder("project")
        try FileManager.default.createDirectory(atPath: folder + "/Data", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.summit2022, toPath: folder + "/Data/summit-2022-09-15.txt")
        let (cities, _) = try run(binary, ["json", "--verbose"], in: folder)
        #expect(cities.status == 0, "\(cities.stderr)")
        #expect(cities.stderr.contains("read Data/summit-2022-09-15.txt"), "\(cities.stderr)")
        #expect(cities.stderr.contains("/share/report/Data/places.yaml"), "curated files it lacks come from the installed data")
    }

    @Test func versionIsTheOneInTheCode() throws {
        let (version, _) = try run(try installed.binary, ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == ReportVersion.number + "\n")
    }

    @Test func theManPageReadsBack() throws {
        let prefix = try installed.prefix
        let man = try ToolRun.run("man", ["-l", prefix + "/share/man/man1/report.1"], environment: ["MANPAGER": "cat", "MANWIDTH": "100"])
        #expect(man.status == 0, "\(man.stderr)")
        for text in ["REPORT(1)", "--cities", "--open", "--lang", "looked up in this order", "64 bad usage"] {
            #expect(man.stdout.contains(text), "\(text)")
        }
    }

    @Test func bashCompletesInstalledStyleNamesAndLanguages() throws {
        let prefix = try installed.prefix
        let script = prefix + "/share/bash-completion/completions/report"
        func complete(_ line: String) throws -> [String] {
            let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            let body = """
                source '\(script)'
                COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE='\(line)'; COMP_POINT=\(line.utf8.count)
                _report report '\(words[words.count - 1])' '\(words[words.count - 2])'; printf '%s\\n' "${COMPREPLY[@]}"
                """
            let run = try ToolRun.run("bash", ["-c", body], environment: ["PATH": prefix + "/bin:/usr/bin:/bin"],
                                      currentDirectory: Repository.temporaryFolder("completion"))
            return run.stdout.split(separator: "\n").map(String.init)
        }
        #expect(try complete("report pdf --style ").sorted() == ["default", "large-print", "print-grayscale"])
        #expect(try complete("report pdf --style la") == ["large-print"])
        #expect(Set(try complete("report png --lang ")) == ["zh-TW", "en", "zh-TW+en"])
        #expect(try complete("report pdf --cities taipei,bud") == ["taipei,budapest"])
        #expect(try complete("report p").sorted() == ["pdf", "png"])
        for file in ["share/zsh/site-functions/_report", "share/fish/vendor_completions.d/report.fish"] {
            let text = try String(contentsOfFile: prefix + "/" + file, encoding: .utf8)
            #expect(text.contains("---completion pdf -- --style"), "\(file) asks report for the style names")
        }
    }

    @Test func makeUninstallRemovesWhatInstallPut() throws {
        let prefix = Repository.temporaryFolder("uninstall") + "/usr"
        let install = try Self.makeInstall(prefix: prefix)
        #expect(install.status == 0, "\(install.stderr)")
        let uninstall = try ToolRun.run("make", ["-s", "-C", Repository.root, "uninstall", "PREFIX=" + prefix])
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        let left = FileManager.default.enumerator(atPath: prefix)?.compactMap { $0 as? String }
            .filter { !(((try? FileManager.default.attributesOfItem(atPath: prefix + "/" + $0))?[.type] as? FileAttributeType) == .typeDirectory) }
        #expect(left == [], "files left: \(left ?? [])")
    }
}

/// The habits of other command-line tools, checked on the binary `swift test` built.
@Suite("Command-line habits")
struct CommandLineHabitTests {
    func report(_ arguments: [String], input: Data? = nil) throws -> ToolRun {
        try ToolRun.run(ReportBinary.path, arguments, input: input, currentDirectory: Repository.root)
    }

    @Test func aMistypedCommandOrOptionGetsASuggestion() throws {
        let command = try report(["pfd"])
        #expect(command.status == 64)
        #expect(command.stderr.hasPrefix("error: unknown command 'pfd'. Did you mean 'pdf'?"), "\(command.stderr)")
        let option = try report(["pdf", "--citys", "all"])
        #expect(option.status == 64)
        #expect(option.stderr.hasPrefix("error: Unknown option '--citys'. Did you mean '--cities'?"), "\(option.stderr)")
    }

    @Test(arguments: [["--lang", "EN"], ["--lang", "zh-tw"], ["--lang", "ZH-TW"], ["--paper", "A4"], ["--paper", "Letter"]])
    func languageAndPaperIgnoreCase(_ option: [String]) throws {
        let out = Repository.temporaryFolder("case") + "/brief.pdf"
        let run = try report(["pdf", "--cities", "taipei", "--out", out] + option)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test(arguments: [["--lang", "zh"], ["--lang", "fr"], ["--paper", "a5"], ["--style", "large_print"]])
    func badValuesAreUsageErrorsBeforeAnythingIsRead(_ option: [String]) throws {
        // The data file does not exist: a run that read first would fail with 65.
        let run = try report(["pdf", "--data", "/nonexistent/summit.txt", "--out", Repository.temporaryFolder() + "/x.pdf"] + option)
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("error: "), "\(run.stderr)")
        #expect(!run.stderr.contains("Error:"))
        if option[0] == "--style" { #expect(run.stderr.contains("default, large-print, print-grayscale")) }
        if option[0] == "--lang" { #expect(run.stderr.contains("'zh-TW', 'en' or 'zh-TW+en'")) }
    }

    @Test func dashReadsStandardInputAndWritesStandardOutput() throws {
        let summit = try #require(FileManager.default.contents(atPath: Repository.summit2021))
        let run = try report(["pdf", "--data", "-", "--out", "-"], input: summit)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdoutBytes.starts(with: Data("%PDF-".utf8)), "the PDF itself, no path")
        #expect(String(decoding: run.stdoutBytes.suffix(16), as: UTF8.self).contains("%%EOF"), "the finished file")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let file = Repository.temporaryFolder("stdout") + "/brief.pdf"
        try run.stdoutBytes.write(to: URL(fileURLWithPath: file))
        #expect(try ToolRun.run("pdfinfo", [file]).stdout.contains("Pages:"))
        let json = try report(["json", "--data", "-"], input: summit)
        #expect(json.stdout.contains("\"slug\" : \"taipei\""))
    }

    @Test(arguments: ["csv", "png"])
    func dashIsNoFolder(_ command: String) throws {
        let run = try report([command, "--out", "-"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("error: --out - (standard output) is for `report pdf`"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: Repository.path("-")))
    }

    @Test func standardInputThatIsATerminalIsRefused() throws {
        let run = try ToolRun.run("script", ["-qec", "\(ReportBinary.path) json --data -", "/dev/null"], currentDirectory: Repository.root)
        #expect(run.status == 64, "\(run.stdout)")
        #expect(run.stdout.contains("error: --data - reads the summit file from standard input, and standard input is a terminal"))
    }

    @Test func standardOutputThatIsATerminalIsRefused() throws {
        let run = try ToolRun.run("script", ["-qec", "\(ReportBinary.path) pdf --out -", "/dev/null"], currentDirectory: Repository.root)
        #expect(run.status == 64, "\(run.stdout)")
        #expect(run.stdout.contains("error: --out - writes to standard output, and standard output is a terminal"))
        #expect(!run.stdout.contains("%PDF"))
    }

    @Test func pdfWithoutCitiesIsTheWholeBrief() throws {
        let out = Repository.temporaryFolder("all") + "/brief.pdf"
        let run = try report(["pdf", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == out + "\n")
    }

    @Test func verboseListsTheFilesRead() throws {
        let run = try report(["csv", "--verbose", "--out", Repository.temporaryFolder("verbose")])
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["Data/summit-2021-03-23.txt (UTF-8)", "Data/places.yaml (UTF-8)", "Data/roles.yaml", "Data/themes.yaml"] {
            #expect(run.stderr.contains("read " + file), "\(run.stderr)")
        }
    }

    @Test func openWithoutADisplayWarns() throws {
        let out = Repository.temporaryFolder("open") + "/brief.pdf"
        let run = try ToolRun.run("/usr/bin/env", ["-u", "DISPLAY", "-u", "WAYLAND_DISPLAY", ReportBinary.path, "pdf", "--cities", "taipei", "--out", out, "--open"],
                                  currentDirectory: Repository.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: --open: there is no display"))
        #expect(run.stdout == out + "\n")
    }

    @Test func openHandsThePDFToXdgOpenWhenThereIsADisplay() throws {
        let bin = Repository.temporaryFolder("fake-xdg")
        let log = bin + "/opened"
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(log)'\n".write(toFile: bin + "/xdg-open", atomically: false, encoding: .utf8)
        chmod(bin + "/xdg-open", 0o755)
        let out = Repository.temporaryFolder("open") + "/brief.pdf"
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let run = try ToolRun.run(ReportBinary.path, ["pdf", "--cities", "taipei", "--out", out, "--open"],
                                  environment: ["DISPLAY": ":99", "PATH": path], currentDirectory: Repository.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect((try? String(contentsOfFile: log, encoding: .utf8)) == out + "\n")
    }

    @Test func aReaderThatStopsReadingTheStandardOutputPDFGetsNoMessage() throws {
        let run = try ToolRun.run("/bin/sh", ["-c", "\"$0\" pdf --out - | head -c 5", ReportBinary.path], currentDirectory: Repository.root)
        #expect(run.stdout == "%PDF-")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test func helpGivesTheLookupOrder() throws {
        let run = try report(["--help"])
        #expect(run.stdout.contains("looked up in this order"))
        #expect(run.stdout.contains("./Data and ./Styles") && run.stdout.contains("<prefix>/share/report/"))
    }
}
