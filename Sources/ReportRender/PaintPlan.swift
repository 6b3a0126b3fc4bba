import ReportLayout
import ReportStyle

/// The order in which a page's items are painted, grouped so that Cairo gets few calls and
/// the page looks exactly as if every item were painted in turn.
///
/// Each Cairo drawing call costs the PDF surface a recording, an analysis and a replay: a
/// contents page of dot leaders and page numbers, or a heatmap of coloured cells with white
/// and black numbers, spent most of its time on calls, not on ink. So shapes are painted
/// first, those of one paint (colour, width, dash) as one path, then text, the runs of one
/// font and colour as one call. An item only moves past items it does not touch, so the
/// picture cannot change; a page where a shape lies over earlier text is painted in its own
/// order.
struct PaintPlan {
    /// How a group of shapes is painted: everything one Cairo fill or stroke can do at once.
    enum Paint: Hashable {
        case fill(Color)
        case stroke(Color, width: Double)
        case leader(Color, pitch: Double, radius: Double)
    }

    /// Glyphs one Cairo call can show: one font, one colour.
    struct Ink: Hashable {
        var font: Int32
        var color: Color
    }

    /// Consecutive clusters of one line in one font and colour.
    struct Run: Equatable {
        var item: Int
        var clusters: Range<Int>
        /// Each cluster's x on the page.
        var xs: ArraySlice<Double>
    }

    enum Step: Equatable {
        /// Shapes painted as one path.
        case shapes(Paint, [Int])
        /// Text runs painted in one call.
        case text(Ink, [Run])
        /// A line of turned text (painted in a rotated coordinate system of its own).
        case turned(Int)
        /// Items painted one at a time in the page's own order (the fallback).
        case inOrder([Int])
        /// Links and destinations, which paint nothing.
        case marks([Int])
    }

    let steps: [Step]

    /// Text closer than this to a shape is treated as touching it (glyphs can overshoot
    /// their em box). Shapes are compared exactly: two that only share an edge can go in
    /// either order; so are runs of text, which the layout never lets overlap.
    static let textMargin = 1.0

    init(_ items: [PageItem]) {
        var shapes: [(key: Paint, bounds: Rect, item: Int)] = []
        var texts: [(line: TextLine, item: Int)] = []
        var marks: [Int] = []
        for (index, item) in items.enumerated() {
            switch item {
            case let .text(line): texts.append((line, index))
            case .link, .destination: marks.append(index)
            default:
                if let paint = Self.paint(of: item), let bounds = item.paintedBounds { shapes.append((paint, bounds, index)) }
            }
        }
        // Shapes may go first only if none of them covers text that came before it.
        for shape in shapes {
            let box = Self.padded(shape.bounds)
            for text in texts {
                if text.item > shape.item { break }
                if Self.touch(box, text.line.bounds) {
                    steps = [.inOrder(Array(items.indices))]
                    return
                }
            }
        }
        var steps: [Step] = []
        for group in Self.group(shapes.map { (Optional($0.key), $0.bounds, $0.item) }) {
            if let paint = group.key { steps.append(.shapes(paint, group.members)) }
        }

        var runs: [(key: Ink?, bounds: Rect, run: Run)] = []
        for text in texts {
            let line = text.line
            guard line.rotation == .none else {
                runs.append((nil, line.bounds, Run(item: text.item, clusters: line.clusters, xs: [])))
                continue
            }
            let shaped = line.shaped
            let xs = line.offsets.map { line.origin.x + $0 }
            var start = line.clusters.lowerBound
            while start < line.clusters.upperBound {
                let cluster = shaped.clusters[start]
                let ink = Ink(font: cluster.font, color: shaped.spans[Int(cluster.span)].style.color)
                var end = start + 1
                while end < line.clusters.upperBound, shaped.clusters[end].font == ink.font,
                      shaped.spans[Int(shaped.clusters[end].span)].style.color == ink.color { end += 1 }
                let first = start - line.clusters.lowerBound, last = end - 1 - line.clusters.lowerBound
                let x0 = xs[first], x1 = xs[last] + Double(shaped.clusters[end - 1].advance)
                runs.append((ink, Rect(x: x0, y: line.origin.y - line.ascent, width: max(0, x1 - x0), height: line.ascent + line.descent),
                             Run(item: text.item, clusters: start..<end, xs: xs[first...last])))
                start = end
            }
        }
        for group in Self.group(runs.map { ($0.key, $0.bounds, $0.run) }) {
            if let ink = group.key {
                steps.append(.text(ink, group.members))
            } else {
                steps += group.members.map { Step.turned($0.item) }
            }
        }
        if !marks.isEmpty { steps.append(.marks(marks)) }
        self.steps = steps
    }

    /// Puts each unit in the latest group of its key, unless a group after that one touches
    /// it (that group's units were painted before this one and would now be painted after):
    /// then it starts a group of its own. A nil key never shares a group.
    private static func group<Key: Hashable, Member>(_ units: [(key: Key?, bounds: Rect, member: Member)])
        -> [(key: Key?, members: [Member])] {
        var groups: [(key: Key?, members: [Member], boxes: [Rect], union: Rect)] = []
        for unit in units {
            var joined = false
            if unit.key != nil {
                for position in groups.indices.reversed() {
                    if groups[position].key == unit.key {
                        groups[position].members.append(unit.member)
                        groups[position].boxes.append(unit.bounds)
                        groups[position].union = union(groups[position].union, unit.bounds)
                        joined = true
                        break
                    }
                    if touch(groups[position].union, unit.bounds), groups[position].boxes.contains(where: { touch($0, unit.bounds) }) { break }
                }
            }
            if !joined { groups.append((unit.key, [unit.member], [unit.bounds], unit.bounds)) }
        }
        return groups.map { ($0.key, $0.members) }
    }

    static func paint(of item: PageItem) -> Paint? {
        switch item {
        case let .fill(_, color): .fill(color)
        case let .stroke(_, color, width): .stroke(color, width: width)
        case let .line(_, _, color, width): .stroke(color, width: width)
        case let .leader(_, _, _, pitch, radius, color): .leader(color, pitch: pitch, radius: radius)
        case .text, .link, .destination: nil
        }
    }

    static func padded(_ rect: Rect) -> Rect {
        Rect(x: rect.x - textMargin, y: rect.y - textMargin, width: rect.width + 2 * textMargin, height: rect.height + 2 * textMargin)
    }

    static func touch(_ a: Rect, _ b: Rect) -> Bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    static func union(_ a: Rect, _ b: Rect) -> Rect {
        let x = min(a.x, b.x), y = min(a.y, b.y)
        return Rect(x: x, y: y, width: max(a.x + a.width, b.x + b.width) - x, height: max(a.y + a.height, b.y + b.height) - y)
    }
}
