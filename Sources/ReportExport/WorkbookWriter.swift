import CXLSXWriter
import Foundation

/// Writes the CSV tables as one `.xlsx` workbook with libxlsxwriter, so that a spreadsheet
/// never has to guess: every cell has the type its column's `ColumnInfo` gives it (text
/// stays text, `8%` and `=…` included; numbers are numbers; shares are percentages; dates are
/// dates), and the sheets are ready to filter and pivot (frozen header, autofilter, stable
/// column ids, a data dictionary in `about`).
///
/// It takes the very tables `report csv` writes (`CSVExports.tables`), so a column added
/// there arrives in the workbook with no second definition to keep in step. libxlsxwriter
/// runs in constant-memory mode: rows are streamed to its temporary files in order, which
/// is why everything a row needs (links, fills, the legend beside the heatmap) is worked
/// out before the row is written.
public struct WorkbookWriter {
    public var tables: [CSVTable]
    public var dictionary: ColumnDictionary
    /// The heatmap sheet's colours; nil leaves it uncoloured.
    public var heatmap: HeatmapFills?
    public var about: WorkbookAbout
    /// The font of every cell: the brief's CJK family (Excel falls back where it is missing).
    public var font: String

    /// The most characters a cell may hold (Excel's limit); longer text is cut with `…`.
    public static let maximumCellCharacters = 32_767
    /// Width of a long-text column (summaries, evidence), in characters.
    static let longTextWidth = 60.0
    /// The height of one line of 10 pt Noto Sans CJK, in points.
    static let lineHeight = 15.0
    /// A row of long text shows at most this many lines; the cell holds all of it.
    static let maximumLines = 6

    /// What was written: each sheet with its rows (the header and the `about` facts not
    /// counted), and how many cells were cut to Excel's limit.
    public struct Written: Sendable {
        public var sheets: [(name: String, rows: Int)]
        public var truncatedCells: Int
    }

    public init(tables: [CSVTable], dictionary: ColumnDictionary, heatmap: HeatmapFills?, about: WorkbookAbout,
                font: String = "Noto Sans CJK TC") {
        self.tables = tables
        self.dictionary = dictionary
        self.heatmap = heatmap
        self.about = about
        self.font = font
    }

    /// Writes the workbook to `path` (a file the caller owns: ReportKit gives a private
    /// temporary, never the target); libxlsxwriter's own temporary files go to `temporaryFolder`.
    public func write(to path: String, temporaryFolder: String? = nil) throws(WorkbookError) -> Written {
        var options = lxw_workbook_options()
        options.constant_memory = 1
        let folder = temporaryFolder.flatMap { strdup($0) }
        defer { free(folder) }
        options.tmpdir = folder
        guard let workbook = workbook_new_opt(path, &options) else {
            throw WorkbookError("libxlsxwriter could not start a workbook at \(path)")
        }
        var written = Written(sheets: [], truncatedCells: 0)
        do throws(WorkbookError) {
            try setProperties(workbook)
            let formats = WorkbookFormats(workbook: workbook, font: font)
            let speakerRows = Self.firstRows(of: tables.first { $0.sheetName == "speakers" })
            for table in tables {
                guard let sheet = workbook_add_worksheet(workbook, table.sheetName) else {
                    throw WorkbookError("libxlsxwriter could not add the sheet \(table.sheetName)")
                }
                var writer = SheetWriter(sheet: sheet, formats: formats)
                try writeTable(table, with: &writer, speakerRows: table.sheetName == "places" || table.sheetName == "heatmap" ? speakerRows : nil)
                written.sheets.append((table.sheetName, table.rows.count))
                written.truncatedCells += writer.truncated
            }
            guard let sheet = workbook_add_worksheet(workbook, "about") else { throw WorkbookError("libxlsxwriter could not add the sheet about") }
            var writer = SheetWriter(sheet: sheet, formats: formats)
            let entries = try writeAbout(with: &writer)
            written.sheets.append(("about", entries))
            written.truncatedCells += writer.truncated
        } catch {
            lxw_workbook_free(workbook)
            throw error
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw WorkbookError("libxlsxwriter could not write the workbook: \(String(cString: lxw_strerror(status)))")
        }
        return written
    }

