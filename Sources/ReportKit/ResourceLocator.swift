#if canImport(Glibc)
import Glibc
#endif
import InputSupport

/// Where the data and styles a run needs are found, so that `report` runs from any folder.
///
/// Lookup order, for each file that no option names:
/// 1. `./Data` and `./Styles` when the current folder has them (a project of one's own);
/// 2. the installed ones, `<prefix>/share/report/Data` and `<prefix>/share/report/Styles`,
///    found from the running binary (`<prefix>/bin/report`, read from `/proc/self/exe`), so a
///    copy of the installed tree moved elsewhere still finds its own.
public struct ResourceLocator: Sendable {
    /// The folder of the installed resources (`<prefix>/share/report`), nil when the binary is
    /// not installed (a build in `.build/`).
    public var installedFolder: String?

    /// The locator for this process: the current folder, then the installed tree beside the binary.
    public static let current = ResourceLocator(installedFolder: installedShareFolder())

    /// A locator that falls back to `installedFolder` (`<prefix>/share/report`), or to nothing
    /// beyond the current folder when it is nil.
    public init(installedFolder: String?) {
        self.installedFolder = installedFolder
    }

    /// `<prefix>/share/report` for a binary at `<prefix>/bin/report`, when that folder exists.
    public static func installedShareFolder(executable: String? = executablePath()) -> String? {
        guard let executable, let slash = executable.lastIndex(of: "/") else { return nil }
        let binFolder = String(executable[..<slash])
        guard let parentSlash = binFolder.lastIndex(of: "/") else { return nil }
        let prefix = String(binFolder[..<parentSlash])
        let share = prefix + "/share/report"
        return isFolder(share) ? share : nil
    }

    /// The running binary's real path (links resolved by the kernel).
    public static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Folders searched for the summit file and the curated YAML, in order.
    public var dataFolders: [String] { folders(named: "Data") }

    /// Folders searched for a style by name, in order.
    public var stylesFolders: [String] { folders(named: "Styles") }

    private func folders(named name: String) -> [String] {
        var found: [String] = []
        if Self.isFolder(name) { found.append(name) }
        if let installedFolder, Self.isFolder(installedFolder + "/" + name) { found.append(installedFolder + "/" + name) }
        return found
    }

    /// The first of the data folders that has `name` (`places.yaml` …); when none has it, the
    /// path in `./Data`, so that the error names where it was expected.
    public func dataFile(_ name: String) -> String {
        for folder in dataFolders where InputFolder.isFile(folder + "/" + name) { return folder + "/" + name }
        return "Data/" + name
    }

    /// The newest `summit-*.txt` of the first data folder that has one.
    public func newestSummitFile() -> String? {
        for folder in dataFolders {
            let candidates = InputFolder.files(in: folder, withExtension: "txt").filter { $0.hasPrefix("summit-") }
            if let newest = candidates.last { return folder + "/" + newest }
        }
        return nil
    }

    /// Where files were looked for, for messages: `./Data, /usr/local/share/report/Data`.
    public func searched(_ name: String) -> String {
        (["./" + name] + (installedFolder.map { [$0 + "/" + name] } ?? [])).joined(separator: ", ")
    }

    /// The lookup order in words, for `report --help` and the README.
    public static let lookupOrder = """
        Data and styles are looked up in this order: an explicit option (--data, --places, --roles, \
        --themes, --style FILE); then ./Data and ./Styles when the current folder has them; then the \
        installed ones in <prefix>/share/report/ beside the binary (<prefix>/bin/report).
        """

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
