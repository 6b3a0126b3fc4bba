import ArgumentParser
import Foundation
import InputSupport
import ReportKit
import SummitModel

@main
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Turns a smart-city summit's speech summaries into a printed comparison brief (PDF) and spreadsheet-ready CSV files.",
        discussion: """
            \(ResourceLocator.lookupOrder) `-` names standard input for --data and standard output for \
            `report pdf --out`.
            Exit status: 0 success, 64 bad usage (options, unknown city or style, an --out that is not a \
            file path or is an input), 65 bad input (data file, style sheet, missing font or glyphs), \
            73 output not writable (folder, disk full), 74 standard output failed, 128+N stopped by signal N.
            """,
        version: ReportVersion.number,
        subcommands: [PDFCommand.self, PNGCommand.self, CSVCommand.self, XLSXCommand.self, JSONCommand.self, CitiesCommand.self, TranslationTemplateCommand.self]
    )

    /// Signals first: Ctrl-C, Ctrl-\, SIGTERM and SIGHUP stop the run cleanly at any point, and
    /// a closed stdout is an error to report (EPIPE), not a signal that kills us mid-write.
    static func main() {
        AtomicFile.installSignalHandlers()
        signal(SIGPIPE, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = unknownCommand(arguments) {
            Console.writeStandardError(message)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            exitReporting(error)
        }
    }

    /// Ends the run for an error of the parser or a command: help, the version and completion
    /// scripts go to stdout; every other message to stderr, starting `error:` like ours.
    static func exitReporting(_ error: Error) -> Never {
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { _ = DescriptorWriter.write(Array((message + "\n").utf8), to: STDOUT_FILENO) }
            Foundation.exit(0)
        }
        if !message.isEmpty { Console.writeStandardError(Self.lowercasedPrefix(message) + "\n") }
        Foundation.exit(code.rawValue)
    }

    /// argument-parser's `Error: …` as `error: …`, the way every other message starts.
    static func lowercasedPrefix(_ message: String) -> String {
        message.hasPrefix("Error: ") ? "error: " + message.dropFirst("Error: ".count) : message
    }

    /// The names of the subcommands (and `help`).
    static var commandNames: [String] { configuration.subcommands.map { $0._commandName } + ["help"] }

    /// `report pfd` → a suggestion, rather than the parser's "Unexpected argument".
    static func unknownCommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commandNames.contains(first) else { return nil }
        let names = commandNames.filter { $0 != "help" }
        let nearest = NearestName.find(first, in: names).map { " Did you mean '\($0)'?" } ?? ""
        return "error: unknown command \(Excerpt.quoted(first)).\(nearest)\n  Commands: \(names.joined(separator: ", ")); see 'report --help'.\n"
    }
}

/// Options every subcommand shares: where the data is, and how talkative to be.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A summit file, a folder of summit-*.txt, or - for standard input; give it more than once for a brief across summits (default: the newest Data/summit-*.txt, in ./Data, then the installed data).",
                                            valueName: "file|folder"),
            completion: .file(extensions: ["txt"]))
    var data: [String] = []

    @Option(name: .long, help: ArgumentHelp("Curated places (default: places.yaml in ./Data, then the installed data).", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var places: String?

    @Option(name: .long, help: ArgumentHelp("Titles and their English (default: roles.yaml in ./Data, then the installed data).", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var roles: String?

    @Option(name: .long, help: ArgumentHelp("Theme taxonomy (default: themes.yaml in ./Data, then the installed data).", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var themes: String?

    @Option(name: .long, help: ArgumentHelp("Read the summit file in this encoding instead of detecting it: utf-8, utf-16, cp950 (big5), big5-hkscs.",
                                            valueName: "name"))
    var encoding: String?

    @Option(name: .long, help: ArgumentHelp("The summaries in English (default: summit-….en.yaml beside the summit file, when there is one).",
                                            valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var translation: String?

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print the files that were read, how long each step took.")
    var verbose = false

    var sources: DataSources {
        var sources = DataSources(summitFiles: data, placesFile: places, rolesFile: roles, themesFile: themes,
                                  encoding: encoding.flatMap(SummitEncoding.init(name:)))
        sources.translationFile = translation
        return sources
    }

    func validate() throws {
        if let encoding, SummitEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding '\(encoding)': use \(SummitEncoding.acceptedNames)")
        }
    }
}

/// `--lang`: the brief's labels, in any case (`EN`, `zh-tw`).
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case zhTW = "zh-TW"
    case en
    /// Chinese and English side by side: `zh-TW+en`.
    case bilingual = "zh-TW+en"

    init?(argument: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() }) else { return nil }
        self = match
    }

    var code: BriefLanguage.Code {
        switch self {
        case .zhTW: return .zhTW
        case .en: return .en
        case .bilingual: return .bilingual
        }
    }
}

/// `--paper`: overrides the style's paper, in any case (`A4`).
enum PaperOption: String, ExpressibleByArgument, CaseIterable {
    case a4
    case letter

    init?(argument: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue == argument.lowercased() }) else { return nil }
        self = match
    }
}

/// What the shells complete for `--style` and `--cities`.
enum Completions {
    static let styles = CompletionKind.custom { _, _, _ in CompletionValues.styles() }

    /// `taipei,pra<TAB>` completes the last name of the list.
    static let cities = CompletionKind.custom { _, _, prefix in
        let head = prefix.lastIndex(of: ",").map { String(prefix[...$0]) } ?? ""
        return CompletionValues.cities().map { head + $0 }
    }
}

/// Runs a command body, turning a `ReportError` into a message on stderr and its exit status.
func perform(_ options: InputOptions, _ body: (Console) throws(ReportError) -> Void) throws {
    let console = Console(quiet: options.quiet, verbose: options.verbose)
    do {
        try body(console)
    } catch {
        if !error.message.isEmpty { console.error(error.message) }
        throw ExitCode(error.exitCode)
    }
}
