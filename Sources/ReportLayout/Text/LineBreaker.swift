/// A line as the breaker chose it: a range of clusters and how to set them.
public struct LineBreak: Sendable, Hashable {
    public var clusters: Range<Int>
    /// Width with CJK–Latin gaps, without justification and without trailing spaces.
    public var naturalWidth: Double
    /// Extra space per unit of `ClusterJoin.stretch` that makes the line flush (0: ragged).
    public var stretch: Double
}

/// Breaks a shaped paragraph into lines: first fit, at the break opportunities of
/// `ClusterJoin`, never before closing punctuation or after opening punctuation, with
/// spaces hanging at line ends. Justified lines get their slack spread over every gap
/// next to a Chinese character and after every space, so no single gap becomes a hole.
public struct LineBreaker: Sendable {
    public var width: Double
    public var justify: Bool
    /// The CJK–Latin gap in em (applied where `ClusterJoin.cjkLatinGap` says).
    public var gapEm: Double
    /// A justified line may not open any gap wider than this (in em); it is set ragged instead.
    public var maximumStretchEm: Double = 0.25

    public init(width: Double, justify: Bool, gapEm: Double) {
        self.width = width
        self.justify = justify
        self.gapEm = gapEm
    }

    /// Width of the CJK–Latin gap before cluster `index` (0 where there is none).
    public static func gap(before index: Int, in text: ShapedText, gapEm: Double) -> Double {
        guard index > 0, text.joins[index].cjkLatinGap else { return 0 }
        let size = min(text.style(of: index - 1).font.size, text.style(of: index).font.size)
        return size * gapEm
    }

    /// A cluster's width on the line: its advance, or the gap for a space set as one.
    public static func advance(of index: Int, in text: ShapedText, gapEm: Double) -> Double {
        text.joins[index].spaceIsGap ? text.style(of: index).font.size * gapEm : Double(text.clusters[index].advance)
    }

    public func lines(_ text: ShapedText) -> [LineBreak] {
        let count = text.clusters.count
        var lines: [LineBreak] = []
        var start = 0
        while start < count, text.isSpace(start) { start += 1 }
        let tolerance = 0.001
        while start < count {
            var x = 0.0
            var lastBreak: Int?     // break allowed before this cluster
            var index = start
            var end = count
            while index < count {
                let gap = index > start ? Self.gap(before: index, in: text, gapEm: gapEm) : 0
                let next = x + gap + Self.advance(of: index, in: text, gapEm: gapEm)
                if index > start, text.joins[index].breakAllowed { lastBreak = index }
                if next > width + tolerance, index > start, !text.isSpace(index) {
                    if let lastBreak, lastBreak > start {
                        end = lastBreak
                    } else {
                        end = emergencyBreak(text, start: start, overflow: index)
                    }
                    break
                }
                x = next
                index += 1
            }
            lines.append(makeLine(text, start..<end, last: end >= count))
            start = end
            while start < count, text.isSpace(start) { start += 1 }
        }
        avoidRunt(&lines, in: text)
        return lines
    }

    /// A last line with one Chinese character (and its punctuation) looks like a mistake;
    /// the line before gives it a character or two when a break allows it.
    private func avoidRunt(_ lines: inout [LineBreak], in text: ShapedText) {
        guard lines.count >= 2, let last = lines.last else { return }
        let letters = text.clusters[last.clusters].filter { CharacterClass($0.first) == .ideograph }.count
        let others = text.clusters[last.clusters].filter { CharacterClass($0.first) != .ideograph && CharacterClass($0.first) != .close }.count
        guard letters == 1, others == 0 else { return }
        let previous = lines[lines.count - 2]
        var candidate = previous.clusters.upperBound - 1
        while candidate > previous.clusters.lowerBound + previous.clusters.count / 2 {
            if text.joins[candidate].breakAllowed {
                let shortened = makeLine(text, previous.clusters.lowerBound..<candidate, last: false)
                let rest = makeLine(text, candidate..<text.clusters.count, last: true)
                if rest.naturalWidth <= width, shortened.stretch > 0 || !justify {
                    lines[lines.count - 2] = shortened
                    lines[lines.count - 1] = rest
                }
                return
            }
            candidate -= 1
        }
    }

    /// No break opportunity fits (a long Latin word, a URL): break between characters,
    /// still keeping closing punctuation off the line start where there is any choice.
    private func emergencyBreak(_ text: ShapedText, start: Int, overflow: Int) -> Int {
        var candidate = overflow
        while candidate > start + 1 {
            let next = CharacterClass(text.clusters[candidate].first)
            let previous = CharacterClass(text.clusters[candidate - 1].last)
            if next != .close && next != .nonStarter && previous != .open { return candidate }
            candidate -= 1
        }
        return max(overflow, start + 1)
    }

    private func makeLine(_ text: ShapedText, _ range: Range<Int>, last: Bool) -> LineBreak {
        var upper = range.upperBound
        while upper > range.lowerBound + 1, text.isSpace(upper - 1) { upper -= 1 }
        var natural = 0.0
        var units = 0
        for index in range.lowerBound..<upper {
            if index > range.lowerBound {
                natural += Self.gap(before: index, in: text, gapEm: gapEm)
                units += Int(text.joins[index].stretch)
            }
            natural += Self.advance(of: index, in: text, gapEm: gapEm)
        }
        var stretch = 0.0
        if justify, !last, units > 0, natural < width {
            let perUnit = (width - natural) / Double(units)
            let em = text.style(of: range.lowerBound).font.size
            if perUnit <= maximumStretchEm * em { stretch = perUnit }
        }
        return LineBreak(clusters: range.lowerBound..<upper, naturalWidth: natural, stretch: stretch)
    }

    /// The x offset of each cluster of a line from its start: advances, CJK–Latin gaps and
    /// the justification stretch. The renderer draws glyphs at exactly these offsets.
    public static func offsets(of line: Range<Int>, in text: ShapedText, gapEm: Double, stretch: Double) -> [Double] {
        var offsets: [Double] = []
        offsets.reserveCapacity(line.count)
        var x = 0.0
        for index in line {
            if index > line.lowerBound {
                x += gap(before: index, in: text, gapEm: gapEm) + stretch * Double(text.joins[index].stretch)
            }
            offsets.append(x)
            x += advance(of: index, in: text, gapEm: gapEm)
        }
        return offsets
    }
}
