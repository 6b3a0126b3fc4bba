import ReportTestSupport
import SummitModel

/// The curated data and an importer over it, loaded once for all model tests.
enum ImportFixtures {
    static let places: PlaceDirectory = {
        do { return try PlaceDirectory.load(Repository.path("Data/places.yaml")).directory } catch { fatalError("\(error)") }
    }()
    static let roles: RoleVocabulary = {
        do { return try RoleVocabulary.load(Repository.path("Data/roles.yaml")) } catch { fatalError("\(error)") }
    }()
    static var importer: SummitImporter { SummitImporter(places: places, roles: roles) }

    static func importText(_ text: String, file: String = "test.txt") throws -> ImportResult {
        try importer.importBytes(Array(text.utf8), file: file)
    }
}

/// A compact picture of a summary's shape: `P L1-5 P` is a paragraph, a list numbered
/// 1 to 5, and a paragraph; `U1-2` a bulleted list.
func shape(of summary: Summary) -> String {
    summary.blocks.map { block in
        switch block {
        case .paragraph: return "P"
        case let .list(list):
            let numbers = list.items.map(\.number)
            let contiguous = numbers == Array((numbers.first ?? 1)...(numbers.last ?? 1))
            let range = contiguous ? "\(numbers.first ?? 0)-\(numbers.last ?? 0)" : numbers.map(String.init).joined(separator: ",")
            return (list.ordered ? "L" : "U") + range
        }
    }.joined(separator: " ")
}
