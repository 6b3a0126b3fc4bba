/// Checks a laid-out document the way a printer and a reader would: nothing outside the
/// printable area, no two lines of text on top of each other.
public struct LayoutChecker: Sendable {
    public var printableArea: Rect

    public init(printableArea: Rect) { self.printableArea = printableArea }

    public func outOfBounds(_ document: LaidOutDocument) -> [String] {
        var problems: [String] = []
        for (index, page) in document.pages.enumerated() {
            for item in page.items {
                guard let bounds = item.paintedBounds, !printableArea.contains(bounds, tolerance: 0.5) else { continue }
                let what: String
                if case let .text(line) = item { what = "text '\(line.text.prefix(30))'" } else { what = "a shape" }
                problems.append("page \(index + 1): \(what) at \(bounds) is outside the printable area \(printableArea)")
            }
        }
        return problems
    }

    /// Pairs of text lines that overlap on a page (by their em boxes).
    public func overlappingText(_ document: LaidOutDocument) -> [String] {
        var problems: [String] = []
        for (index, page) in document.pages.enumerated() {
            let boxes = page.textLines.map { ($0.bounds, $0.text) }.sorted { $0.0.y < $1.0.y }
            for i in boxes.indices {
                var j = i + 1
                while j < boxes.count, boxes[j].0.y < boxes[i].0.maxY {
                    if boxes[i].0.overlaps(boxes[j].0, tolerance: 0.5) {
                        problems.append("page \(index + 1): '\(boxes[i].1.prefix(20))' overlaps '\(boxes[j].1.prefix(20))'")
                    }
                    j += 1
                }
            }
        }
        return problems
    }
}
