import Foundation
import Testing
import InputSupport
import ReportTestSupport
@testable import SummitModel

/// The curated YAML files steer how every speaker is read: a hole in them (an empty title,
/// an alias of two places) silently mis-reads the summit, so it is an error at its line.
@Suite("Curated data with holes is refused at its line")
struct CuratedDataTests {
    func write(_ name: String, _ text: String) throws -> String {
        let path = Repository.temporaryFolder("curated") + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func expectError(_ body: () throws -> Void, file name: String, line: Int, _ message: String) {
        do {
            try body()
            Issue.record("accepted: expected \(message)")
        } catch let error as InputError {
            #expect(error.message.contains(message), "\(error)")
            #expect(error.location?.file.hasSuffix(name) == true, "\(error)")
            #expect(error.location?.line == line, "\(error)")
        } catch {
            Issue.record("\(error)")
        }
    }

    static func place(_ slug: String, _ zh: String, _ en: String, _ aliases: String, _ iso: String) -> String {
        "  - {slug: \(slug), zh: \(zh), en: \(en), aliases: [\(aliases)], country: {zh: 國, en: Land, iso: \(iso)}, kind: city}\n"
    }

    // MARK: roles.yaml

    @Test func aRoleWithAnEmptyTitleIsAnErrorAtItsLine() throws {
        let path = try write("roles.yaml", "roles:\n  - {zh: 市長, en: Mayor}\n  - {zh: '', en: Deputy Mayor}\n")
        expectError({ _ = try RoleVocabulary.load(path) }, file: "roles.yaml", line: 3, "`roles[2].zh` is empty")
    }

    @Test func aRoleWithEmptyEnglishIsAnError() throws {
        let path = try write("roles.yaml", "roles:\n  - {zh: 市長, en: Mayor}\n  - {zh: 副市長, en: ' '}\n")
        expectError({ _ = try RoleVocabulary.load(path) }, file: "roles.yaml", line: 3, "`roles[2].en` is empty")
    }

    @Test func aTitleListedTwiceWithDifferentEnglishIsAnError() throws {
        let path = try write("roles.yaml", "roles:\n  - {zh: 市長, en: Mayor}\n  - {zh: 代表, en: Representative}\n  - {zh: 市長, en: Governor}\n")
        expectError({ _ = try RoleVocabulary.load(path) }, file: "roles.yaml", line: 4, "listed twice with different English")
    }

    @Test func anEmptyTitleNoLongerFoldsTheTitleIntoTheName() throws {
        // What the issue saw: with an empty `zh` the importer took every speaker's title as part of the name.
        let path = try write("roles.yaml", "roles:\n  - {zh: 市長, en: Mayor}\n  - {zh: \"\", en: Nothing}\n")
        #expect(throws: InputError.self) { _ = try RoleVocabulary.load(path) }
    }

    // MARK: places.yaml

    @Test func anAliasSharedByTwoPlacesIsAnError() throws {
        let path = try write("places.yaml", "places:\n" + Self.place("taipei", "臺北市", "Taipei", "台北", "TW")
                             + Self.place("new-taipei", "新北市", "New Taipei", "台北", "TW"))
        expectError({ _ = try PlaceDirectory.load(path) }, file: "places.yaml", line: 3, "the name '台北' of 'new-taipei' also names 'taipei'")
    }

    @Test func anAliasThatIsAnotherPlacesEnglishNameInAnotherCaseIsAnError() throws {
        let path = try write("places.yaml", "places:\n" + Self.place("taipei", "臺北市", "Taipei", "台北", "TW")
                             + Self.place("taipei-office", "臺北辦事處", "Taipei Office", "TAIPEI", "TW"))
        expectError({ _ = try PlaceDirectory.load(path) }, file: "places.yaml", line: 3, "also names 'taipei'")
    }

    @Test func anEmptyChineseNameOrAliasIsAnError() throws {
        let empty = try write("places.yaml", "places:\n" + Self.place("taipei", "''", "Taipei", "台北", "TW"))
        expectError({ _ = try PlaceDirectory.load(empty) }, file: "places.yaml", line: 2, "`places[1].zh` is empty")
        let alias = try write("places.yaml", "places:\n" + Self.place("taipei", "臺北市", "Taipei", "台北, ''", "TW"))
        expectError({ _ = try PlaceDirectory.load(alias) }, file: "places.yaml", line: 2, "has an empty alias (item 2)")
    }

    @Test(arguments: ["UK", "XX", "EU", "TQ"])
    func anISOCodeThatIsNotAssignedIsAnError(_ code: String) throws {
        let path = try write("places.yaml", "places:\n" + Self.place("london", "倫敦", "London", "", code))
        expectError({ _ = try PlaceDirectory.load(path) }, file: "places.yaml", line: 2, "must be an ISO 3166-1 alpha-2 code")
    }

    @Test func theAssignedCodesAreTheStandardsList() {
        #expect(ISOCountryCodes.assigned.count == 249)
        for code in ["TW", "KR", "GB", "CZ", "ZA", "MU", "NP", "HU", "NL", "FR", "AX", "SS", "BQ"] { #expect(ISOCountryCodes.isAssigned(code)) }
        for code in ["UK", "EU", "XK", "tw", "T", "TWN"] { #expect(!ISOCountryCodes.isAssigned(code)) }
    }

    // MARK: themes.yaml

    @Test func aKeywordUnderTwoThemesAndAOneCharacterKeywordAreWarnings() throws {
        let path = try write("themes.yaml", """
            themes:
              - id: open-data
                zh: 開放資料
                en: Open data
                keywords: [開放資料, API]
              - id: mobility
                zh: 交通
                en: Mobility
                keywords: [交通, api, 的]

            """)
        let (catalog, warnings) = try ThemeCatalog.load(path)
        #expect(catalog.themes.count == 2)
        let messages = warnings.map(\.description)
        #expect(messages.contains { $0.contains("themes.yaml:9:") && $0.contains("'api' is listed under 'open-data' and 'mobility'") }, "\(messages)")
        #expect(messages.contains { $0.contains("'的' of 'mobility' is one character") }, "\(messages)")
    }

    @Test func anEmptyThemeLabelIsAnError() throws {
        let path = try write("themes.yaml", "themes:\n  - id: x\n    zh: ''\n    en: X\n    keywords: [甲乙]\n")
        expectError({ _ = try ThemeCatalog.load(path) }, file: "themes.yaml", line: 3, "`themes[1].zh` is empty")
    }

    // MARK: The shipped files

    @Test func theShippedDataLoadsWithoutErrorsOrWarnings() throws {
        let (places, placeWarnings) = try PlaceDirectory.load(Repository.path("Data/places.yaml"))
        let (roles, roleWarnings) = try RoleVocabulary.loadChecked(Repository.path("Data/roles.yaml"))
        let (catalog, themeWarnings) = try ThemeCatalog.load(Repository.path("Data/themes.yaml"))
        #expect(!places.places.isEmpty && !roles.roles.isEmpty && !catalog.themes.isEmpty)
        #expect(placeWarnings.isEmpty && roleWarnings.isEmpty && themeWarnings.isEmpty, "\(placeWarnings + roleWarnings + themeWarnings)")
    }
}
