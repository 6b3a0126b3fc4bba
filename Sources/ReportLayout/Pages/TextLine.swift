/// One line of shaped text, placed on a page.
public struct TextLine: Sendable {
    public enum Rotation: Sendable, Hashable {
        case none
        /// Turned a quarter to the left, reading upwards (column headers of the heatmap).
        case counterClockwise
    }

    public var shaped: ShapedText
    public var clusters: Range<Int>
    /// Start of the baseline.
    public var origin: Point
    public var rotation: Rotation
    /// Extra space per stretch unit (justification).
    public var stretch: Double
    /// CJK–Latin gap in em.
    public var gapEm: Double
    /// Set width (natural width plus stretch).
    public var width: Double
    public var ascent: Double
    public var descent: Double
    /// The structure elements the line belongs to, outermost first (document, section,
    /// table, row, cell…); empty for page furniture, which the PDF marks as an artifact.
    public var structure: [StructureElement]

    public init(shaped: ShapedText, clusters: Range<Int>, origin: Point, rotation: Rotation = .none, stretch: Double, gapEm: Double,
                width: Double, ascent: Double, descent: Double, structure: [StructureElement] = []) {
        self.shaped = shaped
        self.clusters = clusters
        self.origin = origin
        self.rotation = rotation
        self.stretch = stretch
        self.gapEm = gapEm
        self.width = width
        self.ascent = ascent
        self.descent = descent
        self.structure = structure
    }

    /// The characters of the line, as a reader would copy them.
    public var text: String { shaped.text(of: clusters) }

    /// Where each cluster starts, from the line's origin.
    public var offsets: [Double] { LineBreaker.offsets(of: clusters, in: shaped, gapEm: gapEm, stretch: stretch) }

    /// The area the glyphs occupy (em box height), for overlap and bounds checks.
    public var bounds: Rect {
        switch rotation {
        case .none:
            return Rect(x: origin.x, y: origin.y - ascent, width: width, height: ascent + descent)
        case .counterClockwise:
            return Rect(x: origin.x - ascent, y: origin.y - width, width: ascent + descent, height: width)
        }
    }

    func offsetBy(dx: Double, dy: Double) -> TextLine {
        var line = self
        line.origin = Point(x: origin.x + dx, y: origin.y + dy)
        return line
    }
}
