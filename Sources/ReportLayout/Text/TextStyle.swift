import ReportStyle

/// A font request: family, weight and size. The shaper resolves it to real fonts
/// (with per-character fallback) and reports which ones it used.
public struct FontSpec: Sendable, Hashable {
    public var family: String
    public var bold: Bool
    /// In points.
    public var size: Double

    public init(family: String, bold: Bool = false, size: Double) {
        self.family = family
        self.bold = bold
        self.size = size
    }

    /// Top of the ideographic em box above the baseline; CJK glyphs fill the em box, so
    /// centring it in the line box centres the text.
    public var ascent: Double { size * 0.88 }
    public var descent: Double { size * 0.12 }
}

public struct TextStyle: Sendable, Hashable {
    public var font: FontSpec
    public var color: Color

    public init(font: FontSpec, color: Color) {
        self.font = font
        self.color = color
    }
}

/// A run of text in one style, optionally a link to a named destination.
public struct TextSpan: Sendable, Hashable {
    public var text: String
    public var style: TextStyle
    public var link: String?
    /// No line may break inside the span: a Chinese name (`黃珊珊`) is not cut in two the
    /// way running Chinese text may be.
    public var unbreakable: Bool

    public init(_ text: String, _ style: TextStyle, link: String? = nil, unbreakable: Bool = false) {
        self.text = text
        self.style = style
        self.link = link
        self.unbreakable = unbreakable
    }
}

/// Text with styled spans: the content of a paragraph or a table cell.
public struct RichText: Sendable, Hashable {
    public var spans: [TextSpan]

    public init(_ spans: [TextSpan]) { self.spans = spans }
    public init(_ text: String, _ style: TextStyle, link: String? = nil) { spans = [TextSpan(text, style, link: link)] }

    public var plainText: String { spans.map(\.text).joined() }
    public var isEmpty: Bool { spans.allSatisfy { $0.text.isEmpty } }

    public static func + (left: RichText, right: RichText) -> RichText { RichText(left.spans + right.spans) }
}
