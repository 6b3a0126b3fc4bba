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

    /// The 2022 file names six places that `places.yaml` lacks: their English comes from the
    /// translation where it gives one, Taipei keeps its curated name, and the others keep the
    /// names derived from the Chinese.
    @Test func aTranslationNamesThePlacesTheCuratedListLacks() throws {
        let path = Self.folder + "/names-2022.pdf"
        let run = try ReportBinary.run(["pdf", "--lang", "en", "--data", Repository.fixture("summit-2022-09-15.txt"), "--out", path, "--quiet",
                                        "--translation", Repository.fixture("translations/names-2022.en.yaml")])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try BriefFixtures.text(path).squeezed
        #expect(text.contains("Kaohsiung") && text.contains("Fukuoka"))
        #expect(!text.contains("GaoXiongShi") && !text.contains("RiBenFuGangShi"))
        #expect(text.contains("DeGuoHanBaoShi"), "a place the translation does not name keeps its derived name")
        #expect(!text.contains("AnameTaipeimustnottake") && text.contains("Taipei"))
        #expect(!text.contains("Arolethecuratedlisthas"))
        #expect(text.contains("2022Mayors'Summit(15September)"))
    }

    /// Over several summits the English brief is under the translations' shared name and
    /// names each summit by its English title (its date beside it, not twice).
    @Test func severalSummitsAreUnderTheTranslationsSharedName() throws {
        let path = Self.folder + "/two-summits.pdf"
        let run = try ReportBinary.run(["pdf", "--lang", "en", "--data", Repository.path("Data/summit-2021-03-23.txt"),
                                        "--data", Repository.fixture("summit-2022-09-15.txt"), "--out", path, "--quiet",
                                        "--translation", Repository.fixture("translations/names-2022.en.yaml")])
        #expect(run.status == 0, "\(run.stderr)")
        let cover = try BriefFixtures.text(path, page: 1).squeezed
        #expect(cover.contains("Mayors'Summit2021–2022"))
        #expect(cover.contains("2021Mayors'Summit23March2021") && cover.contains("2022Mayors'Summit15September2022"))
        let info = try ToolRun.run("pdfinfo", [path]).stdout
        #expect(info.contains("Mayors' Summit 2021–2022 City comparison brief"))
    }
}
