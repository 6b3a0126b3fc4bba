import ArgumentParser
import Foundation
import ReportKit
import SummitModel

@main
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Turns a smart-city summit's speech summaries into a printed comparison brief (PDF) and spreadsheet-ready CSV files.",
        discussion: """
            Exit status: 0 success, 64 bad usage (options, unknown city, an --out that is not a \
            file path or is an input), 65 bad input (data file, style sheet, missing font or glyphs), \
            73 output not writable (folder, disk full), 74 standard output failed, 128+N stopped by signal N.
            """,
        subcommands: [PDFCommand.self, PNGCommand.self, CSVCommand.self, JSONCommand.self, CitiesCommand.self]
    )

    /// Signals first: Ctrl-C, Ctrl-\, SIGTERM and SIGHUP stop the run cleanly at any point, and
    /// a closed stdout is an error to report (EPIPE), not a signal that kills us mid-write.
    static func main() {
        AtomicFile.installSignalHandlers()
        signal(SIGPIPE, SIG_IGN)
        main(nil)
    }
}

/// Options every subcommand shares: where the data is, and how talkative to be.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A summit file, or a folder of summit-*.txt; give it more than once for a brief across summits (default: the newest Data/summit-*.txt).",
                                            valueName: "file|folder"))
    var data: [String] = []

    @Option(name: .long, help: ArgumentHelp("Curated places (default: Data/places.yaml).", valueName: "file"))
    var places: String?

    @Option(name: .long, help: ArgumentHelp("Titles and their English (default: Data/roles.yaml).", valueName: "file"))
    var roles: String?

    @Option(name: .long, help: ArgumentHelp("Theme taxonomy (default: Data/themes.yaml).", valueName: "file"))
    var themes: String?

    @Option(name: .long, help: ArgumentHelp("Read the summit file in this encoding instead of detecting it: utf-8, utf-16, cp950 (big5), big5-hkscs.",
                                            valueName: "name"))
    var encoding: String?

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print what was read and how long each step took.")
    var verbose = false

    var sources: DataSources {
        DataSources(summitFiles: data, placesFile: places, rolesFile: roles, themesFile: themes, encoding: encoding.flatMap(SummitEncoding.init(name:)))
    }

    func validate() throws {
        if let encoding, SummitEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding '\(encoding)': use \(SummitEncoding.acceptedNames)")
        }
    }
}

/// Runs a command body, turning a `ReportError` into a message on stderr and its exit status.
func perform(_ options: InputOptions, _ body: (Console) throws(ReportError) -> Void) throws {
    let console = Console(quiet: options.quiet, verbose: options.verbose)
    do {
        try body(console)
    } catch {
        console.error(error.message)
        throw ExitCode(error.exitCode)
    }
}
