import ReportLayout

/// The text of every page in reading order, each run with the structure elements it is to
/// be tagged with, shaped so that Cairo 1.16 writes a sound structure tree.
///
/// Cairo marks content only for leaf elements (elements without child elements); text
/// drawn directly inside an element that has children is left unmarked, and an element
/// open when a page ends is reopened at the top of the next page, so whatever is drawn
/// there first (a rule, a panel) would be tagged as its content. So text is only ever drawn
/// in a leaf, and no leaf stays open across a page: an element whose own text is cut into
/// several runs (by a child element, such as a link inside a paragraph, or by a page break)
/// gets a `Span` for each run. Page furniture has no structure and is painted while only
/// grouping elements are open, which the finishing step marks as an artifact.
struct StructurePlan {
    /// Clusters of one text item to be painted inside the given elements (none: furniture).
    struct Run: Equatable {
        var item: Int
        var clusters: Range<Int>
        var structure: [StructureElement]
    }

    /// Each page's runs, in painting order.
    let pages: [[Run]]
    /// Where each link element's annotation goes, page by page (user space, top-left origin).
    let linkAreas: [[Int: Rect]]

    /// Identities of the elements made here (inline links, spans) are negative, so they never
    /// meet the layout's.
    private final class SyntheticIDs {
        var next = -1
        func make(_ role: StructureRole) -> StructureElement {
            defer { next -= 1 }
            return StructureElement(role, id: next)
        }
    }

    /// Without `tagged`, every run is painted without structure.
    init(_ document: LaidOutDocument, tagged: Bool = true) {
        let ids = SyntheticIDs()
        let raw = document.pages.map { page in
            tagged ? Self.runs(of: page, ids: ids) : page.items.indices.compactMap { index -> Run? in
                guard case let .text(line) = page.items[index] else { return nil }
                return Run(item: index, clusters: line.clusters, structure: [])
            }
        }
        // Which elements have children, and how many separate runs of their own text.
        var parents = Set<Int>()
        var textRuns: [Int: Int] = [:]
        for page in raw {
            var previous: Int?
            for run in page {
                guard let owner = run.structure.last else {
                    previous = nil
                    continue
                }
                for element in run.structure.dropLast() { parents.insert(element.id) }
                if owner.id != previous { textRuns[owner.id, default: 0] += 1 }
                previous = owner.id
            }
        }
        var pages: [[Run]] = []
        pages.reserveCapacity(raw.count)
        for page in raw {
            var previous: Int?
            var span: StructureElement?
            pages.append(page.map { run in
                guard let owner = run.structure.last else {
                    previous = nil
                    return run
                }
                defer { previous = owner.id }
                guard parents.contains(owner.id) || textRuns[owner.id, default: 0] > 1 else { return run }
                if owner.id != previous || span == nil { span = ids.make(.span) }
                var wrapped = run
                if let span { wrapped.structure.append(span) }
                return wrapped
            })
        }
        self.pages = pages
        linkAreas = zip(document.pages, pages).map { page, runs in Self.linkAreas(page, runs) }
    }

    /// A page's text items as runs: furniture whole, with no structure; structured lines
    /// cut where an inline link starts or ends, the link becoming an element of its own.
    private static func runs(of page: Page, ids: SyntheticIDs) -> [Run] {
        var result: [Run] = []
        for (index, item) in page.items.enumerated() {
            guard case let .text(line) = item else { continue }
            let shaped = line.shaped
            let insideLink = line.structure.contains { if case .link = $0.role { true } else { false } }
            guard !line.structure.isEmpty, !insideLink,
                  line.clusters.contains(where: { shaped.spans[Int(shaped.clusters[$0].span)].link != nil }) else {
                result.append(Run(item: index, clusters: line.clusters, structure: line.structure))
                continue
            }
            var start = line.clusters.lowerBound
            while start < line.clusters.upperBound {
                let link = shaped.spans[Int(shaped.clusters[start].span)].link
                var end = start + 1
                while end < line.clusters.upperBound, shaped.spans[Int(shaped.clusters[end].span)].link == link { end += 1 }
                var structure = line.structure
                if let link { structure.append(ids.make(.link(destination: link))) }
                result.append(Run(item: index, clusters: start..<end, structure: structure))
                start = end
            }
        }
        return result
    }

    /// Each link element's clickable area: the layout's link areas for its destination that
    /// its text lies in (the whole row of a contents entry or a heatmap row), or the text's
    /// own box when the layout gave none.
    private static func linkAreas(_ page: Page, _ runs: [Run]) -> [Int: Rect] {
        var areas: [Int: Rect] = [:]
        for run in runs {
            guard let element = run.structure.last(where: { if case .link = $0.role { true } else { false } }),
                  case let .link(destination) = element.role, case let .text(line) = page.items[run.item] else { continue }
            let box = bounds(of: run.clusters, in: line)
            var area: Rect?
            for case let .link(rect, target) in page.items where target == destination && rect.intersects(box) {
                area = area.map { $0.union(rect) } ?? rect
            }
            let found = area ?? box
            areas[element.id] = areas[element.id].map { $0.union(found) } ?? found
        }
        return areas
    }

    /// Where some clusters of a line are on the page.
    static func bounds(of clusters: Range<Int>, in line: TextLine) -> Rect {
        guard line.rotation == .none, clusters != line.clusters, !clusters.isEmpty else { return line.bounds }
        let offsets = line.offsets
        let first = clusters.lowerBound - line.clusters.lowerBound, last = clusters.upperBound - 1 - line.clusters.lowerBound
        let x0 = line.origin.x + offsets[first]
        let x1 = line.origin.x + offsets[last] + Double(line.shaped.clusters[clusters.upperBound - 1].advance)
        return Rect(x: x0, y: line.origin.y - line.ascent, width: max(0, x1 - x0), height: line.ascent + line.descent)
    }
}
