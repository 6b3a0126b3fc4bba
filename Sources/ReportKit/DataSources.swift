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
    /// `--encoding`: read the summit files in this encoding instead of detecting it.
    public var encoding: SummitEncoding?

    public init(summitFile: String? = nil, dataFolder: String = "Data", placesFile: String? = nil, rolesFile: String? = nil,
                themesFile: String? = nil, encoding: SummitEncoding? = nil) {
        self.summitFile = summitFile
        self.dataFolder = dataFolder
        self.placesFile = placesFile
        self.rolesFile = rolesFile
        self.themesFile = themesFile
        self.encoding = encoding
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
            let (places, placeWarnings) = try PlaceDirectory.load(placesFile ?? dataFolder + "/places.yaml")
            let rolesPath = rolesFile ?? dataFolder + "/roles.yaml"
            let roles = try RoleVocabulary.load(rolesPath)
            let (catalog, themeWarnings) = try ThemeCatalog.load(themesFile ?? dataFolder + "/themes.yaml")
            let imported = try SummitImporter(places: places, roles: roles, rolesSource: rolesPath, encoding: encoding).importFile(file)
            let analysis = SummitAnalyzer(catalog: catalog).analyse(imported.summit)
            return LoadedSummit(summit: imported.summit, analysis: analysis, catalog: catalog, roles: roles,
                                warnings: placeWarnings + themeWarnings + imported.warnings,
                                notes: ["\(file): read as \(imported.encoding.encoding.displayName): \(imported.encoding.reason)"])
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
    /// What `--verbose` tells about the reading: which encoding each file was read in and why.
    public var notes: [String] = []
}
