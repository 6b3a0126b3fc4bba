import Testing
import ReportStyle
@testable import ReportLayout
import ReportTestSupport

/// Tables that balance their columns move width to the column whose text wraps most, and
/// never squeeze a column below its longest word; names marked unbreakable stay whole.
@Suite("Column balancing and unbreakable names")
struct TableBalancingTests {
    typealias F = LayoutFixtures

    let layout = ParagraphLayout(shaper: FakeShaper(), justify: false, cjkLatinSpacing: false, gapEm: 0)

    func cell(_ text: String) -> TableCell {
        TableCell(paragraphs: [Paragraph(RichText(text, F.text), ParagraphStyle(alignment: .left, lineHeight: 12))])
    }

    /// Column one wraps a lot; column two holds a dash or one long word (`infrastructure`).
    func table(balanced: Bool) -> Table {
        let rows = (0..<30).map { index in
            TableRow(cells: [cell(F.chinese(40 + index % 5)), cell(index == 7 ? "infrastructure" : "—")])
        }
        return Table(columns: [.flexible(1), .flexible(1)], header: [TableRow(cells: [cell("主題"), cell("數字")])], rows: rows,
                     style: TableStyle(paddingX: 2, paddingY: 2, rowRule: nil, ruleWidth: 0, headerRule: nil), balancesColumns: balanced)
    }

    func height(_ table: Table) -> Double {
        TableLayout(paragraphs: layout).fragments(table, width: 300, columnHeight: 10_000).reduce(0) { $0 + $1.height }
    }

    @Test func widthGoesToTheColumnThatWrapsAndTheTableGetsShorter() {
        let even = TableLayout(paragraphs: layout).columnWidths(table(balanced: true), width: 300)
        let balanced = TableLayout(paragraphs: layout).balancedWidths(table(balanced: true), width: 300)
        #expect(even == [150, 150])
        #expect(balanced[0] > 170, "the wrapping column is widened: \(balanced)")
        #expect(abs(balanced.reduce(0, +) - 300) < 0.001)
        #expect(height(table(balanced: true)) < height(table(balanced: false)) * 0.8)
    }

    @Test func noColumnIsSqueezedBelowItsLongestWord() {
        let balanced = TableLayout(paragraphs: layout).balancedWidths(table(balanced: true), width: 300)
        // "infrastructure": 14 Latin letters of half an em at 10 pt, plus the padding.
        #expect(balanced[1] >= 14 * 5 + 4)
        let fragments = TableLayout(paragraphs: layout).fragments(table(balanced: true), width: 300, columnHeight: 10_000)
        let texts = fragments.flatMap(\.items).compactMap { item -> String? in if case let .text(line) = item { line.text } else { nil } }
        #expect(texts.contains("infrastructure"), "the word is set whole")
    }

    @Test func anUnbreakableSpanIsNeverCutWhileTheTextAroundItWraps() {
        // 9 em of room: `副市長 黃珊珊` would otherwise break inside the name.
        let text = RichText([TextSpan("副市長副市長副市長", F.text), TextSpan("黃珊珊", F.text, unbreakable: true), TextSpan("出席會議", F.text)])
        let lines = layout.lines(Paragraph(text, ParagraphStyle(alignment: .left, lineHeight: 12)), width: 100)
            .compactMap { line -> String? in if case let .text(text)? = line.items.first { text.text } else { nil } }
        #expect(lines.contains { $0.contains("黃珊珊") }, "\(lines)")
        #expect(lines.joined() == "副市長副市長副市長黃珊珊出席會議")
        #expect(layout.longestUnbreakableWidth(Paragraph(text, ParagraphStyle(alignment: .left, lineHeight: 12))) == 30)
    }
}
