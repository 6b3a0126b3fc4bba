import Testing
import ReportKit
import ReportLayout
@testable import ReportRender

/// The structure the painter will tag, read from the laid-out brief: what a screen reader
/// will get, checked before any PDF is written (the PDF itself is checked in
/// `AccessibilityTests`).
@Suite("The brief's structure tree")
struct StructureTreeTests {
    static let variants: [(style: String, language: BriefLanguage.Code)] = [
        ("default", .zhTW), ("default", .en), ("print-grayscale", .zhTW), ("large-print", .en),
    ]

    /// The runs of every page, with the text of each.
    struct Read {
        var document: LaidOutDocument
        var plan: StructurePlan

        init(style: String, language: BriefLanguage.Code) throws {
            document = try BriefFixtures.layout(style: style, language: language)
            plan = StructurePlan(document)
        }

        func text(_ run: StructurePlan.Run, page: Int) -> String {
            guard case let .text(line) = document.pages[page].items[run.item] else { return "" }
            return line.shaped.text(of: run.clusters)
        }

        /// Every element's text, in reading order.
        func texts(where matches: (StructureElement) -> Bool) -> [Int: String] {
            var result: [Int: String] = [:]
            for (page, runs) in plan.pages.enumerated() {
                for run in runs {
                    for element in run.structure where matches(element) { result[element.id, default: ""] += text(run, page: page) }
                }
            }
            return result
        }
    }

    @Test(arguments: variants.indices)
    func textIsOnlyInLeavesAndNoLeafCrossesAPage(variant: Int) throws {
        let read = try Read(style: Self.variants[variant].style, language: Self.variants[variant].language)
        var parents = Set<Int>()
        for runs in read.plan.pages { for run in runs { for element in run.structure.dropLast() { parents.insert(element.id) } } }
        var leavesOfPage: [Set<Int>] = []
        for runs in read.plan.pages {
            var leaves = Set<Int>()
            for run in runs {
                guard let leaf = run.structure.last else { continue }
                #expect(!parents.contains(leaf.id), "text drawn in \(leaf.role.tagName) \(leaf.id), which has children")
                leaves.insert(leaf.id)
            }
            leavesOfPage.append(leaves)
        }
        for page in leavesOfPage.indices.dropFirst() {
            #expect(leavesOfPage[page].isDisjoint(with: leavesOfPage[page - 1]), "a leaf runs from page \(page) onto page \(page + 1)")
        }
    }

    /// The painter opens and closes elements as it walks the runs: an element closed and met
    /// again would be written twice, as two elements.
    @Test(arguments: variants.indices)
    func everyElementIsPaintedInOnePiece(variant: Int) throws {
        let read = try Read(style: Self.variants[variant].style, language: Self.variants[variant].language)
        var open: [StructureElement] = []
        var closed = Set<Int>()
        var reopened: [String] = []
        var leafOpen = false
        for runs in read.plan.pages {
            for run in runs {
                // Furniture closes only the leaf, as the painter's tag stack does.
                if run.structure.isEmpty {
                    if leafOpen, let leaf = open.popLast() { closed.insert(leaf.id) }
                    leafOpen = false
                    continue
                }
                let target = run.structure
                leafOpen = true
                var common = 0
                while common < open.count, common < target.count, open[common].id == target[common].id { common += 1 }
                for element in open[common...] { closed.insert(element.id) }
                open.removeSubrange(common...)
                for element in target[common...] {
                    if closed.contains(element.id) { reopened.append("\(element.role.tagName) \(element.id)") }
                    open.append(element)
                }
            }
            // The page ends with its leaf closed.
            if leafOpen, let leaf = open.popLast() { closed.insert(leaf.id) }
            leafOpen = false
        }
        #expect(reopened.isEmpty, "\(reopened.prefix(5))")
        #expect(read.plan.pages.joined().filter { !$0.structure.isEmpty }.count > 300)
    }

    @Test func furnitureAndRepeatedHeadersAreNotStructure() throws {
        let read = try Read(style: "default", language: .zhTW)
        for (page, runs) in read.plan.pages.enumerated() where page > 0 {
            let furniture = runs.filter(\.structure.isEmpty).map { read.text($0, page: page) }
            #expect(furniture.contains("第 \(page + 1) 頁，共 \(read.document.pages.count) 頁"), "footer of page \(page + 1)")
            #expect(furniture.contains { $0.contains("首長高峰會") }, "running header of page \(page + 1)")
        }
    }

    @Test(arguments: variants.indices)
    func headingsNestAndEverySpeakerIsInOne(variant: Int) throws {
        let read = try Read(style: Self.variants[variant].style, language: Self.variants[variant].language)
        var levels: [Int] = []
        var seen = Set<Int>()
        var headingText: [String] = []
        for (page, runs) in read.plan.pages.enumerated() {
            for run in runs {
                guard let heading = run.structure.first(where: { if case .heading = $0.role { true } else { false } }),
                      case let .heading(level) = heading.role else { continue }
                if seen.insert(heading.id).inserted {
                    levels.append(level)
                    headingText.append("")
                }
                headingText[headingText.count - 1] += read.text(run, page: page)
            }
        }
        #expect(levels.first == 1)
        for (previous, level) in zip(levels, levels.dropFirst()) {
            #expect(level <= previous + 1, "H\(previous) followed by H\(level)")
        }
        for speaker in BriefFixtures.loaded.summit.speakers where !speaker.name.isEmpty {
            #expect(headingText.contains { $0.squeezed.contains(speaker.displayName.squeezed) }, "no heading names \(speaker.displayName)")
        }
    }

    @Test func tablesHaveHeaderCellsAndLayoutGridsAreNoTables() throws {
        let read = try Read(style: "default", language: .zhTW)
        let headers = read.texts { if case .tableHeader = $0.role { true } else { false } }.values
        for label in ["城市／機構", "講者", "主要主題", "關鍵數字", "臺北市", "5G"] {
            #expect(headers.contains { $0.squeezed.contains(label) }, "\(label) is not a header cell")
        }
        let rowHeaders = read.texts { $0.role == .tableHeader(.row) }.values
        #expect(rowHeaders.contains { $0.contains("布拉格") }, "places head their rows")
        let cells = read.texts { $0.role == .tableData }.values
        #expect(!cells.contains { $0.contains("≥ 8") }, "the heatmap legend is not a data table")
    }

    @Test func contentsEntriesAreLinksHoldingTheirNumbers() throws {
        let read = try Read(style: "default", language: .zhTW)
        let links = read.texts { if case .link = $0.role { true } else { false } }
        let items = read.plan.pages[1].filter { $0.structure.contains { $0.role == .contentsItem } }
        #expect(!items.isEmpty)
        for run in items { #expect(run.structure.map(\.role.tagName).suffix(3) == ["TOC", "TOCI", "Link"]) }
        #expect(links.values.contains { $0.hasPrefix("城市比較表") && $0.last?.isNumber == true }, "\(links.values.prefix(3))")
        #expect(read.plan.linkAreas[1].count >= 16)
    }

    @Test func theEnglishBriefSaysItsSummariesAreChinese() throws {
        let read = try Read(style: "default", language: .en)
        let chinese = read.texts { $0.language == "zh-TW" }.values
        let first = try #require(BriefFixtures.loaded.summit.speakers.first?.summary.units.first?.text)
        #expect(chinese.contains { $0.squeezed.contains(first.squeezed.prefix(20)) })
        let zh = try Read(style: "default", language: .zhTW)
        #expect(zh.texts { $0.language != nil }.isEmpty, "the Chinese brief needs no element language")
    }
}
