import Foundation
import Testing
@testable import SummitAnalysis

/// A property of the number reader, over thousands of generated sentences: every figure it
/// reports, printed back, is the number written in the text (value, sign and spelling).
@Suite("Key figures: what is reported is what is written")
struct FigurePropertyTests {
    let extractor = FigureExtractor()

    /// Units the reader knows, with the factor they apply (萬 and 億 scale the number).
    static let units: [(written: String, factor: Double)] = [
        ("%", 1), (" %", 1), ("％", 1), (" 個", 1), ("所", 1), (" 公里", 1), (" 天", 1), ("度", 1), (" 人", 1),
        ("元", 1), (" 萬元", 10_000), ("億元", 100_000_000), (" 萬人", 10_000), (" 億英鎊", 100_000_000), ("", 1),
    ]
    static let before = ["", "營收", "年增率 ", "，", "預算為 ", "成長了 ", "（", "共有", "氣溫", "減少 "]
    static let after = ["", "，持續推動。", "。", "的成果", "）", "；另有計畫", " 左右"]
    static let signs: [(written: String, factor: Double)] = [("", 1), ("-", -1), ("\u{2212}", -1), ("\u{FF0D}", -1)]

    struct Case {
        var text: String
        var number: String
        var value: Double
    }

    static func generate(_ random: inout SeededGenerator) -> Case {
        let sign = signs.randomElement(using: &random) ?? signs[0]
        let integer = Int.random(in: 10...9_999_999, using: &random)
        var digits = String(integer)
        if Bool.random(using: &random), digits.count > 3 {
            // Thousands separators, as `1,000` is written.
            var grouped = ""
            for (offset, character) in digits.reversed().enumerated() {
                if offset > 0, offset % 3 == 0 { grouped.append(",") }
                grouped.append(character)
            }
            digits = String(grouped.reversed())
        }
        var value = Double(integer)
        if Bool.random(using: &random) {
            let decimals = Int.random(in: 1...99, using: &random)
            let fraction = decimals < 10 ? "0\(decimals)" : String(decimals)
            digits += "." + fraction
            value = Double(String(integer) + "." + fraction) ?? value
        }
        let unit = units.randomElement(using: &random) ?? units[0]
        let number = sign.written + digits
        let text = (before.randomElement(using: &random) ?? "") + number + unit.written + (after.randomElement(using: &random) ?? "")
        return Case(text: text, number: number, value: value * unit.factor * sign.factor)
    }

    @Test func everyReportedFigureIsTheNumberInTheText() {
        var random = SeededGenerator(seed: 20210323)
        var reported = 0
        for _ in 0..<5_000 {
            let generated = Self.generate(&random)
            let figures = extractor.figures(in: generated.text)
            #expect(figures.count <= 1, "\(generated.text): \(figures)")
            for figure in figures {
                reported += 1
                let relative = abs(figure.value - generated.value) / max(1, abs(generated.value))
                #expect(relative < 1e-12, "\(generated.text): read \(figure.value), written \(generated.value)")
                #expect((figure.value < 0) == (generated.value < 0), "the sign of \(generated.text)")
                #expect(figure.text.hasPrefix(generated.number) || figure.text.contains(generated.number),
                        "the figure's text \(figure.text) quotes \(generated.number)")
                #expect(generated.text.contains(figure.text))
            }
        }
        #expect(reported > 4_000, "most generated numbers are figures: \(reported)")
    }

    @Test func sumsAndListNumbersAreNeverFigures() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let a = Int.random(in: 1...99, using: &random), b = Int.random(in: 1...99, using: &random)
            let texts = ["並以 \(a)+\(b) 領域核心", "\(a). 雙管齊下", "\(a)、數位轉型", "\(a)+\(b)", "COVID-\(a) 疫情"]
            for text in texts {
                let figures = extractor.figures(in: text)
                #expect(!figures.contains { $0.value == Double(a) || $0.value == Double(b) || $0.value == -Double(b) }, "\(text): \(figures)")
            }
        }
    }
}
