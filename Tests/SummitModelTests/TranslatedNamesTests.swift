import Testing
import InputSupport
import ReportTestSupport
@testable import SummitModel

/// A translation's `place:` and `role:` name what the curated lists lack, and only that.
@Suite("English names from a translation")
struct TranslatedNamesTests {
    let summit: Summit

    init() throws { summit = try ImportFixtures.importer.importFile(Repository.fixture("summit-2022-09-15.txt")).summit }

    func translation() throws -> SummitTranslation {
        try SummitTranslation.load(Repository.fixture("translations/names-2022.en.yaml"), for: summit).translation
    }

    @Test func placesAndRolesAreRead() throws {
        let translation = try translation()
        #expect(translation.places == [1: "Kaohsiung", 2: "Fukuoka", 5: "A name Taipei must not take"])
        #expect(translation.roles == [1: "Mayor of Kaohsiung", 5: "A role the curated list has"])
    }

    @Test func onlyWhatTheCuratedListsLackIsNamed() throws {
        let names = TranslatedNames(summits: [summit], translations: [summit.date: try translation()], roles: ImportFixtures.roles)
        #expect(names.places == ["gao-xiong-shi": "Kaohsiung", "ri-ben-fu-gang-shi": "Fukuoka"], "Taipei is curated: its name stays")
        #expect(ImportFixtures.roles.contains("市長") && ImportFixtures.roles.contains("副市長"))
        #expect(names.roles.isEmpty, "both roles are in roles.yaml")
        let none = TranslatedNames(summits: [summit], translations: [summit.date: try translation()], roles: RoleVocabulary(roles: []))
        #expect(none.roles == ["2022-09-15#1": "Mayor of Kaohsiung", "2022-09-15#5": "A role the curated list has"])
    }

    @Test func theTemplateAsksOnlyForWhatIsLacking() throws {
        let yaml = TranslationTemplate.yaml(for: summit, roles: ImportFixtures.roles)
        #expect(yaml.components(separatedBy: "\n    place: \"\"").count - 1 == 6, "one per place not in places.yaml")
        #expect(!yaml.contains("    role: "), "every role is listed")
        let unlisted = TranslationTemplate.yaml(for: summit, roles: RoleVocabulary(roles: []))
        #expect(unlisted.components(separatedBy: "\n    role: \"\"").count - 1 == summit.speakers.count)
        // Filled with the original, it loads with no warning.
        let filled = TranslationTemplate.yaml(for: summit, roles: RoleVocabulary(roles: []), text: { $0 })
        let (loaded, warnings) = try SummitTranslation.parse(YAMLValue.parse(filled, file: "t.en.yaml"), for: summit)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(loaded.places[1] == "高雄市" && loaded.roles[1] == "市長")
    }
}
