#if canImport(Glibc)
import Glibc
#endif
import InputSupport
import SummitAnalysis
import SummitModel

/// Where the inputs are. A file no option names is looked up by `locator`: in `./Data` when
/// the current folder has it, then in the installed `share/report/Data` (the newest
/// `summit-*.txt`, so next year's file is picked up by dropping it in `Data/`, and the curated
/// YAML files). `summitFile` `-` is standard input.
public struct DataSources: Sendable {
    public var summitFile: String?
    /// One folder to take every default from (tests); nil looks them up through `locator`.
    public var dataFolder: String?
    /// Where defaults are looked up when `dataFolder` is nil: `./Data`, then the installed data.
    public var locator: ResourceLocator = .current
    public var placesFile: String?
    public var rolesFile: String?
    public var themesFile: String?

    public init(summitFile: String? = nil, dataFolder: String? = nil, placesFile: String? = nil, rolesFile: String? = nil,
                themesFile: String? = nil) {
        self.summitFile = summitFile
        self.dataFolder = dataFolder
        self.placesFile = placesFile
        self.rolesFile = rolesFile
        self.themesFile = themesFile
    }

    /// The summit file to read: the one given, or the newest in the data folder(s).
    public func resolvedSummitFile() throws(ReportError) -> String {
        if let summitFile { return summitFile }
        if let dataFolder {
            let candidates = InputFolder.files(in: dataFolder, withExtension: "txt").filter { $0.hasPrefix("summit-") }
            guard let newest = candidates.last else {
                throw ReportError(.input, "no summit file found: \(dataFolder)/ has no summit-*.txt\n  Give one with --data FILE, or copy it into \(dataFolder)/.")
            }
            return dataFolder + "/" + newest
        }
        guard let newest = locator.newestSummitFile() else {
            throw ReportError(.input, "no summit file found in \(locator.searched("Data"))\n  Give one with --data FILE (or --data - for standard input), or copy it into ./Data/.")
        }
        return newest
    }

    /// A curated file (`places.yaml` …): the one given, or the first found by the lookup order.
    func curatedFile(_ given: String?, _ name: String) -> String {
        if let given { return given }
        if let dataFolder { return dataFolder + "/" + name }
        return locator.dataFile(name)
    }

    /// What `--data -` means: standard input.
    public static let standardInput = "-"

    /// Reads and analyses everything; warnings are collected, not printed.
    public func load() throws(ReportError) -> LoadedSummit {
        let file = try resolvedSummitFile()
        // Nobody types a summit file: waiting for one on a terminal would look like a hang.
        if file == Self.standardInput, isatty(STDIN_FILENO) == 1 {
            throw ReportError(.usage, "--data - reads the summit file from standard input, and standard input is a terminal\n"
                              + "  Pipe or redirect it in: `report pdf --data - < summit.txt`, `cat summit.txt | report pdf --data -`.")
        }
        do throws(InputError) {
            let placesPath = curatedFile(placesFile, "places.yaml")
            let (places, placeWarnings) = try PlaceDirectory.load(placesPath)
            let rolesPath = curatedFile(rolesFile, "roles.yaml")
            let (roles, roleWarnings) = try RoleVocabulary.loadChecked(rolesPath)
            let themesPath = curatedFile(themesFile, "themes.yaml")
            let (catalog, themeWarnings) = try ThemeCatalog.load(themesPath)
            let importer = SummitImporter(places: places, roles: roles, rolesSource: rolesPath)
            let imported = file == Self.standardInput
                ? try importer.importBytes(InputFile.readStandardInput(), file: InputFile.standardInputName)
                : try importer.importFile(file)
            let analysis = SummitAnalyzer(catalog: catalog).analyse(imported.summit)
            return LoadedSummit(summit: imported.summit, analysis: analysis, catalog: catalog, roles: roles,
                                warnings: placeWarnings + roleWarnings + themeWarnings + imported.warnings,
                                inputFiles: (file == Self.standardInput ? [] : [file]) + [placesPath, rolesPath, themesPath])
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
