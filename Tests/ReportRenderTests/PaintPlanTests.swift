import Testing
@testable import ReportRender
import ReportLayout
import ReportStyle

@Suite("Painting order: fewer Cairo calls, the same picture")
struct PaintPlanTests {
    let red = Color(red: 1, green: 0, blue: 0)
    let blue = Color(red: 0, green: 0, blue: 1)

    /// A line of text at `origin`, 10 pt per character, one span per (text, font, colour).
    func line(_ spans: [(String, Int32, Color)], at origin: Point) -> PageItem {
        var utf8: [UInt8] = [], starts: [Int] = [], clusters: [ShapedCluster] = [], glyphs: [ShapedGlyph] = []
        var textSpans: [TextSpan] = []
        for (index, (text, font, color)) in spans.enumerated() {
            starts.append(utf8.count)
            textSpans.append(TextSpan(text, TextStyle(font: FontSpec(family: "Test", size: 10), color: color)))
            for scalar in text.unicodeScalars {
                let start = utf8.count
                utf8.append(contentsOf: String(scalar).utf8)
                glyphs.append(ShapedGlyph(id: scalar.value, advance: 10))
                clusters.append(ShapedCluster(utf8: start..<utf8.count, glyphs: (glyphs.count - 1)..<glyphs.count, advance: 10, font: font,
                                              span: Int32(index), first: scalar, last: scalar))
            }
        }
        let shaped = ShapedText(utf8: utf8, spans: textSpans, spanStarts: starts, clusters: clusters, glyphs: glyphs,
                                missingCharacters: [], cjkLatinSpacing: false)
        return .text(TextLine(shaped: shaped, clusters: 0..<clusters.count, origin: origin, stretch: 0, gapEm: 0,
                              width: Double(clusters.count) * 10, ascent: 8, descent: 2))
    }

    @Test func shapesOfOnePaintBecomeOnePathBeforeTheText() {
        // A table: each cell's background, then its text; alternate cells red and blue.
        var items: [PageItem] = []
        for cell in 0..<6 {
            let x = Double(cell) * 50
            items.append(.fill(Rect(x: x, y: 0, width: 48, height: 20), cell.isMultiple(of: 2) ? red : blue))
            items.append(line([("ab", 0, .black)], at: Point(x: x + 5, y: 14)))
        }
        items.append(.link(Rect(x: 0, y: 0, width: 300, height: 20), destination: "somewhere"))
        let steps = PaintPlan(items).steps
        #expect(steps.count == 4, "\(steps)")
        #expect(steps[0] == .shapes(.fill(red), [0, 4, 8]))
        #expect(steps[1] == .shapes(.fill(blue), [2, 6, 10]))
        guard case let .text(ink, runs) = steps[2] else {
            Issue.record("expected the text after the shapes: \(steps)")
            return
        }
        #expect(ink == PaintPlan.Ink(font: 0, color: .black))
        #expect(runs.map(\.item) == [1, 3, 5, 7, 9, 11])
        #expect(steps[3] == .marks([12]))
    }

    @Test func aShapeOverEarlierTextKeepsThePageInItsOwnOrder() {
        let items: [PageItem] = [
            line([("strike", 0, .black)], at: Point(x: 0, y: 10)),
            .line(from: Point(x: 0, y: 7), to: Point(x: 60, y: 7), color: red, width: 1),
        ]
        #expect(PaintPlan(items).steps == [.inOrder([0, 1])])
    }

    @Test func aShapeDoesNotJumpOverAnotherPaintItOverlaps() {
        // Red, then a blue square over it, then red again on top of the blue: the second red
        // must stay after the blue.
        let items: [PageItem] = [
            .fill(Rect(x: 0, y: 0, width: 10, height: 10), red),
            .fill(Rect(x: 5, y: 0, width: 10, height: 10), blue),
            .fill(Rect(x: 12, y: 0, width: 10, height: 10), red),
            .fill(Rect(x: 40, y: 0, width: 10, height: 10), blue),
        ]
        #expect(PaintPlan(items).steps == [.shapes(.fill(red), [0]), .shapes(.fill(blue), [1, 3]), .shapes(.fill(red), [2])])
    }

    @Test func textRunsAreGroupedByFontAndColour() {
        // Contents lines: a bold title, then a grey page number, line after line.
        let items: [PageItem] = (0..<3).map { row in
            line([("Title", 1, .black), ("  ", 0, .black), ("12", 0, red)], at: Point(x: 0, y: Double(row) * 20 + 10))
        }
        let steps = PaintPlan(items).steps
        #expect(steps.count == 3, "\(steps)")
        let inks = steps.compactMap { step -> PaintPlan.Ink? in if case let .text(ink, _) = step { ink } else { nil } }
        #expect(inks == [PaintPlan.Ink(font: 1, color: .black), PaintPlan.Ink(font: 0, color: .black), PaintPlan.Ink(font: 0, color: red)])
        if case let .text(_, runs) = steps[2] {
            #expect(runs.map(\.clusters) == [7..<9, 7..<9, 7..<9])
            #expect(runs.map { Array($0.xs) } == [[70, 80], [70, 80], [70, 80]])
        }
    }

    @Test func turnedTextIsPaintedOnItsOwn() {
        guard case var .text(turned) = line([("label", 0, .black)], at: Point(x: 20, y: 100)) else { return }
        turned.rotation = .counterClockwise
        let items: [PageItem] = [.text(turned), line([("x", 0, .black)], at: Point(x: 100, y: 100))]
        let steps = PaintPlan(items).steps
        #expect(steps.first == .turned(0))
        #expect(steps.count == 2)
    }
}
