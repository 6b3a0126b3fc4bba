/// How the brief looks: paper, margins, type, colours and the heatmap scale.
///
/// Loaded from `Styles/*.yaml`; every key is optional and falls back to the style it
/// `extends` (or to `StyleSheet.standard`), so a style sheet only says what differs.
public struct StyleSheet: Sendable, Hashable {
    public var name: String
    public var paper: Paper
    public var margins: Margins
    /// Distance from the page edge that printers can reach; nothing may be drawn closer.
    public var printableInset: Double
    public var fonts: Fonts
    public var sizes: Sizes
    /// Line height as a multiple of the font size (CJK text wants more than Latin).
    public var leading: Double
    /// Space between paragraphs, in multiples of the body size.
    public var paragraphSpacing: Double
    public var colors: Colors
    public var heatmap: HeatmapScale
    public var typography: Typography
    public var proportions: Proportions
    /// The style sheet files this style was read from (the sheet and every sheet it extends),
    /// so that a run can refuse to write its output over one of them.
    public var sourceFiles: [String] = []

    public struct Paper: Sendable, Hashable {
        public var name: String
        /// In points (1/72 in).
        public var width: Double
        public var height: Double

        public static let a4 = Paper(name: "a4", width: 595.2756, height: 841.8898)
        public static let letter = Paper(name: "letter", width: 612, height: 792)
    }

    public struct Margins: Sendable, Hashable {
        public var top: Double
        public var bottom: Double
        public var left: Double
        public var right: Double
    }

    public struct Fonts: Sendable, Hashable {
        /// Family for all text; Pango falls back per character for what it lacks (ř, ž).
        public var family: String
        public var headingFamily: String
        /// The Debian package that provides the family, named in the error when it is missing.
        public var package: String
    }

    public struct Sizes: Sendable, Hashable {
        public var body: Double
        public var small: Double
        public var table: Double
        public var heatmap: Double
        public var header: Double
        public var title: Double
        public var h1: Double
        public var h2: Double
        public var h3: Double
    }

    public struct Colors: Sendable, Hashable {
        public var text: Color
        public var muted: Color
        public var accent: Color
        /// Text on an accent fill (cover band, table header).
        public var onAccent: Color
        public var rule: Color
        public var zebra: Color
        public var panel: Color
        public var link: Color
    }

    /// A sequential scale for the heatmap: `colors[0]` for a score of 0, `colors[k]` for
    /// scores from `thresholds[k-1]` up to the next threshold.
    public struct HeatmapScale: Sendable, Hashable {
        public var thresholds: [Int]
        public var colors: [Color]
        public var darkText: Color
        public var lightText: Color

        public func bin(for value: Int) -> Int {
            var bin = 0
            for (index, threshold) in thresholds.enumerated() where value >= threshold { bin = index + 1 }
            return bin
        }

        public func color(for value: Int) -> Color { colors[min(bin(for: value), colors.count - 1)] }

        /// Dark or light text, whichever reads better on the cell.
        public func textColor(on fill: Color) -> Color {
            fill.contrast(with: darkText) >= fill.contrast(with: lightText) ? darkText : lightText
        }

        /// Labels for the legend: `0`, `1`, `2`, `3–4`, `5–7`, `≥ 8`.
        public var labels: [String] {
            var labels = [thresholds.first.map { $0 > 1 ? "0–\($0 - 1)" : "0" } ?? "0"]
            for (index, threshold) in thresholds.enumerated() {
                if index + 1 < thresholds.count {
                    let upper = thresholds[index + 1] - 1
                    labels.append(upper > threshold ? "\(threshold)–\(upper)" : "\(threshold)")
                } else {
                    labels.append("≥ \(threshold)")
                }
            }
            return labels
        }
    }

    public struct Typography: Sendable, Hashable {
        /// Flush both edges of body text, spreading the slack over every character gap.
        public var justify: Bool
        /// A fixed gap between Chinese and Latin letters or digits (`8% 是`, `ICT 裡面`).
        public var cjkLatinSpacing: Bool
        /// That gap, in em.
        public var cjkLatinGap: Double
    }

