import ReportLayout
import ReportStyle

/// How a shape is painted: everything one Cairo fill or stroke can do at once, so that
/// the shapes of one paint on a page (a contents page of dot leaders, a heatmap's cells of
/// one colour) go to Cairo as one path. Each Cairo drawing call costs the PDF surface a
/// recording, an analysis and a replay.
enum ShapePaint: Hashable {
    case fill(Color)
    case stroke(Color, width: Double)
    case leader(Color, pitch: Double, radius: Double)

    /// The paint of a shape item; nil for text and marks.
    init?(of item: PageItem) {
        switch item {
        case let .fill(_, color): self = .fill(color)
        case let .stroke(_, color, width): self = .stroke(color, width: width)
        case let .line(_, _, color, width): self = .stroke(color, width: width)
        case let .leader(_, _, _, pitch, radius, color): self = .leader(color, pitch: pitch, radius: radius)
        case .text, .link, .destination: return nil
        }
    }
}

extension ShapePaint {
    /// A page's shapes grouped by paint, in an order that paints exactly what painting each
    /// in turn would: a shape joins the latest group of its paint unless a group after that
    /// one touches it (that group was painted before it and would now be painted after).
    static func groups(_ items: [PageItem]) -> [(paint: ShapePaint, items: [Int])] {
        var groups: [(paint: ShapePaint, items: [Int], boxes: [Rect], union: Rect)] = []
        for (index, item) in items.enumerated() {
            guard let paint = ShapePaint(of: item), let bounds = item.paintedBounds else { continue }
            var joined = false
            for position in groups.indices.reversed() {
                if groups[position].paint == paint {
                    groups[position].items.append(index)
                    groups[position].boxes.append(bounds)
                    groups[position].union = groups[position].union.union(bounds)
                    joined = true
                    break
                }
                if groups[position].union.intersects(bounds),
                   groups[position].boxes.contains(where: { $0.intersects(bounds) }) { break }
            }
            if !joined { groups.append((paint, [index], [bounds], bounds)) }
        }
        return groups.map { ($0.paint, $0.items) }
    }
}
