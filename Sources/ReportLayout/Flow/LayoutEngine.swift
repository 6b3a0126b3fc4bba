import Foundation
import ReportStyle

/// Lays out a document in two passes: the first measures and paginates everything, so
/// that page numbers are known; the second adds what depends on them (contents numbers
/// and leaders, `第 X 頁，共 Y 頁` footers) and checks that nothing leaves the printable area.
///
/// A section is cut where it forces a new page (each speaker starts one); the pieces do not
/// depend on each other, so they are laid out on as many threads as there are shapers
/// (one shaper per thread: Pango objects are not shared) and put back in order.
public final class LayoutEngine: @unchecked Sendable {
    public let style: StyleSheet
    private let shapers: [any TextShaper]
    private let paragraphs: ParagraphLayout

    public convenience init(style: StyleSheet, shaper: any TextShaper) {
        self.init(style: style, shapers: [shaper])
    }

    /// `shapers` must not be empty; the first also sets page numbers and footers.
    public init(style: StyleSheet, shapers: [any TextShaper]) {
        self.style = style
        self.shapers = shapers
        paragraphs = Self.paragraphLayout(style, shapers[0])
    }

    private static func paragraphLayout(_ style: StyleSheet, _ shaper: any TextShaper) -> ParagraphLayout {
        ParagraphLayout(shaper: shaper, justify: style.typography.justify, cjkLatinSpacing: style.typography.cjkLatinSpacing,
                        gapEm: style.typography.cjkLatinGap)
    }

    public var pageSize: Size { Size(width: style.paper.width, height: style.paper.height) }
    public var column: Rect {
        Rect(x: style.margins.left, y: style.margins.top, width: style.contentWidth, height: style.contentHeight)
    }
    public var printableArea: Rect {
        let inset = style.printableInset
        return Rect(x: inset, y: inset, width: style.paper.width - 2 * inset, height: style.paper.height - 2 * inset)
    }

    /// Pass 1 for one section: its pages, with items in page coordinates and the contents
    /// numbers still to fill in.
    struct DraftPage {
        var items: [PageItem]
        var references: [PageReference]
        var furniture: PageFurniture?
    }

    /// A last page filled less than this share of the column is worth saving with a shorter
    /// form of `Block.condensable` content.
    static let shortLastPage = 0.3

    /// `structure`: the elements the piece is inside (document, section); `piece` numbers
    /// the identities of the elements made for it.
    func draftPages(_ blocks: [Block], furniture: PageFurniture?, shaper: any TextShaper, structure: [StructureElement] = [],
                    piece: Int = 0) -> [DraftPage] {
        let paragraphs = Self.paragraphLayout(style, shaper)
        let ids = StructureIDs(piece: piece)
        var flow = FlowLayout(paragraphs: paragraphs, tables: TableLayout(paragraphs: paragraphs), columnHeight: column.height,
                              proportions: style.proportions, ids: ids)
        let paginator = Paginator(columnHeight: column.height, ids: ids)
        var pages = paginator.paginate(flow.fragments(blocks, width: column.width, structure: structure))
        if pages.count > 1, Self.usedHeight(pages[pages.count - 1]) < column.height * Self.shortLastPage {
            for form in 1..<FlowLayout.formCount(blocks) {
                flow.form = form
                let shorter = paginator.paginate(flow.fragments(blocks, width: column.width, structure: structure))
                if shorter.count < pages.count {
                    pages = shorter
                    break
                }
            }
        }
        return pages.map { placements in
            var items: [PageItem] = []
            var references: [PageReference] = []
            for placement in placements {
                let dx = column.x, dy = column.y + placement.y
                items += placement.fragment.items.map { $0.offsetBy(dx: dx, dy: dy) }
                references += placement.fragment.pageReferences.map { reference in
                    var placed = reference.offsetBy(dx: dx, dy: dy)
                    placed.itemIndex = items.count
                    return placed
                }
            }
            return DraftPage(items: items, references: references, furniture: furniture)
        }
    }

