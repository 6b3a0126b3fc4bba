#if canImport(Glibc)
import Glibc
#endif
import Foundation
import InputSupport
import ReportExport
import ReportStyle

/// What `report xlsx` was asked for.
public struct XLSXOptions: Sendable {
    public var cities: String
    /// The workbook's path; nil writes `Output/<summit>.xlsx`, named as the PDF would be.
    public var output: String?
    /// The style whose heatmap scale colours the heatmap sheet: the PDF's default, so the
    /// workbook and the brief read alike.
    public var style: String
    public var stylesFolder: String
    /// The command line that made the workbook, and the tool's version, for the `about` sheet.
    public var command: String
    public var version: String

    public init(cities: String = "all", output: String? = nil, style: String = "default", stylesFolder: String = "Styles",
                command: String = "report xlsx", version: String = "") {
        self.cities = cities
        self.output = output
        self.style = style
        self.stylesFolder = stylesFolder
        self.command = command
        self.version = version
    }
}

/// What an xlsx run produced.
public struct XLSXResult: Sendable {
    public var path: String
    /// Each sheet and its rows (for `about`, the entries of the data dictionary).
    public var sheets: [(name: String, rows: Int)]
    public var warnings: [InputWarning]
    /// Seconds per step (tables, cells, file), for `--verbose`.
    public var timings: [(step: String, seconds: Double)]
}

/// `report xlsx`: the CSV tables as one typed workbook (libxlsxwriter), with the heatmap in
/// the brief's colours and a data dictionary, written atomically like the PDF.
public struct XLSXReport {
    public var loaded: LoadedSummit
    public var options: XLSXOptions
    public var clock: ReportClock

    public init(loaded: LoadedSummit, options: XLSXOptions, clock: ReportClock = ReportClock()) {
        self.loaded = loaded
        self.options = options
        self.clock = clock
    }

    /// `Output/summit-2021-03-23.xlsx`: the PDF's default name with the workbook's extension,
    /// so the two always sit side by side under the same name.
    public var defaultOutputPath: String {
        let pdf = PDFReport(loaded: loaded, options: PDFOptions(cities: options.cities)).defaultOutputPath(style: StyleSheet.standard)
        return (pdf.hasSuffix(".pdf") ? String(pdf.dropLast(4)) : pdf) + ".xlsx"
    }

    /// What the workbook will hold, without writing anything (tests inspect it).
    public func workbook() throws(ReportError) -> (writer: WorkbookWriter, warnings: [InputWarning], styleFiles: [String]) {
        let (places, selectionWarnings) = try CitySelection.resolve(options.cities, among: loaded.places)
        let (style, styleWarnings) = try PDFReport.style(for: PDFOptions(style: options.style, stylesFolder: options.stylesFolder))
        let summit = loaded.summit
        // Several summits: one table each, as the CSV files (the about sheet names the newest).
        var exports = CSVExports(summits: loaded.summits, places: places)
        exports.translations = loaded.translations
        let tables = exports.tables
        let zh = BriefLanguage(.zhTW, roles: loaded.roles), en = BriefLanguage(.en, roles: loaded.roles)
        let selected = Set(places.map(\.slug))
        let speakers = loaded.summits.reduce(0) { $0 + $1.summit.speakers.filter { selected.contains($0.placeSlug) }.count }
        let scale = style.heatmap
        let facts: [WorkbookAbout.Fact] = [
            .init(zh: "會議", en: "Summit", .text(summit.title)),
            .init(zh: zh.summitDate, en: en.summitDate, .day(summit.date)),
            .init(zh: zh.source, en: en.source, .text(summit.source.split(separator: "/").last.map(String.init) ?? summit.source)),
            .init(zh: zh.selection, en: "Selection (--cities)", .text(options.cities)),
            .init(zh: "城市與機構", en: "Places", .integer(places.count)),
            .init(zh: "講者", en: "Speakers", .integer(speakers)),
            .init(zh: "指令", en: "Command", .text(options.command)),
            .init(zh: "版本", en: "Version", .text(options.version.isEmpty ? "development build" : options.version)),
            .init(zh: "產製時間（UTC）", en: "Generated (UTC)", .moment(clock.date)),
            .init(zh: "熱度圖色階", en: "Heatmap scale", .text("\(style.name): " + scale.labels.joined(separator: ", "))),
        ]
        let about = WorkbookAbout(
            title: "\(summit.title) 分析活頁簿 · Analyst's workbook",
            subject: summit.heading,
            keywords: "智慧城市, smart city, 首長高峰會, summit, themes, \(summit.date)",
            language: "zh-TW",
            facts: facts,
            scoring: zh.scoringExplanation + en.scoringExplanation,
            created: clock.date)
        let fills = HeatmapFills(
            legendTitle: zh.legend.trimmingCharacters(in: CharacterSet(charactersIn: "：:")) + " " + en.legend.trimmingCharacters(in: CharacterSet(charactersIn: "：:")),
            legend: zip(scale.labels, scale.colors).map { label, color in (label, Self.swatch(color, scale)) },
            swatch: { value in Self.swatch(scale.color(for: value), scale) })
        let writer = WorkbookWriter(tables: tables, dictionary: ColumnDictionary(themes: loaded.analysis.themes), heatmap: fills,
                                    about: about, font: style.fonts.family)
        return (writer, selectionWarnings + styleWarnings, style.sourceFiles)
    }

