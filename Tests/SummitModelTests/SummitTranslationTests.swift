import Testing
import InputSupport
import ReportTestSupport
@testable import SummitModel

/// The English summaries are data beside the summit file: read with file:line errors, and
/// checked block by block against the original so a mismatch falls back to it.
@Suite("Translations load and are checked against the original")
struct SummitTranslationTests {
    let summit: Summit

    init() throws { summit = try ImportFixtures.importer.importFile(Repository.summit2021).summit }

    @Test func theTranslationIsFoundBesideTheSummitFile() {
        #expect(SummitTranslation.path(beside: "Data/summit-2021-03-23.txt") == "Data/summit-2021-03-23.en.yaml")
        #expect(SummitTranslation.path(beside: "summit-2021-03-23.txt") == "summit-2021-03-23.en.yaml")
    }

    @Test func the2021TranslationMatchesEverySpeaker() throws {
        let loaded = try #require(try SummitTranslation.loadBeside(summit))
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        let translation = loaded.translation
        #expect(translation.title == "2021 Mayors' Summit (23 March): summaries of the remarks")
        #expect(summit.speakers.count == 13)
        #expect(translation.summaries.count == 13)
        for speaker in summit.speakers {
            let english = try #require(translation.summary(of: speaker), "speaker \(speaker.number)")
            #expect(shape(of: english) == shape(of: speaker.summary), "speaker \(speaker.number)")
            #expect(english.pointCount == speaker.summary.pointCount)
        }
        let first = try #require(translation.summaries[1])
        #expect(shape(of: first) == "P L1-5")
        #expect(first.units.first?.text.hasPrefix("Taipei City in the global Smart City Index") == true)
        #expect(shape(of: try #require(translation.summaries[3])) == "P L1-5 P")
        #expect(shape(of: try #require(translation.summaries[10])) == "P L1-7")
    }

    @Test func aMismatchIsAWarningNamingSpeakerAndBlockAndFallsBack() throws {
        let path = Repository.fixture("translations/broken.en.yaml")
        let (translation, warnings) = try SummitTranslation.load(path, for: summit)
        // Speaker 1 misses a point, 2 has a block too many, 3 has a list for a paragraph, 99 does not exist.
        #expect(translation.summaries.isEmpty, "\(translation.summaries.keys.sorted())")
        let messages = warnings.map(\.description)
        #expect(warnings.count == 4, "\(messages)")
        #expect(messages.contains { $0.contains("speaker 1: block 2 (a list): a point is missing: the original has 5, the translation 4") && $0.contains("broken.en.yaml:7") }, "\(messages)")
        #expect(messages.contains { $0.contains("speaker 2: block 2 is one the original lacks") && $0.contains("broken.en.yaml:15") }, "\(messages)")
        #expect(messages.contains { $0.contains("speaker 3: block 1 is a list where the original has a paragraph") && $0.contains("broken.en.yaml:18") }, "\(messages)")
        #expect(messages.contains { $0.contains("speaker 99 is not in") && $0.contains("broken.en.yaml:21") }, "\(messages)")
        #expect(translation.title == "Broken translation")
    }

    @Test func badYAMLIsAnErrorWithItsLine() {
        do {
            _ = try SummitTranslation.load(Repository.fixture("translations/bad-yaml.en.yaml"), for: summit)
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("is not valid YAML"), "\(error)")
            #expect(error.location?.file.hasSuffix("bad-yaml.en.yaml") == true, "\(error)")
            #expect(error.location?.line != nil, "\(error)")
        }
    }

    @Test func aWrongTypeIsAnErrorAtItsLine() {
        do {
            _ = try SummitTranslation.load(Repository.fixture("translations/wrong-type.en.yaml"), for: summit)
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("speakers[1].number"), "\(error)")
            #expect(error.location?.line == 3, "\(error)")
        }
    }
}
