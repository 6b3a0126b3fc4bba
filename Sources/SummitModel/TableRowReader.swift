import InputSupport

/// A piece of a cell, with where it starts in the file (for messages).
struct CellFragment {
    var scalars: ArraySlice<Unicode.Scalar>
    var line: Int
    var column: Int
}

/// One table row after page breaks are undone: its number and the pieces of its
/// speaker and summary cells in file order.
struct TableRow {
    var number: Int
    var line: Int
    var speaker: [CellFragment] = []
    var summary: [CellFragment] = []
}

/// Reads the table structure of a summit file: the page header (learned from the first
/// line, then skipped wherever it repeats), the column header, numbered rows, and the
/// continuation lines that a page break leaves (first cell empty).
struct TableRowReader {
    let file: String
    /// A page header is a title; anything longer is not one.
    static let maximumHeaderLength = 200

    struct Result {
        var pageHeader: (text: String, line: Int)?
        var rows: [TableRow]
        /// Lines read in a way their tabs did not say (a continuation that lost a tab), in file order.
        var warnings: [InputWarning] = []
    }

    /// What a row has had so far, to know which cell a line without all its tabs continues.
    private struct RowState {
        /// How many cells the row's own line had (1 when only the number stood there).
        var cellsOnLine: Int
        /// Whether a later line has given the row text.
        var continued = false
    }

    func read(_ lines: [SourceLine]) throws(InputError) -> Result {
        var pageHeader: (text: String, line: Int)?
        var pageHeaderKey: [Unicode.Scalar] = []
        var columnHeaderKey: [Unicode.Scalar]?
        var rows: [TableRow] = []
        var state: RowState?
        var headerLine: Int?
        var warnings: [InputWarning] = []
        var previousKey: [Unicode.Scalar] = []

        // Keys of the non-blank lines, for the look-ahead that tells a page number from a row number.
        let keys = lines.map { CJKText.collapseWhitespace($0.scalars) }
        var nextNonBlank = [Int](repeating: lines.count, count: lines.count)
        var upcoming = lines.count
        for index in lines.indices.reversed() {
            nextNonBlank[index] = upcoming
            if !keys[index].isEmpty { upcoming = index }
        }

        for (lineIndex, line) in lines.enumerated() {
            let trimmedKey = keys[lineIndex]
            if trimmedKey.isEmpty { continue }
            defer { previousKey = trimmedKey }
            if pageHeader != nil, trimmedKey == pageHeaderKey { continue }
            if let columnHeaderKey, trimmedKey == columnHeaderKey { continue }

            var cells = split(line)
            if cells.count == 1 {
                let expected = (rows.last?.number ?? 0) + 1
                switch PageNumberLine.match(trimmedKey) {
                case .decorated?:
                    continue
                case let .bare(number)?:
                    // A number alone is a page number at a page break (or before the table);
                    // elsewhere it is a row whose other cells follow on their own lines.
                    let next = nextNonBlank[lineIndex]
                    let atBreak = next == lines.count || lines[next].startsPage || (pageHeader != nil && keys[next] == pageHeaderKey)
                        || line.startsPage || (pageHeader != nil && previousKey == pageHeaderKey && number != expected)
                    if atBreak || (rows.isEmpty && columnHeaderKey == nil) { continue }
                    cells.append(CellFragment(scalars: line.scalars[line.scalars.endIndex...], line: line.number, column: line.scalars.count + 1))
                case nil:
                    if pageHeader == nil && rows.isEmpty && columnHeaderKey == nil {
                        guard trimmedKey.count <= Self.maximumHeaderLength else {
                            throw InputError("line \(line.number) is \(trimmedKey.count) characters long and has no tab: this is not the summary table",
                                             at: SourceLocation(file: file, line: line.number),
                                             hint: "Expected a page header line, then rows of 3 cells separated by tabs (number, speaker, summary).")
                        }
                        pageHeader = (String(scalars: trimmedKey), line.number)
                        pageHeaderKey = trimmedKey
                        continue
                    }
                    guard !rows.isEmpty else {
                        throw InputError("this line has no tab: expected 3 cells separated by tabs (number, speaker, summary)",
                                         at: SourceLocation(file: file, line: line.number),
                                         hint: pageHeader.map { "Only the page header ('\($0.text)') may stand alone on a line." })
                    }
                    // Text with no tab at all inside the table: the extraction dropped the tabs of
                    // the empty cells before it, so it continues the cell that was open.
                    continueRow(&rows[rows.count - 1], &state, with: cells[0], cellsOnLine: 1, warnings: &warnings)
                    continue
                }
            }
            let firstScalars = CJKText.collapseWhitespace(cells[0].scalars)
            let first = firstScalars.map { CJKText.asciiDigit($0) ?? $0 }
            let isNumber = !first.isEmpty && first.count <= 9 && first.allSatisfy(CJKText.isASCIIDigit)
            if !isNumber && !first.isEmpty {
                if rows.isEmpty && columnHeaderKey == nil {
                    columnHeaderKey = trimmedKey
                    headerLine = line.number
                    continue
                }
                throw InputError("the first cell should be a row number or empty, found '\(String(scalars: firstScalars.prefix(20)))'",
                                 at: SourceLocation(file: file, line: line.number, column: 1),
                                 hint: "Rows start with their number; a row cut by a page break continues on a line that starts with a tab.")
            }
            guard cells.count <= 3 else {
                throw InputError("found \(cells.count) cells separated by tabs; a row has 3 (number, speaker, summary)",
                                 at: SourceLocation(file: file, line: line.number, column: cells[3].column),
                                 hint: "A tab inside a cell splits it; replace it with a space.")
            }
            if isNumber {
                try finish(rows.last, state)
                let number = first.reduce(0) { $0 * 10 + Int($1.value - 0x30) }
                let expected = (rows.last?.number ?? 0) + 1
                // Rows are numbered 1, 2, 3 … so a number below the expected one has been seen.
                if number >= 1, number < expected {
                    let previous = rows[number - 1]
                    throw InputError("row \(number) appears twice (first at line \(previous.line))",
                                     at: SourceLocation(file: file, line: line.number, column: 1),
                                     hint: "Renumber the rows 1, 2, 3, … in order.")
                }
                if number != expected {
                    throw InputError("row \(number) is out of order: expected row \(expected) here",
                                     at: SourceLocation(file: file, line: line.number, column: 1),
                                     hint: "Renumber the rows 1, 2, 3, … in order.")
                }
                var row = TableRow(number: number, line: line.number)
                if cells.count > 1 { append(cells[1], to: &row.speaker) }
                if cells.count > 2 { append(cells[2], to: &row.summary) }
                rows.append(row)
                state = RowState(cellsOnLine: cells.count)
            } else {
                guard !rows.isEmpty else {
                    throw InputError("a continuation line (first cell empty) comes before any numbered row",
                                     at: SourceLocation(file: file, line: line.number, column: 1),
                                     hint: "The first row must start with its number, e.g. '1<TAB>臺北市 市長 柯文哲<TAB><p>…</p>'.")
                }
                if cells.count == 3 {
                    append(cells[1], to: &rows[rows.count - 1].speaker)
                    append(cells[2], to: &rows[rows.count - 1].summary)
                    state?.continued = true
                } else {
                    continueRow(&rows[rows.count - 1], &state, with: cells[1], cellsOnLine: 2, warnings: &warnings)
                }
            }
        }
        try finish(rows.last, state)
        if rows.isEmpty {
            let what = headerLine != nil ? "a column header but no rows" : pageHeader != nil ? "only a page header, no rows" : "no rows"
            throw InputError("the file has \(what)",
                             at: SourceLocation(file: file, line: headerLine ?? pageHeader?.line),
                             hint: "Expected numbered rows such as '1<TAB>臺北市 市長 柯文哲<TAB><p>…</p>'.")
        }
        return Result(pageHeader: pageHeader, rows: rows, warnings: warnings)
    }

