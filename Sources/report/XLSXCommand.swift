import ArgumentParser
import Foundation
import ReportKit

struct XLSXCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xlsx",
        abstract: "Write the tables as one typed Excel workbook (with a data dictionary) and print its path.")

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("'all', places by slug, Chinese or English name, or countries (country:CZ or a name), comma-separated.",
                               valueName: "names"),
            completion: Completions.cities)
    var cities = "all"

    @Option(help: ArgumentHelp("Where to write the workbook (default: Output/<summit>.xlsx).", valueName: "file"))
    var out: String?

    /// The command as typed, for the workbook's `about` sheet: `report xlsx --cities all`.
    static func commandLine(_ arguments: [String]) -> String {
        (["report"] + arguments.dropFirst()).map { argument in
            argument.isEmpty || argument.contains(where: { " \t\n'\"\\$`".contains($0) })
                ? "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'" : argument
        }.joined(separator: " ")
    }

    func run() throws {
        try perform(input) { console throws(ReportError) in
            if let out { try OutputTarget.checkFilePath(out) }
            let loaded = try console.timed("import and analysis") { () throws(ReportError) in try input.sources.load() }
            console.warn(loaded.warnings)
            let options = XLSXOptions(cities: cities, output: out, command: Self.commandLine(CommandLine.arguments),
                                      version: ReportCommand.configuration.version)
            let result = try console.timed("workbook") { () throws(ReportError) in try XLSXReport(loaded: loaded, options: options).run() }
            console.warn(result.warnings)
            for (step, seconds) in result.timings { console.info(String(format: "  %@: %.3f s", step, seconds)) }
            for sheet in result.sheets { console.info("  \(sheet.name): \(sheet.rows) rows") }
            // With `--out -` the workbook itself went to stdout.
            if result.path != OutputTarget.standardOutput { console.output(result.path) }
        }
    }
}
