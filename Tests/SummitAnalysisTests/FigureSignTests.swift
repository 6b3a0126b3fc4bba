import Testing
@testable import SummitAnalysis

/// Figures keep their sign: a key figure printed with the wrong sign is worse than none.
@Suite("Key figures keep their sign")
struct FigureSignTests {
    let extractor = FigureExtractor()

    @Test(arguments: [
        ("營收年增率 -3.2%，仍待加強", -3.2, "%", KeyFigure.Kind.percent, "-3.2%"),
        ("冬季氣溫 -5 度", -5, "度", .size, "-5 度"),
        ("去年虧損 \u{2212}12 億元", -1_200_000_000, "TWD", .money, "\u{2212}12 億元"),
        ("用電成長 \u{FF0D}8%", -8, "%", .percent, "\u{FF0D}8%"),
        ("人口變化為-1,250 人", -1250, "人", .count, "-1,250 人"),
        ("a deficit of -US$ 3 million", -3_000_000, "USD", .money, "-US$ 3 million"),
        ("差額 US$ -3 million", -3_000_000, "USD", .money, "US$ -3 million"),
        ("（-2.5%）", -2.5, "%", .percent, "-2.5%"),
        ("-40%長者", -40, "%", .percent, "-40%"),
    ])
    func aMinusSignBelongsToTheNumber(_ text: String, _ value: Double, _ unit: String, _ kind: KeyFigure.Kind, _ written: String) throws {
        let figures = extractor.figures(in: text)
        #expect(figures.count == 1, "\(figures)")
        let figure = try #require(figures.first)
        #expect(figure.value == value)
        #expect(figure.unit == unit)
        #expect(figure.kind == kind)
        #expect(figure.text == written)
    }

    @Test(arguments: [
        "並以 1+7 領域核心", "COVID-19 疫情", "3-5 天", "5\u{2212}3 個", "v-2 版", "1. 雙管齊下", "2-3 項",
    ])
    func hyphensBetweenDigitsOrLettersAreNotSigns(_ text: String) {
        #expect(!extractor.figures(in: text).contains { $0.value < 0 }, "\(extractor.figures(in: text))")
    }

    @Test func aNegativeNumberIsNeverARankOrAYear() {
        let figures = extractor.figures(in: "排名 -3，以及 -2014 年")
        #expect(!figures.contains { $0.kind == .rank || $0.kind == .year }, "\(figures)")
    }
}