    /// A line that lacks the tabs of a full row adds its text to the cell that is open: the
    /// speaker while the row has none (a speaker cell on its own line), else the summary. Only
    /// text added to a cell that already has some is a lost tab worth a warning; a cell that
    /// arrives on its own line is a layout the extraction tools produce.
    private func continueRow(_ row: inout TableRow, _ state: inout RowState?, with cell: CellFragment, cellsOnLine: Int,
                             warnings: inout [InputWarning]) {
        guard cell.scalars.contains(where: { !CJKText.isWhitespace($0) }) else { return }
        state?.continued = true
        if row.speaker.isEmpty && row.summary.isEmpty {
            row.speaker.append(cell)
            return
        }
        let hadSummary = !row.summary.isEmpty
        row.summary.append(cell)
        guard hadSummary else { return }
        let what = cellsOnLine == 1 ? "has no tab" : "has 2 cells, not 3"
        warnings.append(InputWarning("line \(cell.line) \(what): read as the continuation of row \(row.number)'s summary",
                                     at: SourceLocation(file: file, line: cell.line, column: cell.column),
                                     hint: "A page break or a wrapped line in the extraction dropped the tabs of the empty cells before this text; write it as '<TAB><TAB>text' to silence this."))
    }

    /// A row whose own line had fewer than 3 cells must get the rest from the lines after it.
    private func finish(_ row: TableRow?, _ state: RowState?) throws(InputError) {
        guard let row, let state, state.cellsOnLine < 3, !state.continued, row.summary.isEmpty else { return }
        throw InputError("found \(state.cellsOnLine) cell\(state.cellsOnLine == 1 ? "" : "s") separated by tabs; a row has 3 (number, speaker, summary)",
                         at: SourceLocation(file: file, line: row.line, column: 1),
                         hint: "A cell may be empty, but its tab must be there; or give the missing cells on the lines after the row number.")
    }

    private func append(_ cell: CellFragment, to fragments: inout [CellFragment]) {
        if cell.scalars.contains(where: { !CJKText.isWhitespace($0) }) { fragments.append(cell) }
    }

    private func split(_ line: SourceLine) -> [CellFragment] {
        var cells: [CellFragment] = []
        var start = line.scalars.startIndex
        var column = 1
        var index = start
        while index < line.scalars.endIndex {
            if line.scalars[index] == "\t" {
                cells.append(CellFragment(scalars: line.scalars[start..<index], line: line.number, column: column))
                column += index - start + 1
                start = index + 1
            }
            index += 1
        }
        cells.append(CellFragment(scalars: line.scalars[start..<line.scalars.endIndex], line: line.number, column: column))
        return cells
    }
}
