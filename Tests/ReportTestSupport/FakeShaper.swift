import ReportLayout

/// A shaper with fixed metrics: a Chinese character (or full-width punctuation) is one
/// em wide, anything else half an em. One cluster and one glyph per character.
public final class FakeShaper: TextShaper, @unchecked Sendable {
    public private(set) var shapedCount = 0

    public init() {}

    public func hasFamily(_ family: String) -> Bool { true }

    public func shape(_ text: RichText, cjkLatinSpacing: Bool) -> ShapedText {
        shapedCount += 1
        var utf8: [UInt8] = []
        var starts: [Int] = []
        var clusters: [ShapedCluster] = []
        var glyphs: [ShapedGlyph] = []
        for (spanIndex, span) in text.spans.enumerated() {
            starts.append(utf8.count)
            for scalar in span.text.unicodeScalars {
                let start = utf8.count
                utf8.append(contentsOf: String(scalar).utf8)
                let advance = Float(span.style.font.size * (CharacterClass.isWide(scalar) ? 1 : 0.5))
                glyphs.append(ShapedGlyph(id: scalar.value, advance: advance))
                clusters.append(ShapedCluster(utf8: start..<utf8.count, glyphs: glyphs.count - 1..<glyphs.count, advance: advance,
                                              font: 0, span: Int32(spanIndex), first: scalar, last: scalar))
            }
        }
        return ShapedText(utf8: utf8, spans: text.spans, spanStarts: starts, clusters: clusters, glyphs: glyphs, missingCharacters: [],
                          cjkLatinSpacing: cjkLatinSpacing)
    }
}