    private static func swatch(_ fill: Color, _ scale: StyleSheet.HeatmapScale) -> HeatmapFills.Swatch {
        HeatmapFills.Swatch(fill: rgb(fill), ink: rgb(scale.textColor(on: fill)))
    }

    private static func rgb(_ color: Color) -> UInt32 {
        func channel(_ value: Double) -> UInt32 { UInt32(max(0, min(255, (value * 255).rounded()))) }
        return channel(color.red) << 16 | channel(color.green) << 8 | channel(color.blue)
    }

    /// Writes the workbook: libxlsxwriter writes it into a private temporary folder (it
    /// only writes to a file name), and its bytes go to the target through `AtomicFile`, so
    /// the target is replaced only when the workbook is complete and no link can steer it.
    public func run() throws(ReportError) -> XLSXResult {
        let path = options.output ?? defaultOutputPath
        let toStandardOutput = path == OutputTarget.standardOutput
        if toStandardOutput {
            try OutputTarget.checkStandardOutput()
        } else {
            try OutputTarget.checkFilePath(path)
            _ = try OutputTarget.checkExisting(path)
        }
        var timer = StepTimer()
        let (writer, warnings, styleFiles) = try workbook()
        timer.lap("tables")
        let inputs = loaded.inputFiles + styleFiles
        if !toStandardOutput { try OutputTarget.checkNotInput(path, inputs: inputs) }
        let folder = try Self.privateFolder()
        let file = folder + "/workbook.xlsx"
        TemporaryFileRegistry.shared.add(file)
        defer {
            unlink(file)
            TemporaryFileRegistry.shared.remove(file)
            rmdir(folder)
            TemporaryFileRegistry.shared.removeFolder(folder)
        }
        let written: WorkbookWriter.Written
        do {
            written = try writer.write(to: file, temporaryFolder: folder)
        } catch {
            throw ReportError(.output, "writing the workbook failed: \(error.message)\n  Check the free space in \(Excerpt.of(NSTemporaryDirectory())) (df -h) and try again.")
        }
        timer.lap("cells and zip (libxlsxwriter)")
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw ReportError(.output, "cannot read back the workbook libxlsxwriter wrote in \(Excerpt.of(folder))")
        }
        if toStandardOutput {
            // `--out -`: the finished workbook on standard output, as `report pdf --out -` does.
            if let reason = DescriptorWriter.write([UInt8](bytes), to: STDOUT_FILENO) {
                throw ReportError(.standardOutput, errno == EPIPE ? "" : "cannot write the workbook to standard output: \(reason)")
            }
        } else {
            try AtomicFile.write(to: path, inputs: inputs) { descriptor in try AtomicFile.writeAll([UInt8](bytes), to: descriptor) }
        }
        timer.lap("copy, sync and rename")
        var allWarnings = warnings
        if written.truncatedCells > 0 {
            allWarnings.append(InputWarning("\(written.truncatedCells) cell(s) held more than \(WorkbookWriter.maximumCellCharacters) characters, "
                                            + "Excel's limit, and were cut with '…' in the workbook (the CSV files keep them whole)"))
        }
        return XLSXResult(path: path, sheets: written.sheets, warnings: allWarnings, timings: timer.steps)
    }

    /// A fresh folder only this user can enter (`mkdtemp`, mode 0700), for libxlsxwriter's files.
    static func privateFolder() throws(ReportError) -> String {
        let base = NSTemporaryDirectory().hasSuffix("/") ? NSTemporaryDirectory() : NSTemporaryDirectory() + "/"
        var template = Array((base + "report-xlsx.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw ReportError(.output, "cannot create a temporary folder in \(Excerpt.of(base)): \(String(cString: strerror(errno)))\n"
                              + "  Set TMPDIR to a writable folder and try again.")
        }
        let folder = String(cString: made)
        TemporaryFileRegistry.shared.addFolder(folder)
        return folder
    }
}
