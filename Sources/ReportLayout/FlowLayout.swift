/// Turns a section's blocks into fragments for a column of a given width: paragraphs line
/// by line (with orphan and widow control), headings kept with what follows, lists with
/// hanging markers, panels, rules, contents entries and tables.
struct FlowLayout {
    let paragraphs: ParagraphLayout
    let tables: TableLayout
    /// Usable height of a page's column, for deciding whether a panel fits on one page.
    let columnHeight: Double
    /// Which form of `Block.condensable` content to lay out (0 the fullest; past the last,
    /// the last).
    var form = 0

    func fragments(_ blocks: [Block], width: Double) -> [Fragment] {
        var output: [Fragment] = []
        var pendingSpace = 0.0
        var pendingAnchors: [String] = []
        var pendingBreak = false

        func emit(_ fragments: [Fragment], spaceBefore: Double) {
            guard var first = fragments.first else { return }
            first.spaceBefore = max(pendingSpace, spaceBefore + first.spaceBefore)
            first.items = pendingAnchors.map { PageItem.destination($0, Point(x: 0, y: 0)) } + first.items
            first.breakBefore = first.breakBefore || pendingBreak
            output.append(first)
            output.append(contentsOf: fragments.dropFirst())
            pendingSpace = 0
            pendingAnchors = []
            pendingBreak = false
        }

        for block in Self.choosing(form: form, in: blocks) {
            switch block {
            case let .paragraph(paragraph):
                emit(paragraphFragments(paragraph, width: width, heading: false), spaceBefore: 0)
                pendingSpace = paragraph.style.spaceAfter
            case let .heading(paragraph):
                emit(paragraphFragments(paragraph, width: width, heading: true), spaceBefore: 0)
                pendingSpace = paragraph.style.spaceAfter
            case let .list(list):
                emit(listFragments(list, width: width), spaceBefore: 0)
                pendingSpace = list.items.last?.paragraphs.last?.style.spaceAfter ?? 0
            case let .table(table):
                var rows = tables.fragments(table, width: width, columnHeight: columnHeight)
                if table.keepWithNext, !rows.isEmpty { rows[rows.count - 1].keepWithNext = true }
                emit(rows, spaceBefore: table.spaceBefore)
                pendingSpace = table.spaceAfter
            case let .box(box):
                emit(boxFragments(box, width: width), spaceBefore: box.spaceBefore)
                pendingSpace = box.spaceAfter
            case let .space(height):
                pendingSpace += height
            case let .fixedSpace(height):
                emit([Fragment(height: height)], spaceBefore: 0)
            case let .rule(rule):
                let line = PageItem.line(from: Point(x: 0, y: rule.width / 2), to: Point(x: width, y: rule.width / 2), color: rule.color, width: rule.width)
                emit([Fragment(height: rule.width, items: [line])], spaceBefore: rule.spaceBefore)
                pendingSpace = rule.spaceAfter
            case .pageBreak:
                pendingBreak = true
                pendingSpace = 0
            case let .anchor(name):
                pendingAnchors.append(name)
            case let .contentsEntry(entry):
                emit(contentsFragments(entry, width: width), spaceBefore: 0)
                pendingSpace = entry.style.spaceAfter
            case .condensable:
                break   // replaced by one of its forms above
            }
        }
        if !pendingAnchors.isEmpty || pendingBreak {
            emit([Fragment(height: 0)], spaceBefore: 0)
        }
        return output
    }

    /// The blocks with each condensable replaced by the form asked for.
    static func choosing(form: Int, in blocks: [Block]) -> [Block] {
        guard blocks.contains(where: \.isCondensable) else { return blocks }
        return blocks.flatMap { block -> [Block] in
            guard case let .condensable(content) = block else { return [block] }
            guard let chosen = content.forms.indices.last.map({ content.forms[min(form, $0)] }) else { return [] }
            return choosing(form: form, in: chosen)
        }
    }

    /// How many forms the blocks can be laid out in: the most that any condensable in them,
    /// or in a panel, offers (1 when there is none).
    static func formCount(_ blocks: [Block]) -> Int {
        blocks.reduce(1) { count, block in
            switch block {
            case let .condensable(content): max(count, content.forms.count, content.forms.map(formCount).max() ?? 1)
            case let .box(box): max(count, formCount(box.blocks))
            default: count
            }
        }
    }

