import Foundation
import Testing
import ReportTestSupport

/// A run that is stopped (Ctrl-C, Ctrl-\, kill, a closed terminal) or whose stdout fails
/// ends cleanly: the previous files kept, no temporary left, a status a script can read, and
/// never a crash report.
@Suite("Stopped runs and failing stdout end cleanly", .serialized, .tags(.slow), .slowTier)
struct StopAndStreamTests {
    func temporaries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".tmp") }
    }

    @Test(arguments: [SIGQUIT, SIGTERM, SIGHUP, SIGINT])
    func aStopSignalMidWriteKeepsThePreviousBriefAndExitsWith128PlusTheSignal(_ signal: Int32) throws {
        let folder = Repository.temporaryFolder("stop")
        let path = folder + "/brief.pdf"
        #expect(try ReportBinary.run(["pdf", "--cities", "all", "--out", path]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let big = try SummitScaler.write(copies: 60)
        let errors = Pipe()
        let process = try ReportBinary.start(["pdf", "--cities", "all", "--data", big, "--out", path, "--quiet"], standardError: errors)
        let deadline = Date().addingTimeInterval(120)
        while temporaries(folder).isEmpty, process.isRunning, Date() < deadline { usleep(10_000) }
        #expect(!temporaries(folder).isEmpty, "the run was stopped while writing")
        kill(process.processIdentifier, signal)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "it exits rather than dying of the signal (no core dump)")
        #expect(process.terminationStatus == 128 + signal, "\(process.terminationStatus)")
        #expect(!stderr.contains("Crash") && !stderr.contains("Backtrace") && !stderr.contains("Fatal"), "\(stderr.prefix(400))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the previous brief is untouched")
        #expect(temporaries(folder).isEmpty, "the temporary file is removed")
    }

    @Test func aStoppedRunRemovesTheFoldersItMadeForTheOutput() throws {
        let folder = Repository.temporaryFolder("stop-tree")
        let big = try SummitScaler.write(copies: 60)
        let process = try ReportBinary.start(["pdf", "--cities", "all", "--data", big, "--out", folder + "/made/for/it/brief.pdf", "--quiet"])
        let deadline = Date().addingTimeInterval(120)
        while temporaries(folder + "/made/for/it").isEmpty, process.isRunning, Date() < deadline { usleep(10_000) }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGTERM)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? ["?"]).isEmpty, "no folder is left behind")
    }

    @Test func aFullStdoutIsOneLineAndStatus74() throws {
        let run = try ReportBinary.run(after: "exec > /dev/full", ["json"])
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr == "error: cannot write to standard output: No space left on device\n", "\(run.stderr.prefix(400))")
    }

    @Test func aClosedStdoutIsStatus74() throws {
        let run = try ReportBinary.run(after: "exec >&-", ["cities"])
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.hasPrefix("error: cannot write to standard output"), "\(run.stderr.prefix(400))")
    }

    @Test func aReaderThatStopsReadingEndsTheRunQuietly() throws {
        // `report json | head -c 1`: the reader goes away while the JSON (a quarter MB) is written.
        let run = try ToolRun.run("/bin/bash", ["-c", "\"$0\" json | head -c 1 > /dev/null; echo \"status=${PIPESTATUS[0]}\"", ReportBinary.path],
                                  currentDirectory: Repository.root)
        #expect(run.stdout == "status=74\n", "\(run.stdout)")
        #expect(run.stderr.isEmpty, "quiet on EPIPE: \(run.stderr.prefix(400))")
    }
}
