import Foundation
import Testing
@testable import ReportLayout
import ReportTestSupport

@Suite("Line breaking and justification")
struct LineBreakerTests {
    let shaper = FakeShaper()
    let style = LayoutFixtures.text

    func lines(_ text: String, width: Double, justify: Bool = true, gap: Double = 0.25) -> (ShapedText, [LineBreak]) {
        let shaped = shaper.shape(RichText(text, style), cjkLatinSpacing: gap > 0)
        return (shaped, LineBreaker(width: width, justify: justify, gapEm: gap).lines(shaped))
    }

    @Test func closingPunctuationNeverStartsALineAndOpeningNeverEndsOne() {
        // Ten characters fit a line; the eleventh is a comma and must not start the next line.
        let (shaped, breaks) = lines("一二三四五六七八九十，十一「十二」十三。", width: 100)
        for line in breaks {
            let text = shaped.text(of: line.clusters)
            #expect(!"，。、；：」』）".contains(text.first ?? " "), "line starts with punctuation: \(text)")
            #expect(!"「『（".contains(text.last ?? " "), "line ends with an opening bracket: \(text)")
        }
        #expect(shaped.text(of: breaks[0].clusters) == "一二三四五六七八九")
    }

    @Test func justifiedLinesAreFlushAndTheLastIsNot() {
        let text = LayoutFixtures.chinese(60)
        let (shaped, breaks) = lines(text, width: 95)
        #expect(breaks.count > 2)
        for line in breaks.dropLast() {
            let offsets = LineBreaker.offsets(of: line.clusters, in: shaped, gapEm: 0.25, stretch: line.stretch)
            let end = (offsets.last ?? 0) + Double(shaped.clusters[line.clusters.upperBound - 1].advance)
            #expect(abs(end - 95) < 0.001, "line ends at \(end)")
        }
        #expect(breaks.last?.stretch == 0)
    }

    @Test func slackGoesToEveryGapNotIntoSpaces() throws {
        // "只有 8%是" has one space; the slack must spread evenly, not into that space.
        let (shaped, breaks) = lines("只有 8%是數位綁定，臺北市提供誘因使更多人採用數位綁定。", width: 120)
        let first = try #require(breaks.first)
        let offsets = LineBreaker.offsets(of: first.clusters, in: shaped, gapEm: 0.25, stretch: first.stretch)
        var gaps: [Double] = []
        for index in first.clusters.dropFirst() {
            let local = index - first.clusters.lowerBound
            gaps.append(offsets[local] - offsets[local - 1] - Double(shaped.clusters[index - 1].advance))
        }
        #expect(first.stretch > 0 && first.stretch < 2.5)
        #expect((gaps.max() ?? 0) < 10 * 0.25 + 2 * first.stretch + 0.001, "no hole wider than the CJK-Latin gap plus stretch")
    }

    @Test func cjkLatinGapIsConsistentWithOrWithoutASourceSpace() {
        let (a, _) = lines("ICT 裡面與8%是", width: 500, justify: false)
        #expect(a.text == "ICT 裡面與8%是", "the text stays as written")
        let offsets = LineBreaker.offsets(of: 0..<a.clusters.count, in: a, gapEm: 0.25, stretch: 0)
        // ICT (3 × 5), the written space set as the 2.5 gap → 裡 at 17.5; 與 ends at 47.5,
        // an inserted 2.5 gap → 8 at 50; % at 55, gap → 是 at 62.5.
        #expect(offsets[4] == 17.5)
        #expect(offsets[7] == 50)
        #expect(offsets[9] == 62.5)
        let plain = shaper.shape(RichText("ICT 裡面", style), cjkLatinSpacing: false)
        let plainOffsets = LineBreaker.offsets(of: 0..<plain.clusters.count, in: plain, gapEm: 0.25, stretch: 0)
        #expect(plainOffsets[4] == 20, "with spacing off the space keeps its own width")
    }

    @Test func latinWordsStayWholeAndNumbersAreNotSplit() {
        let (shaped, breaks) = lines("提供 Golemio 平台與 1,000 公里的 Kerpel-Fronius 方案", width: 60)
        let texts = breaks.map { shaped.text(of: $0.clusters) }
        for word in ["Golemio", "1,000"] {
            #expect(texts.contains { $0.contains(word) }, "\(word) was split: \(texts)")
        }
    }

    @Test func noLastLineWithASingleChineseCharacter() throws {
        // 10 characters per line; 21 characters and a full stop would leave "一。" alone.
        let (shaped, breaks) = lines("一二三四五六七八九十一二三四五六七八九十一。", width: 100)
        #expect(breaks.count == 3)
        let last = try #require(breaks.last)
        #expect(shaped.text(of: last.clusters) == "十一。")
        #expect(breaks[1].stretch > 0, "the shortened line is still flush")
    }

    @Test func aWordLongerThanTheLineBreaksBetweenCharacters() {
        let (shaped, breaks) = lines("Supercalifragilisticexpialidocious", width: 50, justify: false)
        #expect(breaks.count == 4)
        for line in breaks { #expect(line.naturalWidth <= 50) }
        #expect(breaks.map { shaped.text(of: $0.clusters) }.joined() == "Supercalifragilisticexpialidocious")
    }

    @Test func enAndEmSpacesMayEndALineAndHangThereWhileANoBreakSpaceHolds() {
        // 5 pt per Latin letter: "West\u{00A0}of\u{00A0}England" is 75 pt and must stay whole.
        let text = "Key\u{2002}West\u{00A0}of\u{00A0}England 0.83\u{2003}Strasbourg\u{00A0}(FR)"
        let (shaped, breaks) = lines(text, width: 90, justify: false)
        let texts = breaks.map { shaped.text(of: $0.clusters) }
        #expect(texts.map { $0.trimmingCharacters(in: [" ", "\u{2002}", "\u{2003}"]) } == ["Key", "West\u{00A0}of\u{00A0}England", "0.83", "Strasbourg\u{00A0}(FR)"])
        for line in breaks { #expect(line.naturalWidth <= 90, "a trailing space is not counted: \(line.naturalWidth)") }
    }
}
