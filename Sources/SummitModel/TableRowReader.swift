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
    }

    func read(_ lines: [SourceLine]) throws(InputError) -> Result {
        var pageHeader: (text: String, line: Int)?
        var pageHeaderKey: [Unicode.Scalar] = []
        var columnHeaderKey: [Unicode.Scalar]?
        var rows: [TableRow] = []
        var headerLine: Int?

        for line in lines {
            let trimmedKey = CJKText.collapseWhitespace(line.scalars)
            if trimmedKey.isEmpty { continue }
            if pageHeader != nil, trimmedKey == pageHeaderKey { continue }
            if let columnHeaderKey, trimmedKey == columnHeaderKey { continue }

            let cells = split(line)
            if cells.count == 1 {
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
                throw InputError("this line has no tab: expected 3 cells separated by tabs (number, speaker, summary)",
                                 at: SourceLocation(file: file, line: line.number),
                                 hint: pageHeader.map { "Only the page header ('\($0.text)') may stand alone on a line." })
            }
            let first = CJKText.collapseWhitespace(cells[0].scalars)
            let isNumber = !first.isEmpty && first.count <= 9 && first.allSatisfy(CJKText.isASCIIDigit)
            if !isNumber && !first.isEmpty {
                if rows.isEmpty && columnHeaderKey == nil {
                    columnHeaderKey = trimmedKey
                    headerLine = line.number
                    continue
                }
                throw InputError("the first cell should be a row number or empty, found '\(String(scalars: first.prefix(20)))'",
                                 at: SourceLocation(file: file, line: line.number, column: 1),
                                 hint: "Rows start with their number; a row cut by a page break continues on a line that starts with a tab.")
            }
            guard cells.count == 3 else {
                throw InputError("found \(cells.count) cells separated by tabs; a row has 3 (number, speaker, summary)",
                                 at: SourceLocation(file: file, line: line.number, column: cells.count > 3 ? cells[3].column : 1),
                                 hint: cells.count > 3 ? "A tab inside a cell splits it; replace it with a space." : "A cell may be empty, but its tab must be there.")
            }
            if isNumber {
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
                append(cells[1], to: &row.speaker)
                append(cells[2], to: &row.summary)
                rows.append(row)
            } else {
                guard !rows.isEmpty else {
                    throw InputError("a continuation line (first cell empty) comes before any numbered row",
                                     at: SourceLocation(file: file, line: line.number, column: 1),
                                     hint: "The first row must start with its number, e.g. '1<TAB>臺北市 市長 柯文哲<TAB><p>…</p>'.")
                }
                append(cells[1], to: &rows[rows.count - 1].speaker)
                append(cells[2], to: &rows[rows.count - 1].summary)
            }
        }
        if rows.isEmpty {
            let what = headerLine != nil ? "a column header but no rows" : pageHeader != nil ? "only a page header, no rows" : "no rows"
            throw InputError("the file has \(what)",
                             at: SourceLocation(file: file, line: headerLine ?? pageHeader?.line),
                             hint: "Expected numbered rows such as '1<TAB>臺北市 市長 柯文哲<TAB><p>…</p>'.")
        }
        return Result(pageHeader: pageHeader, rows: rows)
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
