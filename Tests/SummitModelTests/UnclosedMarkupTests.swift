import Testing
import InputSupport
@testable import SummitModel

/// The README promises a warning for a stray or unclosed tag: an unclosed `<b>`, `<p>` or
/// `<!--` usually means a cell was cut or pasted wrongly. The text is kept either way.
@Suite("Unclosed markup is reported and its text kept")
struct UnclosedMarkupTests {
    func summary(_ cell: String) throws -> ImportResult {
        try ImportFixtures.importText("\n2021 首長高峰會(3/23)談話內容摘要\n\n1\t臺北市 市長 柯文哲\t\(cell)\n")
    }

    @Test(arguments: [
        ("<p>智慧城市 <b>開放資料</p>", "unclosed <b>", "開放資料"),
        ("<p>智慧城市與開放資料", "unclosed <p>", "開放資料"),
        ("<p>智慧城市</p><!-- 草稿 <p>開放資料</p>", "'<!--' starts an HTML comment that is never closed", "開放資料"),
        ("<p>智慧城市 <span>開放 <i>資料</i></p>", "unclosed <span>", "資料"),
    ])
    func warnsWithLineAndColumnAndKeepsTheText(_ cell: String, _ message: String, _ kept: String) throws {
        let result = try summary(cell)
        let warnings = result.warnings.map(\.description)
        #expect(warnings.contains { $0.contains(message) && $0.hasPrefix("test.txt:4:") }, "\(warnings)")
        let text = result.summit.speakers.first.map { $0.summary.plainText } ?? ""
        #expect(text.contains(kept), "\(text)")
    }

    @Test func closedMarkupAndVoidElementsGiveNoWarning() throws {
        let result = try summary("<p>智慧 <b>城市</b><br><img src=x> 與 <!-- 註 --> 資料</p><p>二<p>三</p>")
        #expect(result.warnings.isEmpty, "\(result.warnings)")
    }

    @Test func thousandsOfUnclosedCommentsStayLinear() throws {
        let cell = String(repeating: "<!-- 註 ", count: 20_000)
        let result = try summary("<p>" + cell + "</p>")
        #expect(result.warnings.count == 20_000)
    }
}
