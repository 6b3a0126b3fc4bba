import Foundation
import Testing
import ReportKit
import ReportLayout
import ReportTestSupport

/// The whole brief laid out with the fake shaper: no fonts, no Cairo, plain numbers. What
/// the layout decides (pagination, contents numbers, repeated table headers) is checked
/// here; what the fonts do, in the PDF suites.
@Suite("The whole brief, laid out with the fake shaper")
struct FullBriefLayoutTests {
    static func layout(_ loaded: LoadedSummit = BriefFixtures.loaded, language: BriefLanguage.Code = .zhTW) throws -> LaidOutDocument {
        try PDFReport(loaded: loaded, options: BriefFixtures.options(language: language), clock: BriefFixtures.clock)
            .layout(shaper: FakeShaper()).document
    }

    static let scaled: LoadedSummit = {
        let folder = Repository.temporaryFolder("fake-130")
        let file = folder + "/summit-2021-03-23.txt"
        do {
            try SummitScaler.scaled(copies: 10).write(toFile: file, atomically: true, encoding: .utf8)
            return try DataSources(summitFile: file, dataFolder: Repository.path("Data")).load()
        } catch { fatalError("\(error)") }
    }()

    /// Each link's destination and its last line (a contents entry's page number).
    static func linkEnds(_ page: Page) -> [(destination: String, text: String)] {
        var order: [Int] = []
        var ends: [Int: (String, String)] = [:]
        for line in page.textLines {
            guard let link = line.structure.last, case let .link(destination) = link.role else { continue }
            if ends[link.id] == nil { order.append(link.id) }
            ends[link.id] = (destination, line.text)
        }
        return order.compactMap { ends[$0] }
    }

    @Test(arguments: [BriefLanguage.Code.zhTW, .en])
    func everySpeakerStartsAPageAndThePartsComeInOrder(language: BriefLanguage.Code) throws {
        let document = try Self.layout(language: language)
        let speakers = BriefFixtures.loaded.summit.speakers
        #expect(document.pages.count >= 4 + speakers.count + 1)
        let anchors = ["contents", "comparison", "heatmap", "speakers"] + speakers.map { "speaker-\($0.number)" } + ["appendix"]
        let pages = anchors.compactMap { document.destinations[$0]?.page }
        #expect(pages.count == anchors.count, "every part and speaker has its destination")
        #expect(pages == pages.sorted(), "in the order of the brief")
        #expect(Set(pages[4..<(4 + speakers.count)]).count == speakers.count, "one speaker per page start")
        for speaker in speakers.dropFirst() {
            let destination = try #require(document.destinations["speaker-\(speaker.number)"])
            #expect(destination.point.y < 120, "speaker \(speaker.number) starts at the top of page \(destination.page + 1)")
        }
    }

    @Test func contentsNumbersAreThePagesTheirEntriesGoTo() throws {
        let document = try Self.layout()
        var checked = 0
        for page in document.pages.prefix(3) {
            for entry in Self.linkEnds(page) where entry.text.allSatisfy(\.isNumber) {
                let target = try #require(document.destinations[entry.destination])
                #expect(Int(entry.text) == target.page + 1, "\(entry.destination) printed as page \(entry.text)")
                checked += 1
            }
        }
        #expect(checked == 4 + BriefFixtures.loaded.summit.speakers.count)
    }

    /// At 130 speakers the comparison table spans pages: each continues under its header,
    /// and each page's part reads as a table of its own, headed by those cells.
    @Test func aLongComparisonTableRepeatsItsHeaderOnEveryPage() throws {
        let document = try Self.layout(Self.scaled)
        let first = try #require(document.destinations["comparison"]?.page)
        let heatmap = try #require(document.destinations["heatmap"]?.page)
        #expect(heatmap - first >= 3, "the table of 120 places spans pages")
        var tables = Set<Int>()
        for index in first..<heatmap {
            let texts = document.pages[index].textLines.map(\.text)
            #expect(texts.contains("城市／機構") && texts.contains("主要主題"), "page \(index + 1) has the header")
            let header = try #require(document.pages[index].textLines.first { $0.text == "城市／機構" })
            #expect(header.structure.last?.role == .tableHeader(.column), "page \(index + 1): the header is header cells")
            let table = try #require(header.structure.first { $0.role == .table })
            tables.insert(table.id)
            // Every row on the page is in that page's table.
            for line in document.pages[index].textLines where line.structure.contains(where: { $0.role == .tableRow }) {
                #expect(line.structure.contains { $0.id == table.id })
            }
        }
        #expect(tables.count == heatmap - first, "a table per page")
    }
}

/// The measures that used to be literals in the layout are style keys: a style that changes
/// one changes the brief, and a value out of range is refused at its line.
@Suite("Proportions in the style sheet")
struct ProportionsTests {
    static func style(_ yaml: String) throws -> String {
        let path = Repository.temporaryFolder("proportions") + "/wide.yaml"
        // `extends` by name finds the repository's styles; the keys follow.
        try ("extends: default\n" + yaml).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func layout(style path: String) throws -> LaidOutDocument {
        var options = BriefFixtures.options()
        options.style = path
        return try PDFReport(loaded: BriefFixtures.loaded, options: options, clock: BriefFixtures.clock).layout(shaper: FakeShaper()).document
    }

    static func leaderPitches(_ document: LaidOutDocument) -> Set<Double> {
        Set(document.pages[1].items.compactMap { if case let .leader(_, _, _, pitch, _, _) = $0 { pitch } else { nil } })
    }

    @Test func aStyleThatWidensTheLeadersAndThePlaceColumnChangesTheBrief() throws {
        let standard = try FullBriefLayoutTests.layout()
        let changed = try Self.layout(style: Self.style("proportions:\n  leader-pitch: 1.1\n  comparison-columns: [3, 1, 1, 1]\n"))
        let before = Self.leaderPitches(standard), after = Self.leaderPitches(changed)
        #expect(!before.isEmpty && after == Set(before.map { $0 * 2 }), "\(before) → \(after)")
        // The speakers' column starts further right when the place column weighs more.
        func speakerColumn(_ document: LaidOutDocument) -> Double? {
            let page = try? #require(document.destinations["comparison"]?.page)
            return page.flatMap { document.pages[$0].textLines.first { $0.text == "講者" }?.origin.x }
        }
        let x0 = try #require(speakerColumn(standard)), x1 = try #require(speakerColumn(changed))
        #expect(x1 > x0 + 40, "\(x0) → \(x1)")
    }

    @Test func aValueOutOfRangeNamesTheFileLineAndKey() throws {
        let path = try Self.style("proportions:\n  panel-accent: 3\n  leader-pitch: 40\n")
        #expect(throws: ReportError.self) { try Self.layout(style: path) }
        do {
            _ = try Self.layout(style: path)
        } catch let error as ReportError {
            #expect(error.message.contains("wide.yaml:4"), "\(error.message)")
            #expect(error.message.contains("proportions.leader-pitch"), "\(error.message)")
        }
    }
}