    private func setProperties(_ workbook: UnsafeMutablePointer<lxw_workbook>) throws(WorkbookError) {
        // libxlsxwriter copies the strings.
        let texts: [String] = [about.title, about.subject, "report", about.keywords, "Made by `report xlsx`; the about sheet describes every column."]
        let strings = texts.map { strdup($0) }
        defer { strings.forEach { free($0) } }
        var properties = lxw_doc_properties()
        properties.title = strings[0]
        properties.subject = strings[1]
        properties.author = strings[2]
        properties.keywords = strings[3]
        properties.comments = strings[4]
        properties.created = time_t(about.created.timeIntervalSince1970)
        guard workbook_set_properties(workbook, &properties) == LXW_NO_ERROR,
              workbook_set_custom_property_string(workbook, "Language", about.language) == LXW_NO_ERROR else {
            throw WorkbookError("libxlsxwriter could not set the document properties")
        }
    }

    /// The row (0-based, data rows) of the first speaker of each place in `speakers`, by the
    /// columns that name a place there: `place_slug`, and `summit_date` when several summits
    /// are read (a place's link then goes to its speakers at that summit).
    static func firstRows(of speakers: CSVTable?) -> (columns: [String], rows: [[CSVCell]: Int])? {
        guard let speakers else { return nil }
        let columns = ["place_slug", "summit_date"].filter(speakers.header.contains)
        let indices = columns.compactMap { speakers.header.firstIndex(of: $0) }
        guard !indices.isEmpty else { return nil }
        var rows: [[CSVCell]: Int] = [:]
        for (index, row) in speakers.rows.enumerated() {
            let key = indices.map { $0 < row.count ? row[$0] : .empty }
            if rows[key] == nil { rows[key] = index }
        }
        return (columns, rows)
    }

    private func writeTable(_ table: CSVTable, with writer: inout SheetWriter,
                            speakerRows: (columns: [String], rows: [[CSVCell]: Int])?) throws(WorkbookError) {
        let infos = table.header.map { dictionary.info(sheet: table.sheetName, column: $0) }
        let kinds = infos.map { $0?.kind ?? .text }
        let themeIDs = Set(dictionary.themes.map(\.id))
        let heatColumns = Set(table.sheetName == "heatmap" && heatmap != nil
                              ? table.header.indices.filter { themeIDs.contains(table.header[$0]) } : [])
        let widths = ColumnWidths.estimate(table, kinds: kinds, compact: heatColumns)
        for (column, width) in widths.enumerated() { writer.setWidth(column, width) }
        let longColumns = kinds.indices.filter { kinds[$0] == .longText }

        // Where a row's place link goes: the key columns of `speakers`, found in this table.
        var linkColumn: Int?
        var keyIndices: [Int] = []
        if let speakerRows, let slug = table.header.firstIndex(of: "place_slug") {
            keyIndices = speakerRows.columns.compactMap { table.header.firstIndex(of: $0) }
            if keyIndices.count == speakerRows.columns.count { linkColumn = slug }
        }

        // In constant-memory mode a range must be set before its rows are written.
        writer.freezeHeader()
        writer.textMayLookLikeNumbers()
        try writer.autofilter(firstRow: 0, lastRow: table.rows.count, columns: table.header.count)
        for (column, name) in table.header.enumerated() { try writer.string(0, column, name, writer.formats.header) }
        let legendColumn = table.header.count + 1
        let legend = heatColumns.isEmpty ? [] : heatmap?.legend ?? []
        if !legend.isEmpty, let heatmap {
            try writer.string(0, legendColumn, heatmap.legendTitle, writer.formats.header)
            writer.setWidth(legendColumn, max(12, min(40, Double(ColumnWidths.width(of: heatmap.legendTitle) + 2))))
        }
        for (index, row) in table.rows.enumerated() {
            let line = index + 1
            if !longColumns.isEmpty {
                let lines = longColumns.map { column in
                    guard column < row.count, case let .text(text) = row[column] else { return 1 }
                    return ColumnWidths.lines(text, width: widths[column], limit: Self.maximumLines)
                }.max() ?? 1
                if lines > 1 { writer.setHeight(line, Self.lineHeight * Double(lines)) }
            }
            for (column, cell) in row.enumerated() {
                if column == linkColumn, case let .text(slug) = cell, let speakerRows,
                   let target = speakerRows.rows[keyIndices.map { $0 < row.count ? row[$0] : .empty }] {
                    try writer.link(line, column, to: "internal:'speakers'!A\(target + 2)", text: slug)
                    continue
                }
                if heatColumns.contains(column), case let .integer(value) = cell, let heatmap {
                    try writer.number(line, column, Double(value), writer.formats.heat(heatmap.swatch(value)))
                    continue
                }
                // A cell past the header (a malformed table) is written as it is, untyped.
                try writer.cell(line, column, cell, kind: column < kinds.count ? kinds[column] : .text)
            }
            if index < legend.count { try writer.string(line, legendColumn, legend[index].label, writer.formats.legend(legend[index].swatch)) }
        }
        for index in table.rows.count..<max(table.rows.count, legend.count) {
            try writer.string(index + 1, legendColumn, legend[index].label, writer.formats.legend(legend[index].swatch))
        }
    }

