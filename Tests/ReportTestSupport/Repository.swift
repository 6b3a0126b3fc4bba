import Foundation

/// Where the repository's files are, wherever `swift test` runs from.
public enum Repository {
    /// The folder that holds Package.swift.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    public static func path(_ relative: String) -> String { root + "/" + relative }

    public static var summit2021: String { path("Data/summit-2021-03-23.txt") }
    public static var summit2022: String { path("Tests/Fixtures/summit-2022-09-15.txt") }
    public static func fixture(_ name: String) -> String { path("Tests/Fixtures/" + name) }

    /// A fresh empty folder under the system's temporary folder.
    public static func temporaryFolder(_ label: String = "report-tests") -> String {
        let path = NSTemporaryDirectory() + "/\(label)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
