import ReportStyle

/// A slice of the flow that cannot be broken across pages (a line, a table row, a panel),
/// with its items relative to its own top left. The paginator stacks fragments.
struct Fragment {
    var height: Double
    /// Space above it; dropped when it starts a page.
    var spaceBefore: Double = 0
    /// Move to the next page together with the following fragment (headings, orphan and
    /// widow lines, table headers).
    var keepWithNext = false
    /// Start a new page before this fragment.
    var breakBefore = false
    var items: [PageItem] = []
    var pageReferences: [PageReference] = []
    /// Repeated at the top of a page that this fragment opens (a table's header rows).
    var repeatedHeader: RepeatedHeader?
    /// For a table row taller than a page: cut it to fit a height (nil if it cannot be cut).
    var split: ((Double) -> (head: Fragment, tail: Fragment)?)?

    func translated(dx: Double, dy: Double) -> Fragment {
        var moved = self
        moved.items = items.map { $0.offsetBy(dx: dx, dy: dy) }
        moved.pageReferences = pageReferences.map { $0.offsetBy(dx: dx, dy: dy) }
        return moved
    }
}

/// A table's header rows, ready to be placed again at the top of each page the table spans.
struct RepeatedHeader {
    var height: Double
    var items: [PageItem]
    /// The table's structure element. Each page the table continues on reads as a table of
    /// its own, headed by the repeated rows: a reader who turns to the page finds its
    /// headers, and no table grows past what checkers and readers can hold.
    var table: Int?
}

/// A contents entry's page number, filled in once the pages are known.
struct PageReference {
    var destination: String
    /// Right edge the number aligns to, and the baseline.
    var rightX: Double
    var baseline: Double
    var style: TextStyle
    /// Where the dot leaders start.
    var leaderStart: Double
    var leaderColor: Color
    /// The entry's structure elements: the number is read as part of its link.
    var structure: [StructureElement] = []
    /// Where the number goes among the page's items (after the entry's last line, so that
    /// the entry is read in one piece); set when the page is put together.
    var itemIndex = 0

    func offsetBy(dx: Double, dy: Double) -> PageReference {
        var moved = self
        moved.rightX += dx
        moved.leaderStart += dx
        moved.baseline += dy
        return moved
    }
}

/// A laid-out line of a paragraph before it becomes a fragment.
struct LaidLine {
    var height: Double
    var spaceBefore: Double
    var items: [PageItem]
    /// Baseline from the line's top, and the line's left end and width (for markers, leaders).
    var baseline: Double
    var x: Double
    var width: Double
}