    /// The `about` sheet: title, the run's facts, how themes are scored and the themes'
    /// keywords, then the data dictionary as a table of its own (with an autofilter). Returns the dictionary's rows.
    private func writeAbout(with writer: inout SheetWriter) throws(WorkbookError) -> Int {
        let dictionaryTable = dictionary.table(for: tables)
        for (column, width) in [16.0, 24, 14, 18, 18, 26, Self.longTextWidth + 12].enumerated() { writer.setWidth(column, width) }
        var line = 0
        try writer.string(line, 0, about.title, writer.formats.title)
        line += 2
        for fact in about.facts {
            try writer.labels(line, fact.zh, fact.en)
            switch fact.value {
            case let .text(text): try writer.string(line, 2, text, writer.formats.text)
            case let .integer(value): try writer.number(line, 2, Double(value), writer.formats.integer)
            case let .day(day): try writer.cell(line, 2, .text(day), kind: .date)
            case let .moment(date): try writer.moment(line, 2, date)
            }
            line += 1
        }
        line += 1
        try writer.labels(line, "主題計分方式", "How themes are scored")
        line += 1
        // One sentence a row: the text runs on across the empty cells to its right.
        for paragraph in about.scoring {
            for sentence in Self.sentences(paragraph) {
                try writer.string(line, 0, sentence, writer.formats.text)
                line += 1
            }
            line += 1
        }
        // The taxonomy the explanation refers to: each theme with its keywords.
        try writer.labels(line, "主題分類", "Themes and keywords")
        line += 1
        for theme in dictionary.themes {
            for (column, text) in [theme.id, theme.zh, theme.en, theme.keywords.joined(separator: ", ")].enumerated() {
                try writer.string(line, column, text, writer.formats.text)
            }
            line += 1
        }
        line += 1
        try writer.labels(line, "資料字典", "Data dictionary")
        line += 1
        try writer.autofilter(firstRow: line, lastRow: line + dictionaryTable.rows.count, columns: dictionaryTable.header.count)
        for (column, name) in dictionaryTable.header.enumerated() { try writer.string(line, column, name, writer.formats.header) }
        let kinds = ColumnDictionary.columns.map(\.kind)
        for row in dictionaryTable.rows {
            line += 1
            let lines = row.last.map { cell -> Int in
                guard case let .text(text) = cell else { return 1 }
                return ColumnWidths.lines(text, width: Self.longTextWidth + 12, limit: Self.maximumLines)
            } ?? 1
            if lines > 1 { writer.setHeight(line, Self.lineHeight * Double(lines)) }
            for (column, cell) in row.enumerated() { try writer.cell(line, column, cell, kind: kinds[column]) }
        }
        return dictionaryTable.rows.count
    }

    /// A paragraph cut after each full stop (`。`, or `.` before a space).
    static func sentences(_ paragraph: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previous: Character?
        for character in paragraph {
            if character == " ", previous == ".", !current.isEmpty {
                result.append(current)
                current = ""
                previous = character
                continue
            }
            current.append(character)
            if character == "。" {
                result.append(current)
                current = ""
            }
            previous = character
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { result.append(current) }
        return result
    }
}
