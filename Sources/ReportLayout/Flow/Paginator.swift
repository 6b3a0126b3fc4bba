/// Stacks fragments into pages: a fragment that does not fit starts a new page, taking
/// along the fragments before it that must keep with it; a table's header is repeated
/// at the top of a page the table continues on; a row taller than a page is cut.
struct Paginator {
    let columnHeight: Double
    /// Identities for the tables a page break starts anew.
    var ids = StructureIDs(piece: 0)

    struct Placement {
        var fragment: Fragment
        var y: Double
    }

    /// Pages of placed fragments (y from the column's top).
    func paginate(_ input: [Fragment]) -> [[Placement]] {
        var fragments = input
        var pages: [[Placement]] = [[]]
        var y = 0.0
        var pageStart = 0          // index of the first fragment on the current page
        var index = 0
        var pageHasContent = false
        // A table continued on this page: its elements' new identities, by the old ones.
        var renamed: (table: Int, elements: [Int: StructureElement])?

        func newPage(startingAt start: Int) {
            pages.append([])
            y = 0
            pageStart = start
            pageHasContent = false
            renamed = nil
            if start < fragments.count, let header = fragments[start].repeatedHeader {
                var items = header.items
                if let table = header.table {
                    renamed = (table, [:])
                    items = rename(items)
                } else {
                    // A layout grid's heads are read once, where the grid begins; repeated they are
                    // page furniture (an artifact), as running headers are.
                    items = items.map { item in
                        guard case var .text(line) = item else { return item }
                        line.structure = []
                        return .text(line)
                    }
                }
                pages[pages.count - 1].append(Placement(fragment: Fragment(height: header.height, items: items), y: 0))
                y = header.height
            }
        }

        /// The items with the continued table's elements (the table and everything in it) under
        /// the identities of this page's table.
        func rename(_ items: [PageItem]) -> [PageItem] {
            guard let table = renamed?.table else { return items }
            return items.map { item in
                guard case var .text(line) = item, let start = line.structure.firstIndex(where: { $0.id == table }) else { return item }
                for index in start..<line.structure.count {
                    let old = line.structure[index]
                    if let new = renamed?.elements[old.id] {
                        line.structure[index] = new
                    } else {
                        let new = ids.make(old.role, language: old.language)
                        renamed?.elements[old.id] = new
                        line.structure[index] = new
                    }
                }
                return .text(line)
            }
        }

        while index < fragments.count {
            let fragment = fragments[index]
            if fragment.breakBefore && (pageHasContent || !pages[pages.count - 1].isEmpty) {
                newPage(startingAt: index)
            }
            let space = pageHasContent ? fragment.spaceBefore : 0
            if y + space + fragment.height > columnHeight + 0.01 {
                // Too tall even for an empty page: cut it (a long table row) where it stands.
                let roomHere = columnHeight - y - space
                let emptyRoom = columnHeight - (fragment.repeatedHeader?.height ?? 0)
                if fragment.height > emptyRoom, let split = fragment.split,
                   let pieces = split(pageHasContent && roomHere > emptyRoom * 0.25 ? roomHere : emptyRoom) {
                    if pageHasContent && roomHere <= emptyRoom * 0.25 {
                        newPage(startingAt: index)
                        continue
                    }
                    fragments[index] = pieces.head
                    var tail = pieces.tail
                    tail.repeatedHeader = fragment.repeatedHeader
                    tail.spaceBefore = 0
                    fragments.insert(tail, at: index + 1)
                    continue
                }
                if pageHasContent {
                    // Take along what must stay with this fragment (heading, orphan line, table header).
                    var start = index
                    while start > pageStart, fragments[start - 1].keepWithNext { start -= 1 }
                    if start > pageStart {
                        let removed = pages[pages.count - 1].count - (index - start)
                        pages[pages.count - 1].removeSubrange(removed...)
                        index = start
                    }
                    newPage(startingAt: index)
                    continue
                }
                // Alone on a page and still too tall: place it; the bounds check will report it.
            }
            var placed = fragments[index]
            if let table = renamed?.table, placed.repeatedHeader?.table == table { placed.items = rename(placed.items) }
            pages[pages.count - 1].append(Placement(fragment: placed, y: y + space))
            y += space + fragments[index].height
            pageHasContent = true
            index += 1
        }
        if pages.count > 1, pages[pages.count - 1].isEmpty { pages.removeLast() }
        return pages
    }
}
