import Foundation
import InputSupport
import SummitAnalysis
import SummitModel

/// Where the inputs are. Defaults suit a run from the project folder: the newest
/// `Data/summit-*.txt` (so next year's file is picked up by dropping it in `Data/`) and the
/// curated YAML files beside it. Several summit files (or folders of them) make one archive.
public struct DataSources: Sendable {
    /// `--data`, as given: summit files, or folders whose `summit-*.txt` are all read.
    public var summitFiles: [String]
    public var dataFolder: String
    public var placesFile: String?
    public var rolesFile: String?
    public var themesFile: String?
    /// `--encoding`: read the summit files in this encoding instead of detecting it.
    public var encoding: SummitEncoding?

    public init(summitFiles: [String], dataFolder: String = "Data", placesFile: String? = nil, rolesFile: String? = nil,
                themesFile: String? = nil, encoding: SummitEncoding? = nil) {
        self.summitFiles = summitFiles
        self.dataFolder = dataFolder
        self.placesFile = placesFile
        self.rolesFile = rolesFile
        self.themesFile = themesFile
        self.encoding = encoding
    }

    /// One summit file, or the default (the newest in the data folder) when nil.
    public init(summitFile: String? = nil, dataFolder: String = "Data", placesFile: String? = nil, rolesFile: String? = nil,
                themesFile: String? = nil, encoding: SummitEncoding? = nil) {
        self.init(summitFiles: summitFile.map { [$0] } ?? [], dataFolder: dataFolder, placesFile: placesFile, rolesFile: rolesFile,
                  themesFile: themesFile, encoding: encoding)
    }

    /// The summit file to read when one is meant: the last given, or the newest in the data folder.
    public func resolvedSummitFile() throws(ReportError) -> String {
        if let newest = try resolvedSummitFiles().last { return newest }
        throw ReportError(.input, "no summit file found")
    }

    /// Every summit file to read: those given (a folder stands for its `summit-*.txt`, in
    /// name order), or the newest in the data folder when none is.
    public func resolvedSummitFiles() throws(ReportError) -> [String] {
        guard !summitFiles.isEmpty else {
            let candidates = Self.summitFiles(in: dataFolder)
            guard let newest = candidates.last else {
                throw ReportError(.input, "no summit file found: \(dataFolder)/ has no summit-*.txt\n  Give one with --data FILE, or copy it into \(dataFolder)/.")
            }
            return [newest]
        }
        var files: [String] = []
        for given in summitFiles {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: given, isDirectory: &isFolder), isFolder.boolValue {
                let inside = Self.summitFiles(in: given)
                guard !inside.isEmpty else {
                    throw ReportError(.input, "\(given): is a folder, but has no summit-*.txt in it\n  Name the summit files summit-YYYY-MM-DD.txt, or give them one by one with --data FILE.")
                }
                files += inside
            } else {
                files.append(given)
            }
        }
        // The same file named twice (a folder and a file in it) is read once.
        var seen = Set<String>()
        return files.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    private static func summitFiles(in folder: String) -> [String] {
        let trimmed = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        return InputFolder.files(in: folder, withExtension: "txt").filter { $0.hasPrefix("summit-") }.map { trimmed + "/" + $0 }
    }

    /// Reads and analyses everything; warnings are collected, not printed.
    public func load() throws(ReportError) -> LoadedSummit {
        let files = try resolvedSummitFiles()
        let read: Read
        do {
            read = try readAll(files)
        } catch {
            throw ReportError(error)
        }
        let archive: SummitArchive
        do {
            archive = try SummitArchive(read.summits.map(\.summit))
        } catch {
            throw ReportError(.input, error.message)
        }
        let summits = read.summits.sorted { $0.summit.date < $1.summit.date }
        guard let newest = summits.last else { throw ReportError(.input, "no summit file found") }
        return LoadedSummit(newest: newest, summits: summits, archive: archive, catalog: read.catalog, roles: read.roles,
                            warnings: read.warnings, notes: read.notes, inputFiles: read.inputFiles)
    }

    private struct Read {
        var summits: [AnalysedSummit] = []
        var catalog: ThemeCatalog
        var roles: RoleVocabulary
        var warnings: [InputWarning]
        var notes: [String] = []
        var inputFiles: [String]
    }

    /// The curated data once, then every summit file with it.
    private func readAll(_ files: [String]) throws(InputError) -> Read {
        let placesPath = placesFile ?? dataFolder + "/places.yaml"
        let (places, placeWarnings) = try PlaceDirectory.load(placesPath)
        let rolesPath = rolesFile ?? dataFolder + "/roles.yaml"
        let (roles, roleWarnings) = try RoleVocabulary.loadChecked(rolesPath)
        let themesPath = themesFile ?? dataFolder + "/themes.yaml"
        let (catalog, themeWarnings) = try ThemeCatalog.load(themesPath)
        let importer = SummitImporter(places: places, roles: roles, rolesSource: rolesPath, encoding: encoding)
        let analyzer = SummitAnalyzer(catalog: catalog)
        var read = Read(catalog: catalog, roles: roles, warnings: placeWarnings + roleWarnings + themeWarnings,
                        inputFiles: files + [placesPath, rolesPath, themesPath])
        for file in files {
            let imported = try importer.importFile(file)
            read.summits.append(AnalysedSummit(summit: imported.summit, analysis: analyzer.analyse(imported.summit)))
            read.warnings += imported.warnings
            read.notes.append("\(file): read as \(imported.encoding.encoding.displayName): \(imported.encoding.reason)")
        }
        return read
    }
}