    /// The measures of the brief's parts that are not type sizes: the running header's split,
    /// the contents' leaders, panels, the heatmap's cells, the comparison table's columns,
    /// the cover. In ems of the type they go with unless said otherwise, so that a larger
    /// style grows them with its type.
    public struct Proportions: Sendable, Hashable {
        /// No text is set smaller than this, in points (table details, contents entries).
        public var minimumSize: Double
        /// The running header's left and right parts, as shares of the column's width.
        public var headerLeftShare: Double
        public var headerRightShare: Double
        /// Contents: from one leader dot to the next, the dots' radius, and the column the
        /// page numbers are set in (ems of the number type).
        public var leaderPitch: Double
        public var leaderDotRadius: Double
        public var contentsNumberColumn: Double
        /// The bar down a panel's left edge, in points.
        public var panelAccent: Double
        /// The column a numbered point's number hangs in, and the gap after it (ems of body).
        public var listMarkerColumn: Double
        public var listMarkerGap: Double
        /// Heatmap: the place column; stacked Chinese column labels' line height and measure;
        /// the white gap between cells, in points.
        public var heatmapPlaceColumn: Double
        public var heatmapStackedLine: Double
        public var heatmapStackedWidth: Double
        public var heatmapCellGap: Double
        /// Comparison table: the weights of the place, speakers, themes and figures columns.
        public var comparisonColumns: [Double]
        /// Cover: the label column (ems of the label type) and the space above the title band
        /// (in title sizes).
        public var coverLabelColumn: Double
        public var coverTopSpace: Double
    }

    public var contentWidth: Double { paper.width - margins.left - margins.right }
    public var contentHeight: Double { paper.height - margins.top - margins.bottom }

    /// The built-in style: what `Styles/default.yaml` spells out.
    public static let standard = StyleSheet(
        name: "default",
        paper: .a4,
        margins: Margins(top: 68, bottom: 62, left: 57, right: 57),
        printableInset: 14.17,
        fonts: Fonts(family: "Noto Sans CJK TC", headingFamily: "Noto Sans CJK TC", package: "fonts-noto-cjk"),
        sizes: Sizes(body: 10.5, small: 8.5, table: 9, heatmap: 8.5, header: 8, title: 28, h1: 18, h2: 14, h3: 11),
        leading: 1.7,
        paragraphSpacing: 0.6,
        colors: Colors(text: Color(rgb: 0x1B1F24), muted: Color(rgb: 0x5B6570), accent: Color(rgb: 0x1F4E79),
                       onAccent: .white, rule: Color(rgb: 0xC5CDD6), zebra: Color(rgb: 0xF2F5F8),
                       panel: Color(rgb: 0xEAF0F6), link: Color(rgb: 0x1F4E79)),
        heatmap: HeatmapScale(thresholds: [1, 2, 3, 5, 8],
                              colors: [0xF7F7F7, 0xEDF8B1, 0xC7E9B4, 0x7FCDBB, 0x2C7FB8, 0x253494].map { Color(rgb: $0) },
                              darkText: Color(rgb: 0x1B1F24), lightText: .white),
        typography: Typography(justify: true, cjkLatinSpacing: true, cjkLatinGap: 0.25),
        proportions: Proportions(minimumSize: 8, headerLeftShare: 0.62, headerRightShare: 0.36, leaderPitch: 0.55, leaderDotRadius: 0.055,
                                 contentsNumberColumn: 3, panelAccent: 3, listMarkerColumn: 1.5, listMarkerGap: 0.5,
                                 heatmapPlaceColumn: 10.5, heatmapStackedLine: 1.18, heatmapStackedWidth: 1.45, heatmapCellGap: 1.5,
                                 comparisonColumns: [1.1, 1.3, 1.3, 1.85], coverLabelColumn: 7, coverTopSpace: 3)
    )
}
