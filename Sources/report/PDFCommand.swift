import Foundation
import ArgumentParser
import ReportKit

struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pdf", abstract: "Write the brief as a PDF and print its path.")

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("'all', or places by slug, Chinese or English name, comma-separated.", valueName: "names"))
    var cities: String

    @Option(help: ArgumentHelp("A style in Styles/ (default, print-grayscale, large-print) or a .yaml file.", valueName: "name|file"))
    var style = "default"

    @Option(help: ArgumentHelp("Language of labels and headings: zh-TW or en (summaries stay as written).", valueName: "lang"))
    var lang = "zh-TW"

    @Option(help: ArgumentHelp("Paper size, overriding the style: a4 or letter.", valueName: "size"))
    var paper: String?

    @Option(help: ArgumentHelp("Where to write the PDF (default: Output/<summit>.pdf).", valueName: "file"))
    var out: String?

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
        guard BriefLanguage.Code(rawValue: lang) != nil || lang.lowercased() == "zh-tw" || lang.lowercased() == "zh" else {
            throw ValidationError("unknown language '\(lang)': use zh-TW or en")
        }
    }

    func run() throws {
        try perform(input) { console throws(ReportError) in
            if let out { try OutputTarget.checkFilePath(out) }
            let code: BriefLanguage.Code = lang.lowercased() == "en" ? .en : .zhTW
            var options = PDFOptions(cities: cities, style: style, language: code, paper: paper, output: out,
                                     allowMissingGlyphs: allowMissingGlyphs)
            options.tagged = !noTags
            let warmUp = ShaperWarmUp(options: options)
            let loaded = try console.timed("import and analysis") { () throws(ReportError) in try input.sources.load() }
            console.warn(loaded.warnings)
            for note in loaded.notes { console.info(note) }
            let report = PDFReport(loaded: loaded, options: options)
            let progress = loaded.speakerCount >= 100 ? Self.progressLine(console) : nil
            let result = try console.timed("layout and PDF") { () throws(ReportError) in try report.run(warmUp: warmUp, progress: progress) }
            console.warn(result.warnings)
            for (step, seconds) in result.timings { console.info(String(format: "  %@: %.3f s", step, seconds)) }
            console.info("\(result.pages) pages")
            var usage = rusage()
            if getrusage(RUSAGE_SELF.rawValue, &usage) == 0 { console.info(String(format: "peak memory: %.0f MiB", Double(usage.ru_maxrss) / 1024)) }
            console.output(result.path)
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
