import ReportStyle

/// Something drawn (or marked) on a page, in page coordinates: all the renderer needs.
public enum PageItem: Sendable {
    case text(TextLine)
    case fill(Rect, Color)
    case stroke(Rect, Color, width: Double)
    case line(from: Point, to: Point, color: Color, width: Double)
    /// Dot leaders from `x` to `maxX` on a baseline (contents).
    case leader(x: Double, maxX: Double, baseline: Double, pitch: Double, radius: Double, color: Color)
    /// A clickable area that goes to a named destination.
    case link(Rect, destination: String)
    /// A named destination (a link target, an outline entry's target).
    case destination(String, Point)

    func offsetBy(dx: Double, dy: Double) -> PageItem {
        switch self {
        case let .text(line): return .text(line.offsetBy(dx: dx, dy: dy))
        case let .fill(rect, color): return .fill(rect.offsetBy(dx: dx, dy: dy), color)
        case let .stroke(rect, color, width): return .stroke(rect.offsetBy(dx: dx, dy: dy), color, width: width)
        case let .line(from, to, color, width):
            return .line(from: Point(x: from.x + dx, y: from.y + dy), to: Point(x: to.x + dx, y: to.y + dy), color: color, width: width)
        case let .leader(x, maxX, baseline, pitch, radius, color):
            return .leader(x: x + dx, maxX: maxX + dx, baseline: baseline + dy, pitch: pitch, radius: radius, color: color)
        case let .link(rect, destination): return .link(rect.offsetBy(dx: dx, dy: dy), destination: destination)
        case let .destination(name, point): return .destination(name, Point(x: point.x + dx, y: point.y + dy))
        }
    }

    /// The area the item paints (nil for marks that paint nothing).
    public var paintedBounds: Rect? {
        switch self {
        case let .text(line): return line.bounds
        case let .fill(rect, _): return rect
        case let .stroke(rect, _, width): return Rect(x: rect.x - width / 2, y: rect.y - width / 2, width: rect.width + width, height: rect.height + width)
        case let .line(from, to, _, width):
            return Rect(x: min(from.x, to.x) - width / 2, y: min(from.y, to.y) - width / 2,
                        width: abs(to.x - from.x) + width, height: abs(to.y - from.y) + width)
        case let .leader(x, maxX, baseline, _, radius, _):
            return Rect(x: x, y: baseline - 2 * radius, width: max(0, maxX - x), height: 2 * radius)
        case .link, .destination: return nil
        }
    }
}
