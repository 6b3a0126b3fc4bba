import Testing
import ReportStyle
@testable import ReportLayout
import ReportTestSupport

@Suite("Pagination")
struct PaginationTests {
    typealias F = LayoutFixtures

    /// The y of each line of text on each page, with its text.
    func lines(_ document: LaidOutDocument) -> [[(y: Double, text: String)]] {
        document.pages.map { page in page.textLines.map { ($0.origin.y, $0.text) } }
    }

    @Test func paragraphsFlowLineByLineWithoutOrphansOrWidows() throws {
        // Enough paragraphs of 3 to 6 lines that page breaks fall inside many of them.
        var blocks: [Block] = []
        for index in 0..<40 { blocks.append(F.paragraph("\(index)" + F.chinese(130 + (index % 4) * 45))) }
        let document = try F.layout([Section(blocks: blocks, pageFurniture: nil)])
        #expect(document.pages.count > 3)
        // Group each page's lines by the paragraph they belong to (shared ShapedText).
        var linesPerParagraphPerPage: [ObjectIdentifier: [Int]] = [:]
        for (index, page) in document.pages.enumerated() {
            for line in page.textLines { linesPerParagraphPerPage[ObjectIdentifier(line.shaped), default: []].append(index) }
        }
        var splitParagraphs = 0
        for pages in linesPerParagraphPerPage.values {
            let counts = Dictionary(grouping: pages, by: { $0 }).mapValues(\.count)
            if counts.count > 1 {
                splitParagraphs += 1
                for count in counts.values { #expect(count >= 2, "a page holds a single orphan or widow line") }
            }
        }
        #expect(splitParagraphs > 0, "the test must actually split paragraphs")
    }

    @Test func aHeadingNeverEndsAPage() throws {
        var blocks: [Block] = []
        for index in 0..<30 {
            blocks.append(F.heading("標題 \(index)"))
            blocks.append(F.paragraph(F.chinese(90 + index * 7)))
        }
        let document = try F.layout([Section(blocks: blocks, pageFurniture: nil)])
        for page in document.pages {
            let last = page.textLines.max { $0.origin.y < $1.origin.y }
            #expect(last?.text.hasPrefix("標題") == false, "page ends with heading \(last?.text ?? "")")
        }
    }

    @Test func aListMarkerSitsOnItsItemsFirstLine() throws {
        let items = (1...40).map { ListBlock.Item(marker: "\($0).", paragraphs: [Paragraph(RichText(F.chinese(70), F.text), F.body)]) }
        let list = ListBlock(items: items, markerStyle: F.bold, markerWidth: 15, gap: 5)
        let document = try F.layout([Section(blocks: [.list(list)], pageFurniture: nil)])
        var markers = 0
        for page in document.pages {
            for marker in page.textLines where marker.text.hasSuffix(".") && marker.text.count <= 3 {
                markers += 1
                let sameBaseline = page.textLines.filter { $0.origin.y == marker.origin.y && $0.text != marker.text }
                #expect(sameBaseline.count == 1, "marker \(marker.text) has no first line beside it")
                // The item's text hangs at the marker column plus the gap.
                #expect(sameBaseline.first?.origin.x == LayoutFixtures.style.margins.left + 15 + 5)
                #expect(marker.origin.x + marker.width <= LayoutFixtures.style.margins.left + 15 + 0.01, "marker right-aligned in its column")
            }
        }
        #expect(markers == 40)
    }

    @Test func tablesRepeatTheirHeaderAndSplitRowsTallerThanAPage() throws {
        func cell(_ text: String) -> TableCell { TableCell(paragraphs: [Paragraph(RichText(text, F.text), F.body)]) }
        var rows = (0..<60).map { TableRow(cells: [cell("列 \($0)"), cell(F.chinese(20))]) }
        rows.insert(TableRow(cells: [cell("長列"), cell(F.chinese(2200))]), at: 30)
        let table = Table(columns: [.fixed(80), .flexible(1)], header: [TableRow(cells: [cell("表頭甲"), cell("表頭乙")])], rows: rows,
                          style: TableStyle(paddingX: 4, paddingY: 3, rowRule: .black, ruleWidth: 0.5, headerRule: .black))
        let document = try F.layout([Section(blocks: [.table(table)], pageFurniture: nil)])
        #expect(document.pages.count >= 4)
        for page in document.pages {
            let top = page.textLines.min { $0.origin.y < $1.origin.y }
            #expect(top?.text == "表頭甲", "every page starts with the header")
        }
        // The tall row's text (the paragraph with the most characters) is spread over more than one page.
        let lines = document.pages.enumerated().flatMap { index, page in page.textLines.map { (index, $0) } }
        let longest = lines.max { $0.1.shaped.clusters.count < $1.1.shaped.clusters.count }.map { ObjectIdentifier($0.1.shaped) }
        let longPages = Set(lines.filter { ObjectIdentifier($0.1.shaped) == longest }.map(\.0))
        #expect(longPages.count >= 2)
        let all = document.pages.flatMap { $0.textLines.map(\.text) }
        #expect(all.filter { $0.hasPrefix("列 ") }.count == 60, "no row lost")
    }

    @Test func nothingIsDrawnOutsideThePrintableAreaOrOnTopOfOtherText() throws {
        var blocks: [Block] = [F.heading("開始")]
        for index in 0..<25 { blocks.append(F.paragraph(F.chinese(50 + index * 11))) }
        let document = try F.layout([Section(blocks: blocks, pageFurniture: F.furniture)])
        let checker = LayoutChecker(printableArea: Rect(x: 14.17, y: 14.17, width: 595.28 - 28.34, height: 841.89 - 28.34))
        #expect(checker.outOfBounds(document).isEmpty)
        #expect(checker.overlappingText(document).isEmpty)
    }

    @Test func theEngineRefusesContentOutsideThePrintableArea() {
        var style = LayoutFixtures.style
        style.printableInset = 60   // bigger than the margins: the header cannot fit
        #expect(throws: LayoutError.self) {
            try F.layout([Section(blocks: [F.paragraph("內容")], pageFurniture: F.furniture)], style: style)
        }
    }

