import ReportStyle

/// Lays out tables: column widths, each cell's lines, row heights; header rows that
/// repeat at the top of every page; rows that a page can hold whole stay whole, and a row
/// taller than a page can be cut between lines with every cell continued.
struct TableLayout {
    let paragraphs: ParagraphLayout

    func columnWidths(_ table: Table, width: Double) -> [Double] {
        let fixed = table.columns.reduce(0.0) { if case let .fixed(value) = $1 { return $0 + value } else { return $0 } }
        let weights = table.columns.reduce(0.0) { if case let .flexible(value) = $1 { return $0 + value } else { return $0 } }
        let remaining = max(0, width - fixed)
        return table.columns.map { column in
            switch column {
            case let .fixed(value): return value
            case let .flexible(weight): return weights > 0 ? remaining * weight / weights : 0
            }
        }
    }

    /// Rows that balancing measures: all of a short table, an even sample of a long one.
    static let balancingSample = 80
    /// Width moves between columns in steps of this share of the table's width.
    static let balancingStep = 1.0 / 48

    /// The flexible columns' widths after moving width, one to sixteen steps at a time, from
    /// one column to another while that makes the sampled rows shorter in total (by more than
    /// a point), taking the move that saves most each time. A
    /// column never gets narrower than its longest unbreakable word, so no word is cut, nor
    /// than two steps.
    func balancedWidths(_ table: Table, width: Double) -> [Double] {
        var widths = columnWidths(table, width: width)
        let flexible = table.columns.indices.filter { if case .flexible = table.columns[$0] { true } else { false } }
        let allRows = table.header + table.rows
        guard flexible.count >= 2, !allRows.isEmpty,
              !allRows.contains(where: { $0.cells.contains(where: \.rotated) }) else { return widths }
        let sample = allRows.count <= Self.balancingSample ? allRows
            : (0..<Self.balancingSample).map { allRows[$0 * allRows.count / Self.balancingSample] }
        let padding = 2 * table.style.paddingX
        let step = width * Self.balancingStep
        // Each column's cell heights at a width, by steps away from where it started.
        var heights: [Int: [Int: [Double]]] = [:]
        func cellHeights(_ column: Int, _ steps: Int) -> [Double] {
            if let known = heights[column]?[steps] { return known }
            let inner = max(1, widths[column] + Double(steps) * step - padding)
            let result = sample.map { row -> Double in
                guard column < row.cells.count else { return 0 }
                // As the cell will be set: each paragraph's lines, the space above all but the first.
                var height = 0.0, first = true
                for paragraph in row.cells[column].paragraphs {
                    let count = paragraphs.lineCount(paragraph, width: inner)
                    guard count > 0 else { continue }
                    height += (first ? 0 : paragraph.style.spaceBefore) + Double(count) * paragraph.style.lineHeight
                    first = false
                }
                return height
            }
            heights[column, default: [:]][steps] = result
            return result
        }
        let narrowest = table.columns.indices.map { column -> Double in
            let words = sample.map { row -> Double in
                guard column < row.cells.count else { return 0 }
                return row.cells[column].paragraphs.map(paragraphs.longestUnbreakableWidth).max() ?? 0
            }
            return max(2 * step, padding + (words.max() ?? 0))
        }
        var steps = [Int](repeating: 0, count: widths.count)
        func total(_ steps: [Int]) -> Double {
            let columns = flexible.map { cellHeights($0, steps[$0]) }
            return sample.indices.reduce(0) { sum, row in sum + (columns.map { $0[row] }.max() ?? 0) }
        }
        var best = total(steps)
        for _ in 0..<Int(1 / Self.balancingStep) {
            // Moves of one to sixteen steps: a line saved often needs more than one step.
            var move: (to: Int, from: Int, size: Int, total: Double)?
            for to in flexible {
                for from in flexible where from != to {
                    for size in [1, 2, 4, 8, 16] where widths[from] + Double(steps[from] - size) * step >= narrowest[from] {
                        var trial = steps
                        trial[to] += size
                        trial[from] -= size
                        let height = total(trial)
                        if height < (move?.total ?? best) - 1 { move = (to, from, size, height) }
                    }
                }
            }
            guard let chosen = move else { break }
            steps[chosen.to] += chosen.size
            steps[chosen.from] -= chosen.size
            best = chosen.total
        }
        for column in flexible { widths[column] += Double(steps[column]) * step }
        return widths
    }

