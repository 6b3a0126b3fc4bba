import Testing
import ReportStyle
@testable import ReportLayout

/// A page run should not end on a page that holds a line or two: condensable content takes
/// a shorter form when that saves the page, and a table's closing note keeps its last row.
@Suite("Short last pages")
struct CondensingTests {
    typealias F = LayoutFixtures

    /// One line of body text: 17 pt high, 6 pt above it unless it starts a page.
    func line(_ text: String) -> Block { F.paragraph(text) }

    /// A first line, then space that leaves `room` points at the foot of the page.
    func filler(leaving room: Double) -> [Block] {
        [line("開頭"), .space(F.style.contentHeight - 17 - room)]
    }

    func pageTexts(_ blocks: [Block]) throws -> [[String]] {
        try F.layout([Section(blocks: blocks, pageFurniture: nil)]).pages.map { $0.textLines.map(\.text) }
    }

    @Test func aLineThatWouldStandAloneOnALastPageIsSavedByTheFirstShorterFormThatFits() throws {
        // 30 pt left: one line fits (17 pt after the space), two do not.
        let full: [Block] = [line("完整甲"), line("完整乙")]
        let pages = try pageTexts(filler(leaving: 30) + [.condensable(Condensable([full, [line("精簡一")], [line("最短")]]))])
        #expect(pages == [["開頭", "精簡一"]], "the second form, the first that saves the page: \(pages)")

        // Without the condensable the same content spills its last line.
        let spilled = try pageTexts(filler(leaving: 30) + full)
        #expect(spilled == [["開頭", "完整甲"], ["完整乙"]])
    }

    @Test func theFullFormStaysWhenTheLastPageIsWellFilledOrNoFormSavesIt() throws {
        // The spill fills more than a third of the next page: that page is worth its paper.
        let long = (0..<20).map { line("長 \($0)") }
        let pages = try pageTexts(filler(leaving: 30) + [.condensable(Condensable([long, [line("精簡")]]))])
        #expect(pages.count == 2)
        #expect(pages.flatMap { $0 }.contains("長 19") && !pages.flatMap { $0 }.contains("精簡"))

        // A shorter form that still needs the second page is not taken: the full one reads better.
        let full: [Block] = [line("完整甲"), line("完整乙")]
        let notShorter: [Block] = [line("短甲"), line("短乙"), line("短丙")]
        let kept = try pageTexts(filler(leaving: 30) + [.condensable(Condensable([full, notShorter]))])
        #expect(kept == [["開頭", "完整甲"], ["完整乙"]])
    }

    @Test func eachForcedPageRunIsJudgedOnItsOwn() throws {
        // Two speakers' worth: only the one that spills takes its shorter form.
        let first = filler(leaving: 30) + [.condensable(Condensable([[line("甲完整一"), line("甲完整二")], [line("甲精簡")]]))]
        let second = [line("乙開頭"), .condensable(Condensable([[line("乙完整")], [line("乙精簡")]]))]
        let pages = try pageTexts(first + [.pageBreak] + second)
        #expect(pages == [["開頭", "甲精簡"], ["乙開頭", "乙完整"]])
    }

    @Test func aCondensableInsideAPanelIsChosenToo() throws {
        let panel = Box(blocks: [.condensable(Condensable([[line("完整甲"), line("完整乙")], [line("精簡")]]))], fill: .black, padding: 0)
        #expect(try pageTexts(filler(leaving: 30) + [.box(panel)]) == [["開頭", "精簡"]])
    }

    @Test func aTableThatKeepsWithNextTakesItsLastRowAlongWithTheClosingNote() throws {
        func cell(_ text: String) -> TableCell { TableCell(paragraphs: [Paragraph(RichText(text, F.text), ParagraphStyle(alignment: .left, lineHeight: 17))]) }
        let rows = (0..<3).map { TableRow(cells: [cell("列 \($0)")]) }
        let style = TableStyle(paddingX: 0, paddingY: 0, rowRule: nil, ruleWidth: 0, headerRule: nil)
        // Room for the three rows (51 pt) but not for the note after them.
        let room = 17.0 * 3 + 10
        func layout(keeping: Bool) throws -> [[String]] {
            try pageTexts(filler(leaving: room) + [
                .table(Table(columns: [.flexible(1)], header: [], rows: rows, style: style, keepWithNext: keeping)),
                line("資料來源"),
            ])
        }
        #expect(try layout(keeping: false) == [["開頭", "列 0", "列 1", "列 2"], ["資料來源"]])
        #expect(try layout(keeping: true) == [["開頭", "列 0", "列 1"], ["列 2", "資料來源"]])
    }
}
