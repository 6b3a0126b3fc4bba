import Foundation
import InputSupport
import ReportLayout
import ReportRender
import ReportStyle
import SummitModel

/// What `report pdf` was asked for.
public struct PDFOptions: Sendable {
    public var cities: String
    public var style: String
    /// One folder to find named styles in (tests); nil looks them up in `./Styles`, then the
    /// installed styles (`ResourceLocator`).
    public var stylesFolder: String?
    public var language: BriefLanguage.Code
    public var paper: String?
    /// The PDF's path; nil writes `Output/<summit>.pdf`, with the selection, the style and
    /// the language in the name when they are not the defaults (`OutputName`).
    public var output: String?
    public var allowMissingGlyphs: Bool
    /// Write the structure tree and finish the file for PDF/UA and PDF/A; off only to
    /// measure what that costs.
    public var tagged = true
    /// In a brief in English, set the original Chinese below each translated summary
    /// (`--no-original` leaves it out).
    public var showsOriginal = true

    public init(cities: String = "all", style: String = "default", stylesFolder: String? = nil, language: BriefLanguage.Code = .zhTW,
                paper: String? = nil, output: String? = nil, allowMissingGlyphs: Bool = false) {
        self.cities = cities
        self.style = style
        self.stylesFolder = stylesFolder
        self.language = language
        self.paper = paper
        self.output = output
        self.allowMissingGlyphs = allowMissingGlyphs
    }
}

extension PDFOptions {
    /// The loader that finds named styles where these options say.
    public var styleLoader: StyleSheetLoader {
        if let stylesFolder { return StyleSheetLoader(stylesFolder: stylesFolder) }
        return StyleSheetLoader(stylesFolders: ResourceLocator.current.stylesFolders)
    }

    /// `--style`: a named style must exist before anything is read; an unknown one is bad usage
    /// (exit 64) that lists the styles. A style sheet given as a file is checked when it is read.
    public func checkStyle() throws(ReportError) {
        do {
            _ = try styleLoader.path(for: style)
        } catch {
            let isFile = style.contains("/") || style.hasSuffix(".yaml") || style.hasSuffix(".yml")
            throw isFile ? ReportError(error) : ReportError(.usage, error.description)
        }
    }

    /// `--out -`: the finished PDF goes to standard output.
    public var writesToStandardOutput: Bool { output == OutputTarget.standardOutput }
}

/// What a PDF run produced.
public struct PDFResult: Sendable {
    public var path: String
    public var pages: Int
    public var warnings: [InputWarning]
    /// Seconds per step (layout, painting, fonts and file), for `--verbose`.
    public var timings: [(step: String, seconds: Double)]
    /// The style sheets read (the style and those it extends), for `--verbose`.
    public var styleFiles: [String] = []
}

/// How far a long run has got, for a progress line.
public enum PDFProgress: Sendable {
    case laidOut(pages: Int)
    case written(page: Int, of: Int)
}

/// `report pdf`: select, build, lay out, check, paint, and write atomically.
public struct PDFReport {
    public var loaded: LoadedSummit
    public var options: PDFOptions
    public var clock: ReportClock

    public init(loaded: LoadedSummit, options: PDFOptions, clock: ReportClock = ReportClock()) {
        self.loaded = loaded
        self.options = options
        self.clock = clock
    }

    /// The style sheet with `--paper` applied.
    public func style() throws(ReportError) -> (StyleSheet, [InputWarning]) { try Self.style(for: options) }

    static func style(for options: PDFOptions) throws(ReportError) -> (StyleSheet, [InputWarning]) {
        var loaded: (style: StyleSheet, warnings: [InputWarning])
        do {
            loaded = try options.styleLoader.load(options.style)
        } catch {
            throw ReportError(error)
        }
        if let paper = options.paper {
            guard let size = StyleSheetLoader.papers[paper.lowercased()] else {
                throw ReportError(.usage, "unknown paper '\(paper)': use a4 or letter")
            }
            loaded.style.paper = size
        }
        return loaded
    }

    public func defaultOutputPath(style: StyleSheet) -> String {
        let selected = (try? CitySelection.resolve(options.cities, among: loaded.places).places) ?? loaded.places
        var name = OutputName.stem(summits: loaded.summits.map(\.summit), selected: selected, all: loaded.places)
        if style.name != "default" { name += "-\(style.name)" }
        if options.language != .zhTW { name += "-\(options.language.rawValue)" }
        return "Output/\(name).pdf"
    }

