/// Shapes a paragraph once and sets its lines: breaks, alignment, justification, the
/// baseline in each line box, and link areas for linked spans.
struct ParagraphLayout {
    let shaper: any TextShaper
    let justify: Bool
    let cjkLatinSpacing: Bool
    let gapEm: Double

    func lines(_ paragraph: Paragraph, width: Double) -> [LaidLine] {
        let style = paragraph.style
        guard !paragraph.text.isEmpty else { return [] }
        let shaped = shaper.shape(paragraph.text, cjkLatinSpacing: cjkLatinSpacing)
        let available = max(1, width - style.indent - style.rightIndent)
        let measure = min(available, style.maximumWidth ?? available)
        let justified = justify && style.alignment == .justified
        let breaker = LineBreaker(width: measure, justify: justified, gapEm: gapEm)
        let breaks = breaker.lines(shaped)
        var result: [LaidLine] = []
        result.reserveCapacity(breaks.count)
        for (index, line) in breaks.enumerated() {
            let setWidth = line.naturalWidth + line.stretch * Double(stretchUnits(line.clusters, shaped))
            var x = style.indent
            switch style.alignment {
            case .left, .justified: break
            case .center: x += (available - setWidth) / 2
            case .right: x += available - setWidth
            }
            var size = 0.0
            var spanIndexes = Set<Int32>()
            for cluster in line.clusters where spanIndexes.insert(shaped.clusters[cluster].span).inserted {
                size = max(size, shaped.spans[Int(shaped.clusters[cluster].span)].style.font.size)
            }
            let font = FontSpec(family: "", size: size)
            let baseline = (style.lineHeight - (font.ascent + font.descent)) / 2 + font.ascent
            let textLine = TextLine(shaped: shaped, clusters: line.clusters, origin: Point(x: x, y: baseline), stretch: line.stretch,
                                    gapEm: gapEm, width: setWidth, ascent: font.ascent, descent: font.descent)
            var items: [PageItem] = [.text(textLine)]
            if index == 0 {
                items += paragraph.anchors.map { .destination($0, Point(x: 0, y: 0)) }
            }
            items += links(in: textLine, lineHeight: style.lineHeight)
            result.append(LaidLine(height: style.lineHeight, spaceBefore: index == 0 ? style.spaceBefore : 0, items: items,
                                   baseline: baseline, x: x, width: setWidth))
        }
        return result
    }

    /// How many lines the paragraph takes at a width, without setting them (for measuring).
    func lineCount(_ paragraph: Paragraph, width: Double) -> Int {
        guard !paragraph.text.isEmpty else { return 0 }
        let shaped = shaper.shape(paragraph.text, cjkLatinSpacing: cjkLatinSpacing)
        let style = paragraph.style
        let available = max(1, width - style.indent - style.rightIndent)
        let justified = justify && style.alignment == .justified
        return LineBreaker(width: min(available, style.maximumWidth ?? available), justify: justified, gapEm: gapEm).lines(shaped).count
    }

    /// The widest piece of the paragraph that no line may break inside (a Latin word, a
    /// number with its unit, Chinese characters held by punctuation rules), with its indents.
    func longestUnbreakableWidth(_ paragraph: Paragraph) -> Double {
        guard !paragraph.text.isEmpty else { return 0 }
        let shaped = shaper.shape(paragraph.text, cjkLatinSpacing: cjkLatinSpacing)
        var widest = 0.0, current = 0.0
        for index in shaped.clusters.indices {
            if shaped.joins[index].breakAllowed { current = 0 }
            if !shaped.isSpace(index) {
                current += LineBreaker.advance(of: index, in: shaped, gapEm: gapEm)
                widest = max(widest, current)
            }
        }
        return widest + paragraph.style.indent + paragraph.style.rightIndent
    }

    private func stretchUnits(_ range: Range<Int>, _ shaped: ShapedText) -> Int {
        var units = 0
        for index in range where index > range.lowerBound { units += Int(shaped.joins[index].stretch) }
        return units
    }

    /// Clickable areas over the parts of the line that belong to linked spans.
    private func links(in line: TextLine, lineHeight: Double) -> [PageItem] {
        let shaped = line.shaped
        guard shaped.spans.contains(where: { $0.link != nil }) else { return [] }
        let offsets = line.offsets
        var result: [PageItem] = []
        var runStart: Int?
        var runLink: String?
        func close(at end: Int) {
            guard let start = runStart, let link = runLink else { return }
            let x0 = offsets[start - line.clusters.lowerBound]
            let lastIndex = end - 1
            let x1 = offsets[lastIndex - line.clusters.lowerBound] + LineBreaker.advance(of: lastIndex, in: shaped, gapEm: gapEm)
            result.append(.link(Rect(x: line.origin.x + x0, y: 0, width: x1 - x0, height: lineHeight), destination: link))
        }
        for index in line.clusters {
            let link = shaped.spans[Int(shaped.clusters[index].span)].link
            if link != runLink {
                close(at: index)
                runStart = link == nil ? nil : index
                runLink = link
            }
        }
        close(at: line.clusters.upperBound)
        return result
    }
}
