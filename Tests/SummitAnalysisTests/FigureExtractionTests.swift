import Testing
@testable import SummitAnalysis

@Suite("Key figures")
struct FigureExtractionTests {
    let extractor = FigureExtractor()

    func only(_ text: String) throws -> KeyFigure {
        let figures = extractor.figures(in: text)
        #expect(figures.count == 1, "\(figures)")
        return try #require(figures.first)
    }

    @Test(arguments: [
        ("只有 8%是數位綁定", 8.0, "%", KeyFigure.Kind.percent, "8%"),
        ("營業金額增加了 1.76%。", 1.76, "%", .percent, "1.76%"),
        ("臺北市目前共 236 所市立高國中及小學", 236, "所", .count, "236 所"),
        ("90 個里辦公室使用智慧里辦系統", 90, "個", .count, "90 個"),
        ("823 個確診病例中", 823, "個", .count, "823 個"),
        ("規劃超過兩億英鎊的 5G 布建計畫", 200_000_000, "GBP", .money, "兩億英鎊"),
        ("台北排名 8，ESI", 8, "名", .rank, "排名 8"),
        ("每間教室都配有 85 吋液晶螢幕", 85, "吋", .size, "85 吋"),
        ("2014 年推廣公共寬頻", 2014, "年", .year, "2014 年"),
        ("智慧路燈 2 萬 4 千盞換裝", 24_000, "盞", .count, "2 萬 4 千盞"),
        ("預算 1.5 萬美元", 15_000, "USD", .money, "1.5 萬美元"),
        ("每年 5 千萬元", 50_000_000, "TWD", .money, "5 千萬元"),
        ("自行車道已達 1,000 公里", 1000, "公里", .size, "1,000 公里"),
        ("一百二十所學校", 120, "所", .count, "一百二十所"),
        ("排名全國第 2", 2, "名", .rank, "第 2"),
        ("a budget of US$ 3 million", 3_000_000, "USD", .money, "US$ 3 million"),
    ])
    func parsesValueAndUnit(_ text: String, _ value: Double, _ unit: String, _ kind: KeyFigure.Kind, _ written: String) throws {
        let figure = try only(text)
        #expect(figure.value == value)
        #expect(figure.unit == unit)
        #expect(figure.kind == kind)
        #expect(figure.text == written)
    }

    @Test(arguments: [
        "並以 1+7 領域核心", "2. 5+1 領域：醫療", "1. 雙管齊下", "3、數位轉型", "智慧校園 4.0，要改變社會",
        "5G 並應用於醫院機器人", "COVID-19 疫情", "(3/23)", "五個運作支柱", "第一波疫情", "三倍券", "連續兩年獲得",
        "臺北市#2 的講者",
    ])
    func isNotAFigure(_ text: String) {
        #expect(extractor.figures(in: text).isEmpty, "\(extractor.figures(in: text))")
    }

    @Test func clauseIsTheTextBetweenCommas() throws {
        let figure = try only("並為打造數位環境，90 個里辦公室使用智慧里辦系統。")
        #expect(figure.clause == "90 個里辦公室使用智慧里辦系統")
    }

    @Test func theWholeTaipeiMayorRow() throws {
        let figures = try #require(AnalysisFixtures.analysis.speaker(1)).figures
        #expect(figures.map(\.text) == ["排名 8", "16", "8%", "40%", "25%", "55%", "90 個", "236 所", "85 吋"])
        #expect(!figures.contains { $0.value == 1 || $0.value == 7 }, "no part of 1+7")
        let westOfEngland = try #require(AnalysisFixtures.analysis.place("west-of-england"))
        #expect(westOfEngland.keyFigures.map(\.text) == ["兩億英鎊"])
    }
}
