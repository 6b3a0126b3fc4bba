import Foundation
import Testing
@testable import ReportRender
import ReportLayout
import ReportStyle

/// Layout threads meet fonts in an order that changes from run to run, and font handles
/// are numbered in that order; the PDF must not depend on it.
@Suite("The same brief byte for byte, whatever order the fonts were met in")
struct ReproducibleFontOrderTests {
    let regular = TextStyle(font: FontSpec(family: "Noto Sans CJK TC", size: 10.5), color: .black)
    let bold = TextStyle(font: FontSpec(family: "Noto Sans CJK TC", bold: true, size: 10.5), color: .black)

    /// Eight pages of headings and paragraphs.
    func pdf(meetingBoldFirst boldFirst: Bool) throws -> (bytes: [UInt8], firstFont: String) {
        let registry = FontRegistry()
        let shaper = PangoShaper(registry: registry)
        for style in boldFirst ? [bold, regular] : [regular, bold] { _ = shaper.shape(RichText("臺北", style), cjkLatinSpacing: true) }
        var blocks: [Block] = []
        for index in 0..<40 {
            blocks.append(.heading(Paragraph(RichText("第 \(index + 1) 節　智慧城市", bold), ParagraphStyle(alignment: .left, lineHeight: 16, spaceBefore: 12))))
            let text = String(repeating: "臺北市推動數位轉型，以開放資料與公私協力改善市民服務。", count: 14 + index % 4)
            blocks.append(.paragraph(Paragraph(RichText(text, regular), ParagraphStyle(lineHeight: 17, spaceBefore: 6))))
        }
        let metadata = DocumentMetadata(title: "t", subject: "s", keywords: [], author: "a", creator: "c", date: "2021-03-23T00:00:00+00:00",
                                        language: "zh-TW")
        let document = try LayoutEngine(style: .standard, shaper: shaper)
            .layout(Document(sections: [Section(blocks: blocks, pageFurniture: nil)], outline: [], metadata: metadata))
        let painting = try PDFPainter(registry: registry).paint(document)
        #expect(document.pages.count >= 8)
        return (painting.pdf, registry.key(0))
    }

    @Test func fontsMetInTheOtherOrderGiveTheSameBytes() throws {
        let regularFirst = try pdf(meetingBoldFirst: false), boldFirst = try pdf(meetingBoldFirst: true)
        #expect(regularFirst.firstFont != boldFirst.firstFont, "the handles really are numbered differently")
        #expect(regularFirst.bytes.count > 10_000)
        let same = regularFirst.bytes == boldFirst.bytes
        #expect(same, "the PDFs differ (\(regularFirst.bytes.count) and \(boldFirst.bytes.count) bytes)")
    }
}
