import Foundation
import ArgumentParser
import ReportKit

struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pdf", abstract: "Write the brief as a PDF and print its path.")

    @OptionGroup var input: InputOptions

    @OptionGroup var brief: BriefOptions

    @Option(help: ArgumentHelp("Where to write the PDF, - for standard output (default: Output/<summit>.pdf in the current folder).", valueName: "file"),
            completion: .file(extensions: ["pdf"]))
    var out: String?

    @Flag(help: "Open the PDF when it is written (xdg-open, when there is a display).")
    var open = false

    @Flag(help: "Write the PDF even if some characters have no glyph (they print as boxes).")
    var allowMissingGlyphs = false

    @Flag(name: .customLong("no-tags"), help: ArgumentHelp("Leave out the structure tree and the PDF/UA and PDF/A finish (to measure their cost).",
                                                          visibility: .hidden))
    var noTags = false

    /// A long brief takes seconds: say how far it is (on a terminal only, never on stdout).
    static func progressLine(_ console: Console) -> (@Sendable (PDFProgress) -> Void)? {
        guard console.showsProgress else { return nil }
        let shown = ProgressThrottle()
        return { step in
            switch step {
            case let .laidOut(pages):
                if shown.passes(pages / 50) { console.progress("laying out: \(pages / 50 * 50) pages") }
            case let .written(page, total):
                if page % 25 == 0 || page == total { console.progress("writing page \(page) of \(total)", done: page == total) }
            }
        }
    }

    func validate() throws {
        if open, out == OutputTarget.standardOutput { throw ValidationError("--open cannot open a PDF written to standard output (--out -)") }
    }

    func run() throws {
        try perform(input) { console throws(ReportError) in
            var options = brief.options(output: out, allowMissingGlyphs: allowMissingGlyphs)
            options.tagged = !noTags
            if options.writesToStandardOutput { try OutputTarget.checkStandardOutput() } else if let out { try OutputTarget.checkFilePath(out) }
            try options.checkStyle()
            let warmUp = ShaperWarmUp(options: options)
            let loaded = try console.timed("import and analysis") { () throws(ReportError) in try input.sources.load() }
            console.warn(loaded.warnings)
            console.listRead(loaded, from: input)
            let report = PDFReport(loaded: loaded, options: options)
            let progress = loaded.speakerCount >= 100 ? Self.progressLine(console) : nil
            let result = try console.timed("layout and PDF") { () throws(ReportError) in try report.run(warmUp: warmUp, progress: progress) }
            console.warn(result.warnings)
            for (step, seconds) in result.timings { console.info(String(format: "  %@: %.3f s", step, seconds)) }
            console.info("\(result.pages) pages")
            var usage = rusage()
            if getrusage(RUSAGE_SELF.rawValue, &usage) == 0 { console.info(String(format: "peak memory: %.0f MiB", Double(usage.ru_maxrss) / 1024)) }
            console.listRead(styleFiles: result.styleFiles)
            guard !options.writesToStandardOutput else { return }
            console.output(result.path)
            if open { Opener.open(result.path, console: console) }
        }
    }
}

/// Lets a progress step through once per bucket, whichever thread reports it.
final class ProgressThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private var last = 0

    func passes(_ bucket: Int) -> Bool {
        lock.withLock {
            guard bucket > last else { return false }
            last = bucket
            return true
        }
    }
}
