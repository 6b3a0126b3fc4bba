import Testing
import ReportTestSupport
@testable import ReportExport
import SummitAnalysis
import SummitModel

/// Several summits' CSV files: one table each, every row saying its summit, and the files
/// of separate runs stacking into the same table.
@Suite("CSV files across summits")
struct StackedCSVTests {
    static let summits: [AnalysedSummit] = {
        do {
            let places = try PlaceDirectory.load(Repository.path("Data/places.yaml")).directory
            let roles = try RoleVocabulary.load(Repository.path("Data/roles.yaml"))
            let analyzer = SummitAnalyzer(catalog: try ThemeCatalog.load(Repository.path("Data/themes.yaml")).catalog)
            let importer = SummitImporter(places: places, roles: roles)
            return try [Repository.summit2021, Repository.fixture("summit-2023-05-10.txt"), Repository.fixture("summit-2024-04-18.txt")].map {
                let summit = try importer.importFile($0).summit
                return AnalysedSummit(summit: summit, analysis: analyzer.analyse(summit))
            }
        } catch { fatalError("\(error)") }
    }()

    static let archivePlaces: [Place] = {
        do { return try SummitArchive(summits.map(\.summit)).places } catch { fatalError("\(error)") }
    }()

    static func exports(_ summits: [AnalysedSummit], places: [Place]? = nil) -> CSVExports {
        CSVExports(summits: summits, places: places ?? archivePlaces)
    }

    @Test func everyFileEndsWithTheSummitAndTheSpeakerIds() throws {
        for table in Self.exports(Self.summits).tables {
            let back = try CSVReadBack(table.bytes)
            #expect(back.header.suffix(3).prefix(2) == ["summit_date", "summit"], "\(table.name)")
            #expect(back.header.last == "speaker_id" || back.header.last == "speaker_ids", "\(table.name)")
            #expect(Set(back.column("summit_date")) == ["2021-03-23", "2023-05-10", "2024-04-18"], "\(table.name)")
            #expect(back.column("summit_date") == back.column("summit_date").sorted(), "\(table.name): oldest summit first")
        }
    }

    @Test func speakersOfThreeSummitsAreOneTableKeyedBySpeakerId() throws {
        let back = try CSVReadBack(Self.exports(Self.summits).speakers.bytes)
        #expect(back.rows.count == 13 + 5 + 4)
        let ids = back.column("speaker_id")
        #expect(ids.first == "2021-03-23#1" && ids.last == "2024-04-18#4")
        #expect(Set(ids).count == ids.count, "ids are unique across summits")
        let prague = back.rows.filter { $0[1] == "prague" }
        #expect(prague.map { $0[9] } == ["Zdeněk Hřib", "Bohuslav Svoboda", "Bohuslav Svoboda"])
        #expect(back.column("summit")[13] == "2023 首長高峰會")
        // Every id names a row of its own summit.
        for (id, number) in zip(ids, back.column("number")) { #expect(id.hasSuffix("#" + number)) }
    }

    @Test func placesAndHeatmapHaveARowPerPlaceAndSummitItSpokeAt() throws {
        let places = try CSVReadBack(Self.exports(Self.summits).placesTable.bytes)
        #expect(places.rows.count == 12 + 5 + 4)
        let prague = places.rows.filter { $0[0] == "prague" }
        let dateColumn = try #require(places.header.firstIndex(of: "summit_date"))
        #expect(prague.map { $0[dateColumn] } == ["2021-03-23", "2023-05-10", "2024-04-18"])
        let taipei2021 = try #require(places.rows.first { $0[0] == "taipei" })
        #expect(taipei2021.last == "2021-03-23#1; 2021-03-23#2")
        let heatmap = try CSVReadBack(Self.exports(Self.summits).heatmap.bytes)
        #expect(heatmap.rows.count == places.rows.count)
        let openData = try #require(heatmap.header.firstIndex(of: "open-data"))
        let pragueCounts = heatmap.rows.filter { $0[0] == "prague" }.map { Int($0[openData]) ?? -1 }
        #expect(pragueCounts.allSatisfy { $0 > 0 }, "Prague spoke of open data every time: \(pragueCounts)")
    }

    @Test func filesOfSeparateRunsStackIntoTheArchiveTable() throws {
        let whole = Self.exports(Self.summits).tables
        for (index, table) in whole.enumerated() {
            let stacked = try Self.summits.flatMap { entry in
                try CSVReadBack(Self.exports([entry], places: entry.summit.places).tables[index].bytes).rows
            }
            let back = try CSVReadBack(table.bytes)
            #expect(back.rows == stacked, "\(table.name)")
            #expect(try CSVReadBack(Self.exports([Self.summits[0]], places: Self.summits[0].summit.places).tables[index].bytes).header == back.header)
        }
    }

    @Test func aSelectionAcrossSummitsKeepsOnlyItsPlaces() throws {
        let selected = Self.archivePlaces.filter { ["prague", "strasbourg"].contains($0.slug) }
        let back = try CSVReadBack(Self.exports(Self.summits, places: selected).speakers.bytes)
        #expect(back.column("speaker_id") == ["2021-03-23#8", "2021-03-23#11", "2023-05-10#2", "2024-04-18#2", "2024-04-18#4"])
    }
}