    static func usedHeight(_ page: [Paginator.Placement]) -> Double {
        page.last.map { $0.y + $0.fragment.height } ?? 0
    }

    /// Below this many pieces one thread is faster than starting others.
    static let piecesWorthThreads = 24

    /// `progress` is told the number of pages laid out so far, from whichever thread.
    public func layout(_ document: Document, progress: (@Sendable (Int) -> Void)? = nil) throws(LayoutError) -> LaidOutDocument {
        // The structure tree's root and each section's element are shared by the section's pieces.
        let root = StructureElement(.document, id: 0, language: nil)
        var pieces: [(blocks: [Block], furniture: PageFurniture?, structure: [StructureElement])] = []
        for (index, section) in document.sections.enumerated() {
            let structure = [root, StructureElement(section.role, id: index + 1)]
            var current: [Block] = []
            for block in section.blocks {
                if case .pageBreak = block, !current.isEmpty {
                    pieces.append((current, section.pageFurniture, structure))
                    current = []
                } else {
                    current.append(block)
                }
            }
            pieces.append((current, section.pageFurniture, structure))
        }
        var results = [[DraftPage]](repeating: [], count: pieces.count)
        let threads = pieces.count >= Self.piecesWorthThreads ? shapers.count : 1
        if threads == 1 {
            var pages = 0
            for (index, piece) in pieces.enumerated() {
                results[index] = draftPages(piece.blocks, furniture: piece.furniture, shaper: shapers[0], structure: piece.structure, piece: index)
                pages += results[index].count
                progress?(pages)
            }
        } else {
            // Each thread takes the next piece until none is left; results keep the document order.
            let output = ResultSlots(count: pieces.count)
            let shapers = self.shapers, pieces = pieces
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                while true {
                    let index = output.takeNext()
                    guard index < pieces.count else { return }
                    let piece = pieces[index]
                    let pages = output.set(index, draftPages(piece.blocks, furniture: piece.furniture, shaper: shapers[thread],
                                                             structure: piece.structure, piece: index))
                    progress?(pages)
                }
            }
            results = output.values
        }
        return try finish(results.flatMap { $0 }, document: document)
    }

    /// Pass 2: destinations are known, so numbers, leaders and footers can be set.
    func finish(_ drafts: [DraftPage], document: Document) throws(LayoutError) -> LaidOutDocument {
        var destinations: [String: (page: Int, point: Point)] = [:]
        for (index, draft) in drafts.enumerated() {
            for case let .destination(name, point) in draft.items where destinations[name] == nil {
                destinations[name] = (index, point)
            }
        }
        let total = drafts.count
        var furnitureCache: [String: [PageItem]] = [:]
        var pages: [Page] = []
        pages.reserveCapacity(total)
        for (index, draft) in drafts.enumerated() {
            var items = draft.items
            // Each number right after its entry (from the last, so earlier places stay put).
            for reference in draft.references.sorted(by: { $0.itemIndex > $1.itemIndex }) {
                guard let target = destinations[reference.destination] else { continue }
                items.insert(contentsOf: pageNumber(target.page + 1, for: reference), at: min(reference.itemIndex, items.count))
            }
            if let furniture = draft.furniture {
                let key = furniture.headerLeft.plainText + "\u{1}" + furniture.headerRight.plainText
                if furnitureCache[key] == nil { furnitureCache[key] = runningHeader(furniture) }
                items += furnitureCache[key] ?? []
                items += footer(furniture, page: index + 1, of: total)
            }
            pages.append(Page(size: pageSize, items: items))
        }
        let outline = document.outline.filter { destinations[$0.destination] != nil }
        let laidOut = LaidOutDocument(pages: pages, outline: outline, destinations: destinations, metadata: document.metadata)
        let problems = LayoutChecker(printableArea: printableArea).outOfBounds(laidOut)
        if !problems.isEmpty { throw LayoutError(problems: problems) }
        return laidOut
    }

    private func singleLine(_ text: RichText, width: Double, alignment: ParagraphStyle.Alignment, lineHeight: Double) -> LaidLine? {
        paragraphs.lines(Paragraph(text, ParagraphStyle(alignment: alignment, lineHeight: lineHeight)), width: width).first
    }

    private func pageNumber(_ number: Int, for reference: PageReference) -> [PageItem] {
        let text = RichText(String(number), reference.style)
        guard let line = singleLine(text, width: 200, alignment: .left, lineHeight: reference.style.font.size),
              case var .text(numberLine) = line.items.first else { return [] }
        numberLine.origin = Point(x: reference.rightX - numberLine.width, y: reference.baseline)
        numberLine.structure = reference.structure
        let pitch = reference.style.font.size * style.proportions.leaderPitch
        // Dots on a grid shared by all entries, so the leaders line up down the page.
        let firstDot = (reference.leaderStart / pitch).rounded(.up) * pitch
        let lastDot = numberLine.origin.x - reference.style.font.size * 0.4
        var items: [PageItem] = [.text(numberLine)]
        if lastDot > firstDot {
            items.append(.leader(x: firstDot, maxX: lastDot, baseline: reference.baseline, pitch: pitch,
                                 radius: reference.style.font.size * style.proportions.leaderDotRadius, color: reference.leaderColor))
        }
        return items
    }

    private func runningHeader(_ furniture: PageFurniture) -> [PageItem] {
        let size = furniture.footerStyle.font.size
        let baseline = style.printableInset + (style.margins.top - style.printableInset) * 0.5
        var items: [PageItem] = []
        if let left = singleLine(furniture.headerLeft, width: column.width * style.proportions.headerLeftShare, alignment: .left, lineHeight: size * 1.2),
           case var .text(line) = left.items.first {
            line.origin = Point(x: column.x, y: baseline)
            items.append(.text(line))
        }
        if let right = singleLine(furniture.headerRight, width: column.width * style.proportions.headerRightShare, alignment: .left, lineHeight: size * 1.2),
           case var .text(line) = right.items.first {
            line.origin = Point(x: column.maxX - line.width, y: baseline)
            items.append(.text(line))
        }
        let ruleY = baseline + size * 0.6
        items.append(.line(from: Point(x: column.x, y: ruleY), to: Point(x: column.maxX, y: ruleY), color: furniture.ruleColor, width: 0.5))
        return items
    }

    private func footer(_ furniture: PageFurniture, page: Int, of total: Int) -> [PageItem] {
        let baseline = style.paper.height - style.printableInset - (style.margins.bottom - style.printableInset) * 0.45
        let text = RichText(furniture.footer(page: page, of: total), furniture.footerStyle)
        guard let laid = singleLine(text, width: column.width, alignment: .center, lineHeight: furniture.footerStyle.font.size * 1.2),
              case var .text(line) = laid.items.first else { return [] }
        line.origin = Point(x: column.x + (column.width - line.width) / 2, y: baseline)
        return [.text(line)]
    }
}

/// One slot per piece, filled by whichever thread laid the piece out.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[LayoutEngine.DraftPage]]
    private var next = 0

    init(count: Int) { slots = Array(repeating: [], count: count) }

    /// The index of the next piece nobody has taken yet.
    func takeNext() -> Int {
        lock.withLock {
            defer { next += 1 }
            return next
        }
    }

    private var pages = 0

    /// Stores a piece's pages; returns the number of pages laid out so far.
    func set(_ index: Int, _ pages: [LayoutEngine.DraftPage]) -> Int {
        lock.withLock {
            slots[index] = pages
            self.pages += pages.count
            return self.pages
        }
    }

    var values: [[LayoutEngine.DraftPage]] { lock.withLock { slots } }
}

/// Layout found items outside the printable area: the style's margins cannot hold the content.
public struct LayoutError: Error, CustomStringConvertible {
    public var problems: [String]
    public var description: String {
        "the layout does not fit the page: " + problems.prefix(5).joined(separator: "; ") + (problems.count > 5 ? " (and \(problems.count - 5) more)" : "")
    }
}