    @Test func contentsNumbersAndFootersComeFromTheSecondPass() throws {
        let entry = { (text: String, destination: String) in
            Block.contentsEntry(ContentsEntry(text: RichText(text, F.text), destination: destination,
                                              style: ParagraphStyle(alignment: .left, lineHeight: 14), numberStyle: F.text, leaderColor: .black))
        }
        let contents = Section(blocks: [entry("第一節", "one"), entry("第二節", "two")], pageFurniture: F.furniture)
        let first = Section(blocks: [.anchor("one")] + (0..<60).map { _ in F.paragraph(F.chinese(80)) }, pageFurniture: F.furniture)
        let second = Section(blocks: [.anchor("two"), F.paragraph("結束")], pageFurniture: F.furniture)
        let document = try F.layout([contents, first, second])
        let total = document.pages.count
        guard let twoPage = document.destinations["two"]?.page else { Issue.record("no destination"); return }
        #expect(document.destinations["one"]?.page == 1)
        let contentsTexts = document.pages[0].textLines.map(\.text)
        #expect(contentsTexts.contains("2"))
        #expect(contentsTexts.contains(String(twoPage + 1)))
        #expect(document.pages[0].items.contains { if case .leader = $0 { return true } else { return false } })
        for (index, page) in document.pages.enumerated() {
            #expect(page.textLines.contains { $0.text == "第 \(index + 1) 頁，共 \(total) 頁" })
        }
        let links = document.pages[0].items.compactMap { if case let .link(_, destination) = $0 { return destination } else { return nil } }
        #expect(Set(links) == ["one", "two"])
    }

    @Test func eachParagraphIsShapedOnce() throws {
        let shaper = FakeShaper()
        let blocks = (0..<10).map { _ in F.paragraph(F.chinese(300)) }
        let metadata = DocumentMetadata(title: "", subject: "", keywords: [], author: "", creator: "", date: "", language: "")
        _ = try LayoutEngine(style: F.style, shaper: shaper).layout(Document(sections: [Section(blocks: blocks, pageFurniture: nil)],
                                                                               outline: [], metadata: metadata))
        #expect(shaper.shapedCount == 10)
    }
}
