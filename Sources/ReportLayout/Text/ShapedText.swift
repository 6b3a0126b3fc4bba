/// One glyph as the shaper placed it.
public struct ShapedGlyph: Sendable, Hashable {
    /// Glyph index in its font.
    public var id: UInt32
    public var advance: Float
    public var xOffset: Float
    public var yOffset: Float

    public init(id: UInt32, advance: Float, xOffset: Float = 0, yOffset: Float = 0) {
        self.id = id
        self.advance = advance
        self.xOffset = xOffset
        self.yOffset = yOffset
    }
}

/// The smallest unit that lines break between and justification spaces out: one or more
/// characters drawn by one or more glyphs (`é` may be two characters, one glyph).
public struct ShapedCluster: Sendable, Hashable {
    /// UTF-8 byte range in the text.
    public var utf8Start: Int32
    public var utf8End: Int32
    /// Range in the glyph array.
    public var glyphStart: Int32
    public var glyphEnd: Int32
    public var advance: Float
    /// Shaper-defined font handle (the renderer asks the shaper what it is).
    public var font: Int32
    /// Index of the `TextSpan` the cluster belongs to (its colour, link).
    public var span: Int32
    /// First and last character, which decide line breaks and CJK–Latin spacing.
    public var first: Unicode.Scalar
    public var last: Unicode.Scalar

    public init(utf8: Range<Int>, glyphs: Range<Int>, advance: Float, font: Int32, span: Int32, first: Unicode.Scalar, last: Unicode.Scalar) {
        utf8Start = Int32(utf8.lowerBound)
        utf8End = Int32(utf8.upperBound)
        glyphStart = Int32(glyphs.lowerBound)
        glyphEnd = Int32(glyphs.upperBound)
        self.advance = advance
        self.font = font
        self.span = span
        self.first = first
        self.last = last
    }

    public var utf8Range: Range<Int> { Int(utf8Start)..<Int(utf8End) }
    public var glyphRange: Range<Int> { Int(glyphStart)..<Int(glyphEnd) }
}

/// A paragraph shaped once, on one long line, by the shaper: glyphs, clusters and the
/// rules between clusters. Lines are ranges of its clusters; the same object is measured
/// by the layout and painted by the renderer, so nothing is shaped twice.
public final class ShapedText: Sendable {
    public let utf8: [UInt8]
    public let spans: [TextSpan]
    /// UTF-8 start offset of each span in `utf8`.
    public let spanStarts: [Int]
    public let clusters: [ShapedCluster]
    public let glyphs: [ShapedGlyph]
    /// Characters the fonts had no glyph for (drawn as boxes): a defect the run reports.
    public let missingCharacters: [Unicode.Scalar]
    /// Rules between cluster i-1 and i, computed once from the characters.
    public let joins: [ClusterJoin]

    public init(utf8: [UInt8], spans: [TextSpan], spanStarts: [Int], clusters: [ShapedCluster], glyphs: [ShapedGlyph],
                missingCharacters: [Unicode.Scalar], cjkLatinSpacing: Bool) {
        self.utf8 = utf8
        self.spans = spans
        self.spanStarts = spanStarts
        self.clusters = clusters
        self.glyphs = glyphs
        self.missingCharacters = missingCharacters
        var joins: [ClusterJoin] = []
        joins.reserveCapacity(clusters.count)
        var previous: ShapedCluster?
        for cluster in clusters {
            joins.append(ClusterJoin(previous?.last, cluster.first, cjkLatinSpacing: cjkLatinSpacing))
            previous = cluster
        }
        // A single space between a Chinese character and a Latin word becomes the gap itself.
        if cjkLatinSpacing, clusters.count >= 3 {
            for index in 1..<(clusters.count - 1) where clusters[index].first == " " && clusters[index].last == " " {
                let before = clusters[index - 1].last, after = clusters[index + 1].first
                if CharacterClass.isIdeographLetter(before) && CharacterClass.isLatinWord(after)
                    || CharacterClass.isLatinWord(before) && CharacterClass.isIdeographLetter(after) {
                    joins[index].spaceIsGap = true
                }
            }
        }
        // Inside an unbreakable span no join is a break.
        if spans.contains(where: \.unbreakable), clusters.count > 1 {
            for index in 1..<clusters.count where clusters[index].span == clusters[index - 1].span && spans[Int(clusters[index].span)].unbreakable {
                joins[index].breakAllowed = false
            }
        }
        self.joins = joins
    }

    public func text(of range: Range<Int>) -> String {
        guard let first = range.first, range.upperBound <= clusters.count, !range.isEmpty else { return "" }
        let bytes = utf8[Int(clusters[first].utf8Start)..<Int(clusters[range.upperBound - 1].utf8End)]
        return String(decoding: bytes, as: UTF8.self)
    }

    public var text: String { String(decoding: utf8, as: UTF8.self) }

    public func style(of cluster: Int) -> TextStyle { spans[Int(clusters[cluster].span)].style }

    /// A space that may end a line, where it hangs (not counted in the line's width).
    public func isSpace(_ cluster: Int) -> Bool {
        CharacterClass.isBreakingSpace(clusters[cluster].first) && CharacterClass.isBreakingSpace(clusters[cluster].last)
    }
}
