import Testing
import InputSupport
import ReportTestSupport
@testable import SummitModel

/// The template staff fill in: filled with the original text it must load as a valid
/// translation of every speaker; left empty, every speaker keeps the original.
@Suite("The translation template round-trips")
struct TranslationTemplateTests {
    let summit: Summit

    init() throws { summit = try ImportFixtures.importer.importFile(Repository.summit2021).summit }

    @Test func aTemplateFilledWithTheOriginalIsAValidTranslation() throws {
        let yaml = TranslationTemplate.yaml(for: summit, text: { $0 })
        let (translation, warnings) = try SummitTranslation.parse(YAMLValue.parse(yaml, file: "template.en.yaml"), for: summit)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(translation.title == summit.heading)
        #expect(translation.summaries.count == summit.speakers.count)
        for speaker in summit.speakers {
            #expect(translation.summary(of: speaker) == speaker.summary, "speaker \(speaker.number)")
        }
    }

    @Test func anEmptyTemplateTranslatesNothingAndWarnsOfNothing() throws {
        let yaml = TranslationTemplate.yaml(for: summit)
        let (translation, warnings) = try SummitTranslation.parse(YAMLValue.parse(yaml, file: "template.en.yaml"), for: summit)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(translation.title == nil)
        #expect(translation.summaries.isEmpty)
        #expect(yaml.contains("  - number: 13\n"))
        #expect(yaml.contains("      - paragraph: \"\"\n"))
        #expect(yaml.contains("          # 1. 雙管齊下"))
    }

    @Test func quotesAndBackslashesSurviveTheRoundTrip() throws {
        let tricky = "a \"quoted\" \\ back\tslash: # not a comment"
        let yaml = "title: \(TranslationTemplate.quoted(tricky))\n"
        let value = try YAMLValue.parse(yaml, file: "t.yaml").object().required("title").string()
        #expect(value == tricky)
    }
}
