import ReportLayout
import ReportStyle

/// The text and paragraph styles of the brief, derived once from the style sheet so that
/// every part of the brief uses the same few, consistent styles.
struct BriefTypography {
    let sheet: StyleSheet

    init(_ sheet: StyleSheet) { self.sheet = sheet }

    private var colors: StyleSheet.Colors { sheet.colors }
    private var sizes: StyleSheet.Sizes { sheet.sizes }

    func text(_ size: Double, bold: Bool = false, color: Color? = nil, heading: Bool = false) -> TextStyle {
        TextStyle(font: FontSpec(family: heading ? sheet.fonts.headingFamily : sheet.fonts.family, bold: bold, size: size),
                  color: color ?? colors.text)
    }

    var body: TextStyle { text(sizes.body) }
    var bodyBold: TextStyle { text(sizes.body, bold: true) }
    var bodyMuted: TextStyle { text(sizes.body, color: colors.muted) }
    var small: TextStyle { text(sizes.small) }
    var smallMuted: TextStyle { text(sizes.small, color: colors.muted) }
    var table: TextStyle { text(sizes.table) }
    var tableBold: TextStyle { text(sizes.table, bold: true) }
    var tableMuted: TextStyle { text(smaller(sizes.table), color: colors.muted) }
    var tableHeader: TextStyle { text(sizes.table, bold: true, color: colors.onAccent) }
    var h1: TextStyle { text(sizes.h1, bold: true, color: colors.accent, heading: true) }
    var h2: TextStyle { text(sizes.h2, bold: true, heading: true) }
    var h3: TextStyle { text(sizes.h3, bold: true, color: colors.accent, heading: true) }
    var furniture: TextStyle { text(sizes.header, color: colors.muted) }

    /// Half a point under `size` (a detail under its line), never under the style's minimum.
    func smaller(_ size: Double, by step: Double = 0.5) -> Double { max(sheet.proportions.minimumSize, size - step) }

    func lineHeight(_ size: Double) -> Double { (size * sheet.leading * 10).rounded() / 10 }
    func tightLineHeight(_ size: Double) -> Double { (size * max(1.3, sheet.leading - 0.35) * 10).rounded() / 10 }

    var paragraphGap: Double { sizes.body * sheet.paragraphSpacing }

    var bodyParagraph: ParagraphStyle {
        ParagraphStyle(alignment: .justified, lineHeight: lineHeight(sizes.body), spaceBefore: paragraphGap)
    }

    func heading(_ style: TextStyle, before: Double, after: Double) -> ParagraphStyle {
        ParagraphStyle(alignment: .left, lineHeight: tightLineHeight(style.font.size), spaceBefore: before, spaceAfter: after, keepWithNext: true)
    }

    var h1Paragraph: ParagraphStyle { heading(h1, before: 0, after: sizes.body * 0.9) }
    var h3Paragraph: ParagraphStyle { heading(h3, before: sizes.body * 1.4, after: sizes.body * 0.3) }

    func cell(_ size: Double, alignment: ParagraphStyle.Alignment = .left, before: Double = 0) -> ParagraphStyle {
        ParagraphStyle(alignment: alignment, lineHeight: tightLineHeight(size), spaceBefore: before)
    }

    var tableStyle: TableStyle {
        TableStyle(paddingX: sizes.table * 0.55, paddingY: sizes.table * 0.5, rowRule: colors.rule, ruleWidth: 0.5, headerRule: nil)
    }

    var furnitureRule: Color { colors.rule }
}
