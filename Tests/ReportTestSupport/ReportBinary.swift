import Foundation

/// The `report` executable that `swift test` built, run as a user would run it.
public enum ReportBinary {
    public static var path: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("report").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return Repository.path(".build/debug/report")
    }

    /// Runs `report` from the repository root (where Data/ and Styles/ are).
    public static func run(_ arguments: [String], environment: [String: String]? = nil, in folder: String = Repository.root) throws -> ToolRun {
        try ToolRun.run(path, arguments, environment: environment, currentDirectory: folder)
    }
}
