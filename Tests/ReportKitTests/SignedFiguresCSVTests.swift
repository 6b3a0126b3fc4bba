import Foundation
import Testing
import ReportTestSupport

/// End to end: a negative figure in a summit file is negative in `figures.csv`, where an
/// analyst sums and sorts it.
@Suite("figures.csv keeps the sign")
struct SignedFiguresCSVTests {
    @Test func negativeFiguresAreNegativeNumbersInTheCSV() throws {
        let folder = Repository.temporaryFolder("signed")
        let data = folder + "/summit-2021-03-23.txt"
        try "\n2021 首長高峰會(3/23)談話內容摘要\n\n1\t臺北市 市長 柯文哲\t<p>營收年增率 -3.2%，冬季 -5 度，虧損 \u{2212}12 億元，並以 1+7 領域核心。</p>\n"
            .write(toFile: data, atomically: true, encoding: .utf8)
        let run = try ReportBinary.run(["csv", "--cities", "all", "--data", data, "--out", folder])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOfFile: folder + "/figures.csv", encoding: .utf8)
        let values = csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst(4).first.map(String.init) ?? "" }
        #expect(values == ["-3.2", "-5", "-1200000000"], "\(csv)")
        #expect(csv.contains(",'-3.2%,"), "the text keeps the sign, neutralised against formulas: \(csv)")
    }
}
