import Foundation

/// The `report` executable that `swift test` built, run as a user would run it.
public enum ReportBinary {
    public static var path: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("report").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return Repository.path(".build/debug/report")
    }

    /// Starts `report` from the repository root without waiting, for tests that stop it
    /// mid-run; stdout goes nowhere, stderr to `standardError` (nowhere when nil).
    public static func start(_ arguments: [String], standardError: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
        process.standardError = standardError ?? FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `report` through `/bin/sh` after `setup` (`umask 002`, `ulimit -f 20` …).
    public static func run(after setup: String, _ arguments: [String]) throws -> ToolRun {
        try ToolRun.run("/bin/sh", ["-c", setup + "; exec \"$0\" \"$@\"", path] + arguments, currentDirectory: Repository.root)
    }

    /// Runs `report` from the repository root (where Data/ and Styles/ are).
    public static func run(_ arguments: [String], environment: [String: String]? = nil, in folder: String = Repository.root) throws -> ToolRun {
        try ToolRun.run(path, arguments, environment: environment, currentDirectory: folder)
    }
}
