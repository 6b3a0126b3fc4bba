import ReportTestSupport
import SummitAnalysis
import SummitModel

/// The 2021 summit, imported and analysed once for all analysis tests.
enum AnalysisFixtures {
    static let catalog: ThemeCatalog = load { try ThemeCatalog.load(Repository.path("Data/themes.yaml")).catalog }
    static let summit: Summit = load {
        let places = try PlaceDirectory.load(Repository.path("Data/places.yaml")).directory
        let roles = try RoleVocabulary.load(Repository.path("Data/roles.yaml"))
        return try SummitImporter(places: places, roles: roles).importFile(Repository.summit2021).summit
    }
    static let analysis = SummitAnalyzer(catalog: catalog).analyse(summit)

    private static func load<T>(_ body: () throws -> T) -> T {
        do { return try body() } catch { fatalError("fixture failed to load: \(error)") }
    }
}
