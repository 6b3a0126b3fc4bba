import ReportStyle

/// Turns a section's blocks into fragments for a column of a given width: paragraphs line
/// by line (with orphan and widow control), headings kept with what follows, lists with
/// hanging markers, panels, rules, contents entries and tables.
struct FlowLayout {
    let paragraphs: ParagraphLayout
    let tables: TableLayout
    /// Usable height of a page's column, for deciding whether a panel fits on one page.
    let columnHeight: Double
    /// The style's measures for panels and contents entries.
    let proportions: StyleSheet.Proportions
    /// Which form of `Block.condensable` content to lay out (0 the fullest; past the last,
    /// the last).
    var form = 0
    /// Identities for the structure elements of this piece of the document.
    let ids: StructureIDs

    /// `structure`: the elements the blocks are inside (document, section…).
    func fragments(_ blocks: [Block], width: Double, structure: [StructureElement] = []) -> [Fragment] {
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

        for (block, structure) in flattened(Self.choosing(form: form, in: blocks), inside: structure) {
            switch block {
            case let .paragraph(paragraph):
                emit(paragraphFragments(paragraph, width: width, heading: false, structure: structure), spaceBefore: 0)
                pendingSpace = paragraph.style.spaceAfter
            case let .heading(paragraph):
                emit(paragraphFragments(paragraph, width: width, heading: true, structure: structure), spaceBefore: 0)
                pendingSpace = paragraph.style.spaceAfter
            case let .list(list):
                emit(listFragments(list, width: width, structure: structure), spaceBefore: 0)
                pendingSpace = list.items.last?.paragraphs.last?.style.spaceAfter ?? 0
            case let .table(table):
                var rows = tables.fragments(table, width: width, columnHeight: columnHeight, structure: structure, ids: ids)
                if table.keepWithNext, !rows.isEmpty { rows[rows.count - 1].keepWithNext = true }
                emit(rows, spaceBefore: table.spaceBefore)
                pendingSpace = table.spaceAfter
            case let .box(box):
                emit(boxFragments(box, width: width, structure: structure), spaceBefore: box.spaceBefore)
                pendingSpace = box.spaceAfter
            case let .space(height):
                pendingSpace += height
            case let .fixedSpace(height):
                emit([Fragment(height: height)], spaceBefore: 0)
            case .pageBreak:
                pendingBreak = true
                pendingSpace = 0
            case let .anchor(name):
                pendingAnchors.append(name)
            case let .contentsEntry(entry):
                emit(contentsFragments(entry, width: width, structure: structure), spaceBefore: 0)
                pendingSpace = entry.style.spaceAfter
            case .condensable, .group:
                break   // replaced by one of its forms, or by its blocks, above
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
            if case let .group(group) = block { return [.group(Group(group.role, choosing(form: form, in: group.blocks)))] }
            guard case let .condensable(content) = block else { return [block] }
            guard let chosen = content.forms.indices.last.map({ content.forms[min(form, $0)] }) else { return [] }
            return choosing(form: form, in: chosen)
        }
    }

    /// The blocks with groups opened, each with the structure elements it is inside; a
    /// group's element is made here, so every block of the group shares it.
    func flattened(_ blocks: [Block], inside structure: [StructureElement]) -> [(Block, [StructureElement])] {
        guard blocks.contains(where: { if case .group = $0 { true } else { false } }) else { return blocks.map { ($0, structure) } }
        return blocks.flatMap { block -> [(Block, [StructureElement])] in
            guard case let .group(group) = block else { return [(block, structure)] }
            return flattened(group.blocks, inside: structure + [ids.make(group.role)])
        }
    }

    /// Gives the text lines among `items` their place in the structure tree.
    static func tagged(_ items: [PageItem], _ structure: [StructureElement]) -> [PageItem] {
        items.map { item in
            guard case var .text(line) = item else { return item }
            line.structure = structure
            return .text(line)
        }
    }

    /// How many forms the blocks can be laid out in: the most that any condensable in them,
    /// or in a panel, offers (1 when there is none).
    static func formCount(_ blocks: [Block]) -> Int {
        blocks.reduce(1) { count, block in
            switch block {
            case let .condensable(content): max(count, content.forms.count, content.forms.map(formCount).max() ?? 1)
            case let .box(box): max(count, formCount(box.blocks))
            case let .group(group): max(count, formCount(group.blocks))
            default: count
            }
        }
    }

    /// One fragment per line. A paragraph's first line keeps with its second (no orphan) and
    /// its second-to-last with its last (no widow); every line of a heading keeps with the next.
    /// `structure` ends with the paragraph's own element unless `element` is false (a list
    /// body holding the paragraph's text itself).
    func paragraphFragments(_ paragraph: Paragraph, width: Double, heading: Bool, structure: [StructureElement] = [],
                            element: Bool = true) -> [Fragment] {
        let lines = paragraphs.lines(paragraph, width: width)
        let path = element ? structure + [ids.make(paragraph.role ?? (heading ? .heading(1) : .paragraph), language: paragraph.language)]
            : structure
        return lines.enumerated().map { index, line in
            let keep = heading || paragraph.style.keepWithNext && index == lines.count - 1
                || lines.count > 1 && (index == 0 || index == lines.count - 2)
            return Fragment(height: line.height, spaceBefore: line.spaceBefore, keepWithNext: keep, items: Self.tagged(line.items, path))
        }
    }

    /// `L`, an `LI` per item with its `Lbl` (the marker) and `LBody`.
    private func listFragments(_ list: ListBlock, width: Double, structure: [StructureElement]) -> [Fragment] {
        var result: [Fragment] = []
        let listPath = structure + [ids.make(.list)]
        for item in list.items {
            let itemPath = listPath + [ids.make(.listItem)]
            let body = itemPath + [ids.make(.listBody)]
            let label = itemPath + [ids.make(.listLabel)]
            for (paragraphIndex, var paragraph) in item.paragraphs.enumerated() {
                paragraph.style.indent += list.markerWidth + list.gap
                var fragments = paragraphFragments(paragraph, width: width, heading: false, structure: body,
                                                   element: item.paragraphs.count > 1)
                // The marker sits on the first line's baseline, right-aligned in its column,
                // so it can never be separated from the line it numbers.
                if paragraphIndex == 0, !fragments.isEmpty, case let .text(firstLine)? = fragments[0].items.first {
                    let marker = Paragraph(RichText(item.marker, list.markerStyle),
                                           ParagraphStyle(alignment: .right, lineHeight: paragraph.style.lineHeight))
                    if let markerLine = paragraphs.lines(marker, width: list.markerWidth).first,
                       case var .text(markerText) = markerLine.items.first {
                        markerText.origin.x += paragraph.style.indent - list.gap - list.markerWidth
                        markerText.origin.y = firstLine.origin.y
                        markerText.structure = label
                        // Read before the text it numbers.
                        fragments[0].items.insert(.text(markerText), at: 0)
                    }
                }
                result += fragments
            }
        }
        return result
    }

    /// A panel: kept on one page with its fill and accent bar when it fits; otherwise its
    /// content flows like any other text (a fill cannot follow it across pages).
    private func boxFragments(_ box: Box, width: Double, structure: [StructureElement]) -> [Fragment] {
        let bar = box.accent == nil ? 0.0 : proportions.panelAccent
        let inner = fragments(box.blocks, width: width - 2 * box.padding - bar, structure: structure)
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
    /// In the structure: a `TOCI` holding a `Link` with the label, the text and the number.
    private func contentsFragments(_ entry: ContentsEntry, width: Double, structure: [StructureElement]) -> [Fragment] {
        var style = entry.style
        let numberColumn = entry.numberStyle.font.size * proportions.contentsNumberColumn
        style.rightIndent += numberColumn
        let lines = paragraphs.lines(Paragraph(entry.text, style), width: width)
        guard let last = lines.last else { return [] }
        let path = structure + [ids.make(.contentsItem), ids.make(.link(destination: entry.destination))]
        var result = lines.enumerated().map { index, line in
            Fragment(height: line.height, spaceBefore: line.spaceBefore, keepWithNext: index < lines.count - 1, items: Self.tagged(line.items, path))
        }
        // The label ends a little left of the text, whatever its width.
        if let label = entry.label, case let .text(firstLine)? = result[0].items.first,
           let laid = paragraphs.lines(Paragraph(label, ParagraphStyle(alignment: .left, lineHeight: style.lineHeight)), width: width).first,
           case var .text(labelLine) = laid.items.first {
            let gap = (label.spans.first?.style.font.size ?? 10) * 0.6
            labelLine.origin = Point(x: style.indent - gap - labelLine.width, y: firstLine.origin.y)
            labelLine.structure = path
            result[0].items.insert(.text(labelLine), at: 0)
        }
        let rightX = width - entry.style.rightIndent
        result[result.count - 1].pageReferences.append(
            PageReference(destination: entry.destination, rightX: rightX, baseline: last.baseline, style: entry.numberStyle,
                          leaderStart: last.x + last.width + entry.numberStyle.font.size * 0.5, leaderColor: entry.leaderColor,
                          structure: path))
        // One link over all lines of the entry.
        for index in result.indices {
            result[index].items.append(.link(Rect(x: style.indent, y: 0, width: rightX - style.indent, height: result[index].height),
                                             destination: entry.destination))
        }
        return result
    }
}
