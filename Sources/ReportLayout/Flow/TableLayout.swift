import ReportStyle

/// Lays out tables: column widths, each cell's lines, row heights; header rows that
/// repeat at the top of every page; rows that a page can hold whole stay whole, and a row
/// taller than a page can be cut between lines with every cell continued.
struct TableLayout {
    let paragraphs: ParagraphLayout

    private struct CellLayout {
        var x: Double
        var width: Double
        var lines: [LaidLine]
        var fill: Color?
        var stroke: Color?
        var link: String?
        var verticalAlignment: TableCell.VerticalAlignment
        var rotated: Bool

        func height(of range: Range<Int>) -> Double {
            if rotated { return range.isEmpty ? 0 : lines.map(\.width).max() ?? 0 }
            var height = 0.0
            for index in range { height += (index == range.lowerBound ? 0 : lines[index].spaceBefore) + lines[index].height }
            return height
        }
    }

    private struct RowLayout {
        var cells: [CellLayout]
        var fill: Color?
        var anchors: [String]
    }

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
    /// column), the others `TD`; a cell that starts a link holds the `Link` with its text.
    /// Header rows repeated on later pages are page furniture, not structure.
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
                var path = rowPath + [ids.make(role)]
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

        func fragment(_ row: RowLayout, _ ranges: [Range<Int>], isHeader: Bool) -> Fragment {
            let content = zip(row.cells, ranges).map { $0.height(of: $1) }.max() ?? 0
            let height = content + 2 * style.paddingY
            var items: [PageItem] = row.anchors.map { .destination($0, Point(x: 0, y: 0)) }
            if let fill = row.fill { items.append(.fill(Rect(x: 0, y: 0, width: width, height: height), fill)) }
            for (cell, range) in zip(row.cells, ranges) {
                let gap = style.cellGap / 2
                let area = Rect(x: cell.x + gap, y: gap, width: cell.width - 2 * gap, height: height - 2 * gap)
                if let fill = cell.fill { items.append(.fill(area, fill)) }
                if let stroke = cell.stroke {
                    items.append(.stroke(Rect(x: area.x + 0.25, y: area.y + 0.25, width: area.width - 0.5, height: area.height - 0.5), stroke, width: 0.5))
                }
                let used = cell.height(of: range)
                var y: Double
                switch cell.verticalAlignment {
                case .top: y = style.paddingY
                case .middle: y = (height - used) / 2
                case .bottom: y = height - style.paddingY - used
                }
                for index in range {
                    let line = cell.lines[index]
                    if cell.rotated {
                        for case var .text(text) in line.items {
                            // Reading upwards, centred across the cell.
                            text.rotation = .counterClockwise
                            let start: Double
                            switch cell.verticalAlignment {
                            case .bottom: start = height - style.paddingY
                            case .middle: start = (height + line.width) / 2
                            case .top: start = style.paddingY + line.width
                            }
                            text.origin = Point(x: cell.x + cell.width / 2 + (text.ascent - text.descent) / 2, y: start)
                            items.append(.text(text))
                        }
                        continue
                    }
                    if index != range.lowerBound { y += line.spaceBefore }
                    items += line.items.map { $0.offsetBy(dx: cell.x + style.paddingX, dy: y) }
                    y += line.height
                }
            }
            // Neighbouring cells that go to the same place share one clickable area.
            var index = 0
            while index < row.cells.count {
                guard let link = row.cells[index].link else { index += 1; continue }
                var end = index + 1
                while end < row.cells.count, row.cells[end].link == link { end += 1 }
                let x0 = row.cells[index].x, x1 = row.cells[end - 1].x + row.cells[end - 1].width
                items.append(.link(Rect(x: x0, y: 0, width: x1 - x0, height: height), destination: link))
                index = end
            }
            if isHeader, let rule = style.headerRule {
                items.append(.line(from: Point(x: 0, y: height), to: Point(x: width, y: height), color: rule, width: style.ruleWidth * 2))
            } else if let rule = style.rowRule {
                items.append(.line(from: Point(x: 0, y: height), to: Point(x: width, y: height), color: rule, width: style.ruleWidth))
            }
            var result = Fragment(height: height, keepWithNext: isHeader, items: items)
            result.split = { available in
                let limit = available - 2 * style.paddingY
                var head: [Range<Int>] = [], tail: [Range<Int>] = []
                for (cell, range) in zip(row.cells, ranges) {
                    var end = range.lowerBound
                    while end < range.upperBound, cell.height(of: range.lowerBound..<(end + 1)) <= limit { end += 1 }
                    if cell.rotated && end < range.upperBound { end = range.lowerBound }
                    head.append(range.lowerBound..<end)
                    tail.append(end..<range.upperBound)
                }
                guard head.contains(where: { !$0.isEmpty }), tail.contains(where: { !$0.isEmpty }) else { return nil }
                var continued = row
                continued.anchors = []
                return (fragment(row, head, isHeader: false), fragment(continued, tail, isHeader: false))
            }
            return result
        }

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
