import ReportStyle

/// A piece of a document before layout: what it says and how it should look, but not
/// where it goes. The layout engine turns blocks into positioned page items.
public indirect enum Block: Sendable {
    case paragraph(Paragraph)
    /// A paragraph that is a heading: it never ends a page.
    case heading(Paragraph)
    case list(ListBlock)
    case table(Table)
    /// A panel (fill, left accent bar) around other blocks, kept on one page.
    case box(Box)
    /// Vertical space; dropped at the top of a page.
    case space(Double)
    /// Vertical space that is kept even at the top of a page (the cover's layout).
    case fixedSpace(Double)
    case rule(Rule)
    /// Start a new page.
    case pageBreak
    /// A named destination at this point (a link target).
    case anchor(String)
    /// A contents entry: text, dot leaders and the page number of `destination`.
    case contentsEntry(ContentsEntry)
    /// Content with shorter forms, for when the full one would leave a few lines alone on
    /// a last page (see `Condensable`).
    case condensable(Condensable)
    /// Blocks that form one structure element together (a speaker's section, the contents
    /// list); it changes nothing on the page.
    case group(Group)

    /// Whether it is condensable content or a group holding some.
    var isCondensable: Bool {
        switch self {
        case .condensable: true
        case let .group(group): group.blocks.contains(where: \.isCondensable)
        default: false
        }
    }
}

/// Forms of the same content, fullest first. The layout uses the first, unless the page
/// run it stands in (from one forced page break to the next) would then end on a page that
/// is mostly empty: it takes the first shorter form that saves that page. A reader should
/// not turn a page for a line.
public struct Condensable: Sendable {
    public var forms: [[Block]]

    public init(_ forms: [[Block]]) {
        self.forms = forms
    }
}

/// Blocks read as one element of the given role.
public struct Group: Sendable {
    public var role: StructureRole
    public var blocks: [Block]

    public init(_ role: StructureRole, _ blocks: [Block]) {
        self.role = role
        self.blocks = blocks
    }
}

public struct ParagraphStyle: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable { case left, center, right, justified }

    public var alignment: Alignment
    /// Baseline to baseline, in points.
    public var lineHeight: Double
    public var spaceBefore: Double
    public var spaceAfter: Double
    /// Left and right indents from the column edges.
    public var indent: Double
    public var rightIndent: Double
    public var keepWithNext: Bool
    /// Narrower measure than the column (stacked table headers use one character).
    public var maximumWidth: Double?

    public init(alignment: Alignment = .justified, lineHeight: Double, spaceBefore: Double = 0, spaceAfter: Double = 0,
                indent: Double = 0, rightIndent: Double = 0, keepWithNext: Bool = false, maximumWidth: Double? = nil) {
        self.alignment = alignment
        self.lineHeight = lineHeight
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.indent = indent
        self.rightIndent = rightIndent
        self.keepWithNext = keepWithNext
        self.maximumWidth = maximumWidth
    }
}

extension Paragraph {
    /// The same paragraph read as `role` (a heading's level, a paragraph in a heading's place).
    public func reading(as role: StructureRole) -> Paragraph {
        var paragraph = self
        paragraph.role = role
        return paragraph
    }
}

public struct Paragraph: Sendable {
    public var text: RichText
    public var style: ParagraphStyle
    /// Destination names placed at the paragraph's first line.
    public var anchors: [String]
    /// What the paragraph is to a reader; nil: `P`, or `H1` for a `Block.heading`.
    public var role: StructureRole?
    /// BCP 47 language when it is not the document's.
    public var language: String?

    public init(_ text: RichText, _ style: ParagraphStyle, anchors: [String] = [], role: StructureRole? = nil, language: String? = nil) {
        self.text = text
        self.style = style
        self.anchors = anchors
        self.role = role
        self.language = language
    }
}

/// A numbered or bulleted list with hanging markers.
public struct ListBlock: Sendable {
    public struct Item: Sendable {
        public var marker: String
        public var paragraphs: [Paragraph]
        public init(marker: String, paragraphs: [Paragraph]) {
            self.marker = marker
            self.paragraphs = paragraphs
        }
    }

    public var items: [Item]
    public var markerStyle: TextStyle
    /// Width of the marker column; item text starts at `markerWidth + gap`.
    public var markerWidth: Double
    public var gap: Double

    public init(items: [Item], markerStyle: TextStyle, markerWidth: Double, gap: Double) {
        self.items = items
        self.markerStyle = markerStyle
        self.markerWidth = markerWidth
        self.gap = gap
    }
}

public struct Box: Sendable {
    public var blocks: [Block]
    public var fill: Color?
    /// A bar down the left edge, in this colour.
    public var accent: Color?
    public var padding: Double
    public var spaceBefore: Double
    public var spaceAfter: Double

    public init(blocks: [Block], fill: Color?, accent: Color? = nil, padding: Double, spaceBefore: Double = 0, spaceAfter: Double = 0) {
        self.blocks = blocks
        self.fill = fill
        self.accent = accent
        self.padding = padding
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
    }
}

public struct Rule: Sendable {
    public var color: Color
    public var width: Double
    public var spaceBefore: Double
    public var spaceAfter: Double

    public init(color: Color, width: Double, spaceBefore: Double, spaceAfter: Double) {
        self.color = color
        self.width = width
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
    }
}

public struct ContentsEntry: Sendable {
    public var text: RichText
    public var destination: String
    public var style: ParagraphStyle
    public var numberStyle: TextStyle
    public var leaderColor: Color
    /// A label hanging left of the text, right-aligned against it (a speaker's number); the
    /// style's indent must leave room for it.
    public var label: RichText?

    public init(text: RichText, destination: String, style: ParagraphStyle, numberStyle: TextStyle, leaderColor: Color,
                label: RichText? = nil) {
        self.text = text
        self.destination = destination
        self.style = style
        self.numberStyle = numberStyle
        self.leaderColor = leaderColor
        self.label = label
    }
}
