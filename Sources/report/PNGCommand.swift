import ArgumentParser
import ReportKit

struct PNGCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "png",
        abstract: "Write pages of the brief as PNG images (a preview without a PDF viewer) and print their paths.")

    @OptionGroup var input: InputOptions

    @OptionGroup var brief: BriefOptions

    @Option(help: ArgumentHelp("A page or a range of pages, as numbered in the footers: 3 or 3-4.", valueName: "pages"))
    var pages = "1"

    @Option(help: ArgumentHelp("Resolution, dots per inch (30–600).", valueName: "dpi"))
    var dpi: Double = 110

    @Option(help: ArgumentHelp("Folder for the images (default: Output in the current folder).", valueName: "folder"),
            completion: .directory)
    var out = "Output"

    /// `3` or `3-4`.
    static func pageRange(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        switch parts.count {
        case 1: if let page = parts[0] { return page...page }
        case 2: if let first = parts[0], let last = parts[1], first <= last { return first...last }
        default: break
        }
        return nil
    }

    func validate() throws {
        guard let range = Self.pageRange(pages), range.lowerBound >= 1 else {
            throw ValidationError("--pages '\(pages.prefix(40))': give a page (3) or a range (3-4), from 1")
        }
        _ = range
        guard PNGOptions.dpiRange.contains(dpi) else { throw ValidationError("--dpi must be between 30 and 600") }
    }

    func run() throws {
        try perform(input) { console throws(ReportError) in
            try OutputTarget.checkFolderPath(out)
            let briefOptions = brief.options()
            try briefOptions.checkStyle()
            let options = PNGOptions(brief: briefOptions, pages: Self.pageRange(pages) ?? 1...1, dpi: dpi, folder: out)
            let loaded = try console.timed("import and analysis") { () throws(ReportError) in try input.sources.load() }
            console.warn(loaded.warnings)
            console.listRead(loaded, from: input)
            let result = try console.timed("layout and PNG") { () throws(ReportError) in try PNGReport(loaded: loaded, options: options).run() }
            console.warn(result.warnings)
            for path in result.paths { console.output(path) }
        }
    }
}
