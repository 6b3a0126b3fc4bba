import InputSupport
import SummitAnalysis
import SummitModel

/// Where the inputs are. Defaults suit a run from the project folder: the newest
/// `Data/summit-*.txt` (so next year's file is picked up by dropping it in `Data/`) and the
/// curated YAML files beside it.
public struct DataSources: Sendable {
    public var summitFile: String?
    public var dataFolder: String
    public var placesFile: String?
    public var rolesFile: String?
    public var themesFile: String?

    public init(summitFile: String? = nil, dataFolder: String = "Data", placesFile: String? = nil, rolesFile: String? = nil,
                themesFile: String? = nil) {
        self.summitFile = summitFile
        self.dataFolder = dataFolder
        self.placesFile = placesFile
        self.rolesFile = rolesFile
        self.themesFile = themesFile
    }

    /// The summit file to read: the one given, or the newest in the data folder.
    public func resolvedSummitFile() throws(ReportError) -> String {
        if let summitFile { return summitFile }
        let candidates = InputFolder.files(in: dataFolder, withExtension: "txt").filter { $0.hasPrefix("summit-") }
        guard let newest = candidates.last else {
            throw ReportError(.input, "no summit file found: \(dataFolder)/ has no summit-*.txt\n  Give one with --data FILE, or copy it into \(dataFolder)/.")
        }
        return dataFolder + "/" + newest
    }

    /// Reads and analyses everything; warnings are collected, not printed.
    public func load() throws(ReportError) -> LoadedSummit {
        let file = try resolvedSummitFile()
        do throws(InputError) {
            let placesPath = placesFile ?? dataFolder + "/places.yaml"
            let (places, placeWarnings) = try PlaceDirectory.load(placesPath)
            let rolesPath = rolesFile ?? dataFolder + "/roles.yaml"
            let (roles, roleWarnings) = try RoleVocabulary.loadChecked(rolesPath)
            let themesPath = themesFile ?? dataFolder + "/themes.yaml"
            let (catalog, themeWarnings) = try ThemeCatalog.load(themesPath)
            let imported = try SummitImporter(places: places, roles: roles, rolesSource: rolesPath).importFile(file)
            let analysis = SummitAnalyzer(catalog: catalog).analyse(imported.summit)
            return LoadedSummit(summit: imported.summit, analysis: analysis, catalog: catalog, roles: roles,
                                warnings: placeWarnings + roleWarnings + themeWarnings + imported.warnings,
                                inputFiles: [file, placesPath, rolesPath, themesPath])
        } catch {
            throw ReportError(error)
        }
    }
}

/// A summit with its analysis and the curated data it was read with.
public struct LoadedSummit: Sendable {
    public var summit: Summit
    public var analysis: SummitAnalysis
    public var catalog: ThemeCatalog
    public var roles: RoleVocabulary
    public var warnings: [InputWarning]
    /// The files it was read from (summit file, places, roles, themes): an output may not be one of them.
    public var inputFiles: [String]

    /// `inputFiles` may be empty for a summit built in memory (tests): then no output is refused as an input.
    public init(summit: Summit, analysis: SummitAnalysis, catalog: ThemeCatalog, roles: RoleVocabulary, warnings: [InputWarning],
                inputFiles: [String] = []) {
        self.summit = summit
        self.analysis = analysis
        self.catalog = catalog
        self.roles = roles
        self.warnings = warnings
        self.inputFiles = inputFiles
    }
}
