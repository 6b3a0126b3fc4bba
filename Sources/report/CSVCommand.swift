import ArgumentParser
import ReportKit

struct CSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Write speakers.csv, places.csv, themes.csv, heatmap.csv and figures.csv and print their paths.")

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("'all', places by slug, Chinese or English name, or countries (country:CZ or a name), comma-separated.",
                               valueName: "names"),
            completion: Completions.cities)
    var cities = "all"

    @Option(help: ArgumentHelp("Folder for the CSV files (default: Output in the current folder).", valueName: "folder"),
            completion: .directory)
    var out = "Output"

    func run() throws {
        try perform(input) { console throws(ReportError) in
            try OutputTarget.checkFolderPath(out)
            let loaded = try console.timed("import and analysis") { () throws(ReportError) in try input.sources.load() }
            console.warn(loaded.warnings)
            console.listRead(loaded, from: input)
            let result = try console.timed("CSV") { () throws(ReportError) in try CSVReport(loaded: loaded, cities: cities, folder: out).run() }
            console.warn(result.warnings)
            for file in result.files {
                console.info("\(file.path): \(file.rows) rows")
                console.output(file.path)
            }
        }
    }
}
