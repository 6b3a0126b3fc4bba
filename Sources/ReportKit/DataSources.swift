#if canImport(Glibc)
import Glibc
#endif
import Foundation
import InputSupport
import SummitAnalysis
import SummitModel

/// Where the inputs are. A file no option names is looked up by `locator`: in `./Data` when
/// the current folder has it, then in the installed `share/report/Data` (the newest
/// `summit-*.txt`, so next year's file is picked up by dropping it in `Data/`, and the curated
/// YAML files). Several summit files (or folders of them) make one archive; `-` is standard input.
public struct DataSources: Sendable {
    /// `--data`, as given: summit files, folders whose `summit-*.txt` are all read, or `-`.
    public var summitFiles: [String]
    /// One folder to take every default from (tests); nil looks them up through `locator`.
    public var dataFolder: String?
    /// Where defaults are looked up when `dataFolder` is nil: `./Data`, then the installed data.
    public var locator: ResourceLocator = .current
    public var placesFile: String?
    public var rolesFile: String?
    public var themesFile: String?
    /// `--encoding`: read the summit files in this encoding instead of detecting it.
    public var encoding: SummitEncoding?
    /// `--translation`: the English summaries of the (last given) summit; nil finds
    /// `summit-….en.yaml` beside each summit file.
    public var translationFile: String?

    public init(summitFiles: [String], dataFolder: String? = nil, placesFile: String? = nil, rolesFile: String? = nil,
                themesFile: String? = nil, encoding: SummitEncoding? = nil) {
        self.summitFiles = summitFiles
        self.dataFolder = dataFolder
        self.placesFile = placesFile
        self.rolesFile = rolesFile
        self.themesFile = themesFile
        self.encoding = encoding
    }

    /// One summit file, or the default (the newest in the data folder) when nil.
    public init(summitFile: String? = nil, dataFolder: String? = nil, placesFile: String? = nil, rolesFile: String? = nil,
                themesFile: String? = nil, encoding: SummitEncoding? = nil) {
        self.init(summitFiles: summitFile.map { [$0] } ?? [], dataFolder: dataFolder, placesFile: placesFile, rolesFile: rolesFile,
                  themesFile: themesFile, encoding: encoding)
    }

    /// The summit file to read when one is meant: the last given, or the newest in the data folder(s).
    public func resolvedSummitFile() throws(ReportError) -> String {
        if let newest = try resolvedSummitFiles().last { return newest }
        throw ReportError(.input, "no summit file found")
    }

    /// Every summit file to read: those given (a folder stands for its `summit-*.txt`, in
    /// name order), or the newest in the data folder(s) when none is.
    public func resolvedSummitFiles() throws(ReportError) -> [String] {
        guard !summitFiles.isEmpty else {
            if let dataFolder {
                guard let newest = Self.summitFiles(in: dataFolder).last else {
                    throw ReportError(.input, "no summit file found: \(dataFolder)/ has no summit-*.txt\n  Give one with --data FILE, or copy it into \(dataFolder)/.")
                }
                return [newest]
            }
            guard let newest = locator.newestSummitFile() else {
                throw ReportError(.input, "no summit file found in \(locator.searched("Data"))\n  Give one with --data FILE (or --data - for standard input), or copy it into ./Data/.")
            }
            return [newest]
        }
        var files: [String] = []
        for given in summitFiles {
            var isFolder: ObjCBool = false
            if given != Self.standardInput, FileManager.default.fileExists(atPath: given, isDirectory: &isFolder), isFolder.boolValue {
                let inside = Self.summitFiles(in: given)
                guard !inside.isEmpty else {
                    throw ReportError(.input, "\(given): is a folder, but has no summit-*.txt in it\n  Name the summit files summit-YYYY-MM-DD.txt, or give them one by one with --data FILE.")
                }
                files += inside
            } else {
                files.append(given)
            }
        }
        // The same file named twice (a folder and a file in it) is read once; so is standard input.
        var seen = Set<String>()
        return files.filter { seen.insert($0 == Self.standardInput ? $0 : URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    private static func summitFiles(in folder: String) -> [String] {
        let trimmed = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        return InputFolder.files(in: folder, withExtension: "txt").filter { $0.hasPrefix("summit-") }.map { trimmed + "/" + $0 }
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
        let files = try resolvedSummitFiles()
        // Nobody types a summit file: waiting for one on a terminal would look like a hang.
        if files.contains(Self.standardInput), isatty(STDIN_FILENO) == 1 {
            throw ReportError(.usage, "--data - reads the summit file from standard input, and standard input is a terminal\n"
                              + "  Pipe or redirect it in: `report pdf --data - < summit.txt`, `cat summit.txt | report pdf --data -`.")
        }
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
        var loaded = LoadedSummit(newest: newest, summits: summits, archive: archive, catalog: read.catalog, roles: read.roles,
                                  warnings: read.warnings, encodings: read.encodings, inputFiles: read.inputFiles)
        loaded.translations = read.translations
        return loaded
    }

    private struct Read {
        var summits: [AnalysedSummit] = []
        var catalog: ThemeCatalog
        var roles: RoleVocabulary
        var warnings: [InputWarning]
        var encodings: [String: EncodingDecision] = [:]
        var inputFiles: [String]
        var translations: [String: SummitTranslation] = [:]
    }

    /// The summit's translation: `--translation` for the last summit file, otherwise the one
    /// beside the summit file when there is one.
    private func readTranslation(of summit: Summit, file: String, isLast: Bool, into read: inout Read) throws(InputError) {
        let loaded: (translation: SummitTranslation, warnings: [InputWarning])?
        if let translationFile, isLast {
            loaded = try SummitTranslation.load(translationFile, for: summit)
        } else if file != Self.standardInput {
            loaded = try SummitTranslation.loadBeside(summit)
        } else {
            loaded = nil
        }
        guard let loaded else { return }
        read.translations[summit.date] = loaded.translation
        read.warnings += loaded.warnings
        read.inputFiles.append(loaded.translation.file)
    }

    /// The curated data once, then every summit file with it.
    private func readAll(_ files: [String]) throws(InputError) -> Read {
        let placesPath = curatedFile(placesFile, "places.yaml")
        let (places, placeWarnings) = try PlaceDirectory.load(placesPath)
        let rolesPath = curatedFile(rolesFile, "roles.yaml")
        let (roles, roleWarnings) = try RoleVocabulary.loadChecked(rolesPath)
        let themesPath = curatedFile(themesFile, "themes.yaml")
        let (catalog, themeWarnings) = try ThemeCatalog.load(themesPath)
        let importer = SummitImporter(places: places, roles: roles, rolesSource: rolesPath, encoding: encoding)
        let analyzer = SummitAnalyzer(catalog: catalog)
        var read = Read(catalog: catalog, roles: roles, warnings: placeWarnings + roleWarnings + themeWarnings,
                        inputFiles: files.filter { $0 != Self.standardInput } + [placesPath, rolesPath, themesPath])
        for file in files {
            let imported = file == Self.standardInput
                ? try importer.importBytes(InputFile.readStandardInput(), file: InputFile.standardInputName)
                : try importer.importFile(file)
            read.summits.append(AnalysedSummit(summit: imported.summit, analysis: analyzer.analyse(imported.summit)))
            read.warnings += imported.warnings
            read.encodings[file == Self.standardInput ? InputFile.standardInputName : file] = imported.encoding
            try readTranslation(of: imported.summit, file: file, isLast: file == files.last, into: &read)
        }
        return read
    }
}
