import Foundation
import Testing
import ReportKit
import ReportTestSupport
import SummitModel

/// The English brief sets the project's translation: read back, every summary is there in
/// English, the original below it unless `--no-original`, and the Chinese brief is untouched.
@Suite("The English brief sets the translation")
struct EnglishBriefTests {
    static let folder = Repository.temporaryFolder("english-brief")
    let summit = BriefFixtures.loaded.summit

    func brief(_ name: String, _ arguments: [String]) throws -> String {
        let path = Self.folder + "/\(name).pdf"
        let run = try ReportBinary.run(["pdf", "--cities", "all", "--lang", "en", "--out", path, "--quiet"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return try BriefFixtures.text(path).squeezed
    }

    func translation() throws -> SummitTranslation {
        try #require(BriefFixtures.loaded.translations[summit.date], "the 2021 translation is loaded beside the summit file")
    }

    @Test func everySummaryIsInEnglishWithTheOriginalBelow() throws {
        let text = try brief("english", [])
        let translation = try translation()
        #expect(text.contains("2021Mayors'Summit(23March)"), "the English title")
        for speaker in summit.speakers {
            let english = try #require(translation.summary(of: speaker))
            let first = english.units[0].text.squeezed, last = english.units[english.units.count - 1].text.squeezed
            #expect(text.contains(String(first.prefix(30))), "English summary of row \(speaker.number)")
            #expect(text.contains(String(last.suffix(20))), "the end of the English summary of row \(speaker.number)")
            // English paragraphs keep no Chinese except the names of places written in it.
            #expect(!english.units.contains { $0.text.unicodeScalars.contains(where: CJKText.isIdeograph) }, "row \(speaker.number)")
            let original = speaker.summary.units[0].text.squeezed
            #expect(text.contains(String(original.prefix(16))), "the original of row \(speaker.number)")
        }
        #expect(text.contains("Taipei:theoriginal(Chinese)"))
    }

    @Test func noOriginalLeavesTheChineseOut() throws {
        let text = try brief("no-original", ["--no-original"])
        for speaker in summit.speakers {
            #expect(!text.contains(String(speaker.summary.units[0].text.squeezed.prefix(16))), "the original of row \(speaker.number)")
        }
        #expect(!text.contains("theoriginal(Chinese)"))
    }

    @Test func aSpeakerWithoutTranslationSaysSoAndShowsTheOriginal() throws {
        let text = try brief("broken", ["--translation", Repository.fixture("translations/broken.en.yaml")])
        #expect(text.contains("Taipei:noEnglishtranslationofthissummaryexists;theoriginalfollows."))
        #expect(text.contains(String(summit.speakers[0].summary.units[0].text.squeezed.prefix(16))))
        #expect(text.contains("Brokentranslation"), "the translation's title")
    }
}
