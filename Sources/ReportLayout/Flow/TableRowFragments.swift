import ReportStyle

/// A table cell laid out: its lines at its column's width, where it stands, how it is filled.
struct CellLayout {
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

/// A table row laid out: its cells, its fill, the destinations at its top.
struct RowLayout {
    var cells: [CellLayout]
    var fill: Color?
    var anchors: [String]
}

/// Places a laid-out row's cells on the page: a fragment per row, as the paginator stacks them.
struct TableRowFragments {
    let width: Double
    let style: TableStyle

    /// The row's fill, its cells' fills, outlines and lines (by vertical alignment; turned text
    /// reading upwards), one link area per run of cells going to one place, and its rule; cut
    /// between lines, with every cell continued, when it is taller than a page.
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
}
