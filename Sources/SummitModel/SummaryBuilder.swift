/// Reads paragraphs and numbered lists out of a summary's segments.
///
/// The source numbers its points in three ways, sometimes within one cell: real `<li>`
/// items, `<ol>` holding inline `1. … 2. …`, and `<p>2. …</p>` paragraphs that carry on
/// a list after a page break. A list continues when the next number is the expected one
/// (row 10 goes on at 5 after the break); text that a page break cut mid-sentence is
/// joined back onto the paragraph or item it came from.
struct SummaryBuilder {
    private struct ListUnderConstruction {
        var ordered: Bool
        var element: Int
        var items: [ListItem]
        var nextNumber: Int { (items.last?.number ?? 0) + 1 }
    }

    private enum Block {
        case paragraph([Unicode.Scalar])
        case list(ListUnderConstruction)
    }

    private var blocks: [Block] = []
    /// Whether the last paragraph or item was left open (cut by a page break, not closed by a tag).
    private var lastUnitOpen = false

    static func build(_ segments: [SummarySegment]) -> Summary {
        var builder = SummaryBuilder()
        for segment in segments { builder.add(segment) }
        return builder.finish()
    }

    private mutating func add(_ segment: SummarySegment) {
        let text = CJKText.collapseWhitespace(segment.text)
        guard !text.isEmpty else { return }
        defer { lastUnitOpen = !segment.closedByTag }
        if segment.continuesAfterBreak, let last = lastUnitText, lastUnitOpen || !(last.last.map(CJKText.endsThought) ?? true) {
            continueLastUnit(with: text)
            return
        }
        switch segment.kind {
        case .listItem: addItem(segment, text)
        case .listText: addListText(segment, text)
        case .paragraph: addParagraph(text)
        }
    }

    private var lastUnitText: [Unicode.Scalar]? {
        switch blocks.last {
        case let .paragraph(text)?: return text
        case let .list(list)?: return list.items.last.map { Array($0.text.unicodeScalars) }
        case nil: return nil
        }
    }

    /// Text after a page break that carries on the last paragraph or item: join it on
    /// (no space between Chinese characters) and read any further list numbers in it.
    private mutating func continueLastUnit(with text: [Unicode.Scalar]) {
        switch blocks.last {
        case let .paragraph(previous)?:
            blocks[blocks.count - 1] = .paragraph(joined(previous, text))
        case var .list(list)?:
            let markers = list.ordered ? ListMarkerScanner.markers(in: text, from: list.nextNumber) : []
            let lead = Array(text[0..<(markers.first?.start ?? text.count)])
            if !lead.isEmpty, let last = list.items.popLast() {
                let merged = joined(Array(last.text.unicodeScalars), CJKText.collapseWhitespace(lead))
                list.items.append(ListItem(number: last.number, text: String(scalars: merged)))
            }
            list.items.append(contentsOf: items(from: markers, in: text))
            blocks[blocks.count - 1] = .list(list)
        case nil:
            blocks.append(.paragraph(text))
        }
    }

    private mutating func addItem(_ segment: SummarySegment, _ text: [Unicode.Scalar]) {
        var body = text
        if case var .list(list)? = blocks.last {
            let number = segment.itemValue ?? list.nextNumber
            let continues = list.element == segment.listElement
                || segment.listStart == list.nextNumber
                || ListMarkerScanner.atStart(list.nextNumber, in: text) != nil
            if continues {
                if let marker = ListMarkerScanner.atStart(number, in: body) { body = Array(body[marker.textStart...]) }
                list.items.append(ListItem(number: number, text: String(scalars: body)))
                list.element = segment.listElement
                blocks[blocks.count - 1] = .list(list)
                return
            }
        }
        let number = segment.itemValue ?? segment.listStart ?? 1
        if let marker = ListMarkerScanner.atStart(number, in: body) { body = Array(body[marker.textStart...]) }
        blocks.append(.list(ListUnderConstruction(ordered: segment.ordered, element: segment.listElement,
                                                  items: [ListItem(number: number, text: String(scalars: body))])))
    }

