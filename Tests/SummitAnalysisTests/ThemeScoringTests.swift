import Foundation
import Testing
import ReportTestSupport
@testable import SummitAnalysis
import SummitModel

@Suite("Theme scores")
struct ThemeScoringTests {
    let analysis = AnalysisFixtures.analysis

    /// Counted by hand from row 1 of the 2021 file.
    @Test func taipeiMayorByHand() throws {
        let mayor = try #require(analysis.speaker(1))
        func matches(_ id: String) -> Int { mayor.score(id)?.matches ?? -1 }
        #expect(matches("open-data") == 1)                // 開放資料
        #expect(matches("connectivity") == 3)             // WIFI, 5G, 5G
        #expect(matches("digital-identity") == 5)         // 身份識別, 身分識別, 台北通, QRcode, 身分
        #expect(matches("education") == 11)               // 教育 ×2, 校園 ×3, 教室 ×2, 學生, 國中, 小學, 學生證→學生 …
        #expect(matches("pandemic") == 0)
        #expect(mayor.topThemes == ["education", "digital-government", "cashless"])
        let identity = try #require(mayor.score("digital-identity"))
        #expect(identity.keywords.map(\.keyword) == ["身份識別", "身分識別", "台北通", "QRcode", "身分"])
        #expect(identity.evidence.count == 1, "all five are in item 2")
        #expect(identity.evidence[0].marker == "2.")
        #expect(identity.evidence[0].text.hasPrefix("身份識別：兩年前出訪愛沙尼亞"))
    }

    @Test func sharesAddUpToOne() {
        for speaker in analysis.speakers where speaker.totalMatches > 0 {
            let sum = speaker.themes.reduce(0) { $0 + $1.share }
            #expect(abs(sum - 1) < 1e-9)
        }
    }

    @Test func taipeiPlaceSumsItsTwoSpeakers() throws {
        let taipei = try #require(analysis.place("taipei"))
        #expect(taipei.speakerNumbers == [1, 2])
        let mayor = try #require(analysis.speaker(1)), deputy = try #require(analysis.speaker(2))
        for (index, theme) in analysis.themes.enumerated() {
            #expect(taipei.themes[index].matches == mayor.themes[index].matches + deputy.themes[index].matches, "\(theme.id)")
        }
        #expect(taipei.matches("pandemic") == 14)
    }

    @Test func evidenceIsTheSentenceOfTheMatch() throws {
        let deputy = try #require(analysis.speaker(2))
        let data = try #require(deputy.score("ai-data"))
        #expect(data.keywords.map(\.keyword) == ["大數據", "數據驅動", "AI"])
        #expect(data.evidence.map(\.text).allSatisfy { $0.hasSuffix("。") })
        #expect(data.evidence[0].text.hasPrefix("本府大數據中心亦收集國內外疫情資料"))
    }

    @Test func longestKeywordWinsAndIsCountedOnce() {
        let catalog = ThemeCatalog(themes: [
            Theme(id: "a", zh: "A", en: "A", keywords: ["數據"]),
            Theme(id: "b", zh: "B", en: "B", keywords: ["大數據"]),
            Theme(id: "c", zh: "C", en: "C", keywords: ["AI", "wifi"]),
        ])
        let scorer = ThemeScorer(catalog: catalog)
        let scores = scorer.score(Summary(blocks: [.paragraph("大數據與數據。SAÏB 與 AIoT 不算，AI 算；WIFI 與 ＷＩＦＩ 都算。")]))
        #expect(scores.map(\.matches) == [1, 1, 3])
        #expect(scores[2].keywords == [KeywordCount(keyword: "AI", count: 1), KeywordCount(keyword: "wifi", count: 2)])
    }

    @Test func editingTheThemeFileChangesTheResult() throws {
        let folder = Repository.temporaryFolder()
        let path = folder + "/themes.yaml"
        var text = try String(contentsOfFile: Repository.path("Data/themes.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "zh: [開放資料, 開放數據,", with: "zh: [開放資料, 開放數據, 開放政府,")
        text += """

          - id: smart-campus
            zh: 智慧校園
            en: Smart campus
            keywords: [智慧校園]

        """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let edited = try ThemeCatalog.load(path).catalog
        let analysis = SummitAnalyzer(catalog: edited).analyse(AnalysisFixtures.summit)
        let mayor = try #require(analysis.speaker(1))
        #expect(mayor.score("open-data")?.matches == 2, "開放政府 now also counts as open data")
        #expect(mayor.score("smart-campus")?.matches == 2, "the new theme is scored")
        #expect(mayor.score("education")?.matches == 9, "智慧校園 is now one longer match, not 校園")
    }

    @Test func similarPlacesAreTheTwoClosestProfiles() throws {
        let lalitpur = try #require(analysis.place("lalitpur"))
        #expect(lalitpur.similar.map(\.slug) == ["port-louis", "central-bohemia"])
        #expect(lalitpur.similar[0].score > lalitpur.similar[1].score)
        for place in analysis.places {
            #expect(place.similar.count == 2)
            #expect(!place.similar.contains { $0.slug == place.slug })
        }
    }
}