    /// Shapers for a run: one per core when the brief is long enough to be worth it, the
    /// first of them `warmed` when there is one.
    public func shapers(warmed: PangoShaper? = nil) -> [PangoShaper] {
        let first = warmed ?? PangoShaper(registry: FontRegistry())
        let count = loaded.speakerCount >= 60 ? max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)) : 1
        return [first] + (1..<max(1, count)).map { _ in PangoShaper(registry: first.registry) }
    }

    /// Lays the brief out without writing anything (tests inspect the result).
    public func layout(shaper: any TextShaper) throws(ReportError) -> (document: LaidOutDocument, style: StyleSheet, warnings: [InputWarning]) {
        try layout(shapers: [shaper])
    }

    /// Lays the brief out with any shaper (the fake one of the tests measures without fonts);
    /// `shapers` must not be empty.
    public func layout(shapers: [any TextShaper], progress: (@Sendable (PDFProgress) -> Void)? = nil)
        throws(ReportError) -> (document: LaidOutDocument, style: StyleSheet, warnings: [InputWarning]) {
        let shaper = shapers[0]
        let (places, selectionWarnings) = try CitySelection.resolve(options.cities, among: loaded.places)
        let (style, styleWarnings) = try style()
        for family in Set([style.fonts.family, style.fonts.headingFamily]).sorted() where !shaper.hasFamily(family) {
            // Only the standard family's package is known to hold it; a sheet's `package` is a guess.
            let package = family == StyleSheet.standard.fonts.family ? "\n  It is in the Debian package \(StyleSheet.standard.fonts.package)." : ""
            throw ReportError(.input, "the font family '\(Excerpt.of(family))' named by the style '\(Excerpt.of(style.name))' (`fonts.family` or `fonts.heading`) is not installed\n"
                + "  `fc-list : family` lists the installed families: name one of them in the style sheet, or install the font." + package)
        }
        let names = options.language == .zhTW ? TranslatedNames()
            : TranslatedNames(summits: loaded.summits.map(\.summit), translations: loaded.translations, roles: loaded.roles)
        let language = BriefLanguage(options.language, roles: loaded.roles, names: names)
        let builder = BriefBuilder(summits: loaded.summits(in: options.language), places: places, style: style, language: language,
                                   generated: clock.day, translations: options.language == .zhTW ? [:] : loaded.translations,
                                   showsOriginal: options.showsOriginal,
                                   translatedAnalyses: options.language == .bilingual
                                       ? Dictionary(loaded.summits(in: .en).map { ($0.summit.date, $0.analysis) }, uniquingKeysWith: { first, _ in first }) : [:])
        let document = builder.document(date: clock.timestamp)
        let laidOut: LaidOutDocument
        do {
            laidOut = try LayoutEngine(style: style, shapers: shapers).layout(document, progress: progress.map { report in
                { @Sendable pages in report(.laidOut(pages: pages)) }
            })
        } catch {
            throw ReportError(.input, "style '\(Excerpt.of(style.name))': the brief does not fit the page (\(error.problems.count) item(s) outside the printable area)\n"
                + "  Make `margins.top`, `margins.bottom`, `margins.left`, `margins.right` or the `sizes` (`body`, `table`, `h1` …) smaller, or `paper` larger.")
        }
        return (laidOut, style, selectionWarnings + styleWarnings)
    }

    /// Writes the brief; `warmUp`, started before the summit was read, supplies a shaper
    /// that has already paid for fontconfig.
    public func run(warmUp: ShaperWarmUp? = nil, progress: (@Sendable (PDFProgress) -> Void)? = nil) throws(ReportError) -> PDFResult {
        let shapers = shapers(warmed: warmUp?.take())
        var timer = StepTimer()
        let (document, style, warnings) = try layout(shapers: shapers, progress: progress)
        timer.lap("build, shape and lay out")
        var allWarnings = warnings
        let missing = document.missingGlyphs
        if !missing.isEmpty {
            let list = missing.prefix(8).map { entry in
                "U+\(String(entry.character.value, radix: 16, uppercase: true)) '\(entry.character)' on page \(entry.page) in “\(entry.context.prefix(40))”"
            }.joined(separator: "\n    ")
            let message = "\(missing.count) character(s) have no glyph in the fonts and would print as boxes:\n    \(list)"
            if !options.allowMissingGlyphs {
                throw ReportError(.input, message + "\n  Install a font that has them (e.g. fonts-noto-core), or pass --allow-missing-glyphs to print anyway.")
            }
            allWarnings.append(InputWarning(message))
        }
        let path = options.output ?? defaultOutputPath(style: style)
        let painterTimings = PainterTimings()
        let painter = PDFPainter(registry: shapers[0].registry)
        let tagged = options.tagged, metadata = document.metadata
        /// Paints the brief and finishes it for PDF/UA-1 and PDF/A-2u.
        func finishedPDF() throws(ReportError) -> [UInt8] {
            let painting: PDFPainter.Painting
            do {
                painting = try painter.paint(document, tagged: tagged, timings: painterTimings,
                                             progress: progress.map { report in { @Sendable in report(.written(page: $0, of: $1)) } })
            } catch {
                throw ReportError(.output, error.description)
            }
            guard tagged else { return painting.pdf }
            do {
                let pdf = try PDFFinisher.finish(painting.pdf, PDFFinishing(language: metadata.language, title: metadata.title,
                                                                            subject: metadata.subject, author: metadata.author,
                                                                            creator: metadata.creator, keywords: metadata.keywords,
                                                                            date: metadata.date, elements: painting.attributes))
                painterTimings.lap("finish for PDF/UA-1 and PDF/A-2u (libqpdf)")
                return pdf
            } catch {
                throw ReportError(.output, error.description)
            }
        }
        if options.writesToStandardOutput {
            try OutputTarget.checkStandardOutput()
            let pdf = try finishedPDF()
            // Only the finished bytes reach stdout: a failed run has written nothing there.
            if let reason = DescriptorWriter.write(pdf, to: STDOUT_FILENO) {
                // A reader that stopped reading (`| head -c 100`) is not worth a message, as for `report json`.
                throw ReportError(.standardOutput, errno == EPIPE ? "" : "cannot write the PDF to standard output: \(reason)")
            }
        } else {
            // The temporary beside the target exists from the start: the target is checked (not
            // an input, not a folder) before anything is painted, and a run stopped while
            // painting leaves the previous brief as it was.
            try AtomicFile.write(to: path, inputs: loaded.inputFiles + style.sourceFiles) { descriptor in
                try AtomicFile.writeAll(try finishedPDF(), to: descriptor)
            }
        }
        // The shapers own the fonts the painter used: they must outlive it.
        withExtendedLifetime(shapers) {}
        timer.lap("paint and write")
        return PDFResult(path: path, pages: document.pages.count, warnings: allWarnings,
                         timings: timer.steps + painterTimings.steps.map { ("  " + $0.step, $0.seconds) }, styleFiles: style.sourceFiles)
    }
}