    private mutating func addListText(_ segment: SummarySegment, _ text: [Unicode.Scalar]) {
        if case var .list(list)? = blocks.last, list.ordered {
            let sameElement = list.element == segment.listElement
            if sameElement || ListMarkerScanner.atStart(list.nextNumber, in: text) != nil {
                let markers = ListMarkerScanner.markers(in: text, from: list.nextNumber)
                let lead = Array(text[0..<(markers.first?.start ?? text.count)])
                if !lead.isEmpty {
                    if sameElement, let last = list.items.popLast() {
                        let merged = joined(Array(last.text.unicodeScalars), CJKText.collapseWhitespace(lead))
                        list.items.append(ListItem(number: last.number, text: String(scalars: merged)))
                    } else {
                        blocks.append(.paragraph(CJKText.collapseWhitespace(lead)))
                        addNewList(ordered: true, element: segment.listElement, markers: markers, in: text)
                        return
                    }
                }
                list.items.append(contentsOf: items(from: markers, in: text))
                list.element = segment.listElement
                blocks[blocks.count - 1] = .list(list)
                return
            }
        }
        let markers = ListMarkerScanner.markers(in: text, from: segment.listStart ?? 1)
        guard let first = markers.first, itemsAreNonEmpty(markers, in: text) else {
            blocks.append(.paragraph(text))
            return
        }
        let lead = CJKText.collapseWhitespace(text[0..<first.start])
        if !lead.isEmpty { blocks.append(.paragraph(lead)) }
        addNewList(ordered: segment.ordered, element: segment.listElement, markers: markers, in: text)
    }

    private mutating func addParagraph(_ text: [Unicode.Scalar]) {
        // `<p>2. …</p>` after items 1 … : the list goes on.
        if case var .list(list)? = blocks.last, list.ordered, ListMarkerScanner.atStart(list.nextNumber, in: text) != nil {
            let markers = ListMarkerScanner.markers(in: text, from: list.nextNumber)
            list.items.append(contentsOf: items(from: markers, in: text))
            blocks[blocks.count - 1] = .list(list)
            return
        }
        // Inline points in running text need both a 1. and a 2. to count as a list.
        let markers = ListMarkerScanner.markers(in: text, from: 1)
        if markers.count >= 2, let first = markers.first, itemsAreNonEmpty(markers, in: text) {
            let lead = CJKText.collapseWhitespace(text[0..<first.start])
            if !lead.isEmpty { blocks.append(.paragraph(lead)) }
            addNewList(ordered: true, element: 0, markers: markers, in: text)
            return
        }
        blocks.append(.paragraph(text))
    }

    private mutating func addNewList(ordered: Bool, element: Int, markers: [ListMarkerScanner.Marker], in text: [Unicode.Scalar]) {
        blocks.append(.list(ListUnderConstruction(ordered: ordered, element: element, items: items(from: markers, in: text))))
    }

    private func items(from markers: [ListMarkerScanner.Marker], in text: [Unicode.Scalar]) -> [ListItem] {
        markers.enumerated().map { index, marker in
            let end = index + 1 < markers.count ? markers[index + 1].start : text.count
            return ListItem(number: marker.number, text: String(scalars: CJKText.collapseWhitespace(text[marker.textStart..<end])))
        }
    }

    private func itemsAreNonEmpty(_ markers: [ListMarkerScanner.Marker], in text: [Unicode.Scalar]) -> Bool {
        markers.enumerated().allSatisfy { index, marker in
            let end = index + 1 < markers.count ? markers[index + 1].start : text.count
            return text[marker.textStart..<max(marker.textStart, end)].contains { !CJKText.isWhitespace($0) }
        }
    }

    private func joined(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar]) -> [Unicode.Scalar] {
        left + Array(CJKText.joiner(between: left.last, and: right.first).unicodeScalars) + right
    }

    /// Splits paragraphs where the source had a sentence end, a space and a new Chinese
    /// sentence (a line break in the original cell), and tidies spaces around punctuation.
    private func finish() -> Summary {
        var result: [SummaryBlock] = []
        for block in blocks {
            switch block {
            case let .paragraph(text):
                for piece in splitAtParagraphBreaks(text) {
                    let tidy = CJKText.removeSpacesBesideFullWidthPunctuation(piece)
                    if !tidy.isEmpty { result.append(.paragraph(String(scalars: tidy))) }
                }
            case let .list(list):
                let items = list.items.compactMap { item -> ListItem? in
                    let tidy = CJKText.removeSpacesBesideFullWidthPunctuation(Array(item.text.unicodeScalars))
                    return ListItem(number: item.number, text: String(scalars: tidy))
                }
                if !items.isEmpty { result.append(.list(SummaryList(ordered: list.ordered, items: items))) }
            }
        }
        return Summary(blocks: result)
    }

    private func splitAtParagraphBreaks(_ text: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var pieces: [[Unicode.Scalar]] = []
        var start = 0
        var index = 1
        while index + 1 < text.count {
            if text[index] == " ", CJKText.isSentenceEnd(text[index - 1]), CJKText.isIdeograph(text[index + 1]) {
                pieces.append(Array(text[start..<index]))
                start = index + 1
            }
            index += 1
        }
        pieces.append(Array(text[start...]))
        return pieces
    }
}
