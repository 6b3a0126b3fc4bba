import ReportStyle

/// A table whose header row(s) repeat on every page it spans and whose rows break
/// between pages (a row taller than a page is split, its cells continued).
public struct Table: Sendable {
    public enum ColumnWidth: Sendable, Hashable {
        case fixed(Double)
        /// A share of the width left after fixed columns.
        case flexible(Double)
    }

    public var columns: [ColumnWidth]
    public var header: [TableRow]
    public var rows: [TableRow]
    public var style: TableStyle
    public var spaceBefore: Double
    public var spaceAfter: Double
    /// The last row goes to a new page with what follows (a closing note never stands alone).
    public var keepWithNext: Bool
    /// The flexible columns' weights are only a start: width moves between them while that
    /// makes the table shorter, as a typesetter widens the column whose text wraps most
    /// (English theme names) at the expense of one that is mostly short (`—`).
    public var balancesColumns: Bool
    /// What the table is to a reader who cannot see it.
    public var structure: Structure

    /// A data table is read as one (`Table`, `TR`, `TH`, `TD`); cells set side by side only
    /// for the look (a legend, a grid of names, two columns of figures) are read as paragraphs.
    public enum Structure: Sendable, Hashable {
        /// Header rows head their columns; with `rowHeaders`, each body row's first cell heads its row.
        case data(rowHeaders: Bool)
        case layout
    }

    public init(columns: [ColumnWidth], header: [TableRow], rows: [TableRow], style: TableStyle, spaceBefore: Double = 0,
                spaceAfter: Double = 0, keepWithNext: Bool = false, balancesColumns: Bool = false,
                structure: Structure = .data(rowHeaders: false)) {
        self.columns = columns
        self.header = header
        self.rows = rows
        self.style = style
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.keepWithNext = keepWithNext
        self.balancesColumns = balancesColumns
        self.structure = structure
    }
}

public struct TableRow: Sendable {
    public var cells: [TableCell]
    public var fill: Color?
    /// Destinations at the row's top (a speaker's place in the comparison table).
    public var anchors: [String]

    public init(cells: [TableCell], fill: Color? = nil, anchors: [String] = []) {
        self.cells = cells
        self.fill = fill
        self.anchors = anchors
    }
}

public struct TableCell: Sendable {
    public enum VerticalAlignment: Sendable, Hashable { case top, middle, bottom }

    public var paragraphs: [Paragraph]
    public var fill: Color?
    /// An outline around the cell (a legend swatch as light as the page).
    public var stroke: Color?
    /// Clicking anywhere in the cell goes here.
    public var link: String?
    public var verticalAlignment: VerticalAlignment
    /// Text turned a quarter to the left (tall narrow column headers).
    public var rotated: Bool

    public init(paragraphs: [Paragraph], fill: Color? = nil, stroke: Color? = nil, link: String? = nil,
                verticalAlignment: VerticalAlignment = .top, rotated: Bool = false) {
        self.paragraphs = paragraphs
        self.fill = fill
        self.stroke = stroke
        self.link = link
        self.verticalAlignment = verticalAlignment
        self.rotated = rotated
    }
}

public struct TableStyle: Sendable, Hashable {
    public var paddingX: Double
    public var paddingY: Double
    /// Lines between rows (nil: none).
    public var rowRule: Color?
    public var ruleWidth: Double
    /// A heavier line under the header.
    public var headerRule: Color?
    /// White gaps between cells (heatmap): drawn as a grid of this width.
    public var cellGap: Double

    public init(paddingX: Double, paddingY: Double, rowRule: Color?, ruleWidth: Double, headerRule: Color?, cellGap: Double = 0) {
        self.paddingX = paddingX
        self.paddingY = paddingY
        self.rowRule = rowRule
        self.ruleWidth = ruleWidth
        self.headerRule = headerRule
        self.cellGap = cellGap
    }
}
