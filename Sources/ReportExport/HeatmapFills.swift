/// The heatmap sheet's colours: the brief's scale, handed over as plain RGB values so that
/// ReportExport needs no style sheet (ReportKit builds it from `StyleSheet.heatmap`).
public struct HeatmapFills: Sendable {
    /// A fill and the text colour that reads on it, `0xRRGGBB`.
    public struct Swatch: Sendable, Hashable {
        public var fill: UInt32
        public var ink: UInt32

        public init(fill: UInt32, ink: UInt32) {
            self.fill = fill
            self.ink = ink
        }
    }

    /// The legend's heading, e.g. `色階（關鍵字出現次數） Scale (keyword matches)`.
    public var legendTitle: String
    /// The legend's entries in scale order: label (`3–4`) and swatch.
    public var legend: [(label: String, swatch: Swatch)]
    /// The swatch of a cell holding `value` matches.
    public var swatch: @Sendable (Int) -> Swatch

    public init(legendTitle: String, legend: [(label: String, swatch: Swatch)], swatch: @escaping @Sendable (Int) -> Swatch) {
        self.legendTitle = legendTitle
        self.legend = legend
        self.swatch = swatch
    }
}