    /// In the structure: a `Table` of `TR`s; header rows' cells are `TH` (heading their
    /// column), the others `TD` (or `TH` heading their row); a cell that starts a link holds
    /// the `Link` with its text. On each later page the table spans, the paginator makes its
    /// rows a table of their own under the repeated header rows.
    func fragments(_ table: Table, width: Double, columnHeight: Double, structure: [StructureElement] = [],
                   ids: StructureIDs = StructureIDs(piece: 0)) -> [Fragment] {
        let widths = table.balancesColumns ? balancedWidths(table, width: width) : columnWidths(table, width: width)
        var starts: [Double] = []
        var x = 0.0
        for column in widths { starts.append(x); x += column }
        let style = table.style

        let tablePath = table.structure == .layout ? structure : structure + [ids.make(.table)]
        func layout(_ row: TableRow, header: Bool) -> RowLayout {
            let rowPath = table.structure == .layout ? tablePath : tablePath + [ids.make(.tableRow)]
            let cells = row.cells.enumerated().map { index, cell -> CellLayout in
                let column = min(index, widths.count - 1)
                let inner = max(1, widths[column] - 2 * style.paddingX)
                let role: StructureRole
                switch table.structure {
                case .layout: role = .paragraph
                case .data where header: role = .tableHeader(.column)
                case let .data(rowHeaders): role = rowHeaders && index == 0 ? .tableHeader(.row) : .tableData
                }
                // A cell in one language other than the document's (the English beside a Chinese
                // summary) says so, for a screen reader to switch voices.
                let languages = Set(cell.paragraphs.map(\.language))
                var path = rowPath + [ids.make(role, language: languages.count == 1 ? languages.first ?? nil : nil)]
                if let link = cell.link, index == 0 || row.cells[index - 1].link != link {
                    path.append(ids.make(.link(destination: link)))
                }
                let lines = cell.paragraphs.flatMap { paragraphs.lines($0, width: cell.rotated ? 10_000 : inner) }.map { line in
                    var tagged = line
                    tagged.items = FlowLayout.tagged(line.items, path)
                    return tagged
                }
                return CellLayout(x: starts[column], width: widths[column], lines: lines, fill: cell.fill, stroke: cell.stroke, link: cell.link,
                                  verticalAlignment: cell.verticalAlignment, rotated: cell.rotated)
            }
            return RowLayout(cells: cells, fill: row.fill, anchors: row.anchors)
        }

        let rows = TableRowFragments(width: width, style: style)
        func fragment(_ row: RowLayout, _ ranges: [Range<Int>], isHeader: Bool) -> Fragment { rows.fragment(row, ranges, isHeader: isHeader) }

        let headerRows = table.header.map { layout($0, header: true) }
        var output: [Fragment] = []
        let tableElement = table.structure == .layout ? nil : tablePath.last?.id
        var repeated = RepeatedHeader(height: 0, items: [], table: tableElement)
        for row in headerRows {
            let piece = fragment(row, row.cells.map { 0..<$0.lines.count }, isHeader: true)
            repeated.items += piece.items.map { $0.offsetBy(dx: 0, dy: repeated.height) }
            repeated.height += piece.height
            var header = piece
            header.split = nil
            output.append(header)
        }
        for row in table.rows {
            let laid = layout(row, header: false)
            var body = fragment(laid, laid.cells.map { 0..<$0.lines.count }, isHeader: false)
            if !headerRows.isEmpty { body.repeatedHeader = repeated }
            output.append(body)
        }
        // A table's last row never stands alone on a page under a repeated header: it takes the
        // row before it along (a page of one row reads as a table of headers).
        if !headerRows.isEmpty, table.rows.count >= 3 { output[output.count - 2].keepWithNext = true }
        return output
    }
}