    /// One fragment per line. A paragraph's first line keeps with its second (no orphan) and
    /// its second-to-last with its last (no widow); every line of a heading keeps with the next.
    func paragraphFragments(_ paragraph: Paragraph, width: Double, heading: Bool) -> [Fragment] {
        let lines = paragraphs.lines(paragraph, width: width)
        return lines.enumerated().map { index, line in
            let keep = heading || paragraph.style.keepWithNext && index == lines.count - 1
                || lines.count > 1 && (index == 0 || index == lines.count - 2)
            return Fragment(height: line.height, spaceBefore: line.spaceBefore, keepWithNext: keep, items: line.items)
        }
    }

    private func listFragments(_ list: ListBlock, width: Double) -> [Fragment] {
        var result: [Fragment] = []
        for item in list.items {
            for (paragraphIndex, var paragraph) in item.paragraphs.enumerated() {
                paragraph.style.indent += list.markerWidth + list.gap
                var fragments = paragraphFragments(paragraph, width: width, heading: false)
                // The marker sits on the first line's baseline, right-aligned in its column,
                // so it can never be separated from the line it numbers.
                if paragraphIndex == 0, !fragments.isEmpty, case let .text(firstLine)? = fragments[0].items.first {
                    let marker = Paragraph(RichText(item.marker, list.markerStyle),
                                           ParagraphStyle(alignment: .right, lineHeight: paragraph.style.lineHeight))
                    if let markerLine = paragraphs.lines(marker, width: list.markerWidth).first,
                       case var .text(markerText) = markerLine.items.first {
                        markerText.origin.x += paragraph.style.indent - list.gap - list.markerWidth
                        markerText.origin.y = firstLine.origin.y
                        fragments[0].items.append(.text(markerText))
                    }
                }
                result += fragments
            }
        }
        return result
    }

    /// A panel: kept on one page with its fill and accent bar when it fits; otherwise its
    /// content flows like any other text (a fill cannot follow it across pages).
    private func boxFragments(_ box: Box, width: Double) -> [Fragment] {
        let bar = box.accent == nil ? 0.0 : 3.0
        let inner = fragments(box.blocks, width: width - 2 * box.padding - bar)
        var height = box.padding
        var items: [PageItem] = []
        for (index, fragment) in inner.enumerated() {
            height += index == 0 ? 0 : fragment.spaceBefore
            items += fragment.items.map { $0.offsetBy(dx: box.padding + bar, dy: height) }
            height += fragment.height
        }
        height += box.padding
        guard height <= columnHeight else { return inner }
        var background: [PageItem] = []
        if let fill = box.fill { background.append(.fill(Rect(x: 0, y: 0, width: width, height: height), fill)) }
        if let accent = box.accent { background.append(.fill(Rect(x: 0, y: 0, width: bar, height: height), accent)) }
        return [Fragment(height: height, keepWithNext: inner.last?.keepWithNext ?? false, items: background + items)]
    }

    /// A contents entry: its text (wrapping before the number column), dot leaders and a
    /// page number filled in after pagination; the whole entry is one link.
    private func contentsFragments(_ entry: ContentsEntry, width: Double) -> [Fragment] {
        var style = entry.style
        let numberColumn = entry.numberStyle.font.size * 3
        style.rightIndent += numberColumn
        let lines = paragraphs.lines(Paragraph(entry.text, style), width: width)
        guard let last = lines.last else { return [] }
        var result = lines.enumerated().map { index, line in
            Fragment(height: line.height, spaceBefore: line.spaceBefore, keepWithNext: index < lines.count - 1, items: line.items)
        }
        // The label ends a little left of the text, whatever its width.
        if let label = entry.label, case let .text(firstLine)? = result[0].items.first,
           let laid = paragraphs.lines(Paragraph(label, ParagraphStyle(alignment: .left, lineHeight: style.lineHeight)), width: width).first,
           case var .text(labelLine) = laid.items.first {
            let gap = (label.spans.first?.style.font.size ?? 10) * 0.6
            labelLine.origin = Point(x: style.indent - gap - labelLine.width, y: firstLine.origin.y)
            result[0].items.append(.text(labelLine))
        }
        let rightX = width - entry.style.rightIndent
        result[result.count - 1].pageReferences.append(
            PageReference(destination: entry.destination, rightX: rightX, baseline: last.baseline, style: entry.numberStyle,
                          leaderStart: last.x + last.width + entry.numberStyle.font.size * 0.5, leaderColor: entry.leaderColor))
        // One link over all lines of the entry.
        for index in result.indices {
            result[index].items.append(.link(Rect(x: style.indent, y: 0, width: rightX - style.indent, height: result[index].height),
                                             destination: entry.destination))
        }
        return result
    }
}
