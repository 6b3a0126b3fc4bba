import Testing
import ReportKit
import ReportTestSupport
import SummitAnalysis
import SummitModel

/// The English brief scores the English text with the English keywords of themes.yaml,
/// and quotes figures from it; the Chinese brief keeps the analysis of the original.
@Suite("Themes and figures of the English brief come from the translation")
struct EnglishAnalysisTests {
    let loaded = BriefFixtures.loaded

    func speaker(_ number: Int, in language: BriefLanguage.Code) throws -> SpeakerAnalysis {
        try #require(loaded.summits(in: language).last?.analysis.speaker(number))
    }

    @Test func theMayorOfTaipeiIsScoredOnTheEnglishText() throws {
        let english = try speaker(1, in: .en)
        #expect(english.score("education")?.matches == 4)
        #expect(english.score("connectivity")?.matches == 3)
        #expect(english.score("public-private-partnership")?.matches == 3)
        #expect(english.topThemes == ["education", "connectivity", "public-private-partnership"])
        let keywords = english.score("education")?.keywords.map(\.keyword) ?? []
        #expect(keywords.contains("education") && keywords.contains("school"), "\(keywords)")
        // Evidence quotes the English sentence.
        let evidence = try #require(english.score("education")?.evidence.first)
        #expect(evidence.text.contains("senior high and vocational high school students"))
    }

    @Test func figuresAreReadFromTheEnglishText() throws {
        let english = try speaker(1, in: .en)
        let texts = english.figures.map(\.text)
        #expect(texts.contains("8%") && texts.contains("40%") && texts.contains("55%"), "\(texts)")
        #expect(english.figures.allSatisfy { !$0.clause.unicodeScalars.contains(where: CJKText.isIdeograph) }, "\(english.figures.map(\.clause))")
        #expect(english.figures.first { $0.text == "8%" }?.clause == "and only 8% were digitally bound")
    }

    @Test func theChineseBriefKeepsTheOriginalAnalysis() throws {
        #expect(try speaker(1, in: .zhTW) == loaded.analysis.speaker(1))
        #expect(try speaker(1, in: .en) != loaded.analysis.speaker(1))
    }
}
