import Foundation

/// A throw-away copy of the inputs (summit file, curated YAML, default style) in a fresh
/// folder, for tests that aim an output at an input: if the code under test misbehaves, a
/// copy is destroyed, never the repository's data.
public struct Sandbox {
    public let folder: String

    public init(_ label: String = "sandbox") throws {
        folder = Repository.temporaryFolder(label)
        for name in ["summit-2021-03-23.txt", "places.yaml", "roles.yaml", "themes.yaml"] {
            try FileManager.default.copyItem(atPath: Repository.path("Data/" + name), toPath: folder + "/" + name)
        }
        try FileManager.default.copyItem(atPath: Repository.path("Styles/default.yaml"), toPath: folder + "/style.yaml")
    }

    public func path(_ name: String) -> String { folder + "/" + name }

    /// `--data`, `--places`, `--roles`, `--themes` pointing at the copies.
    public var inputArguments: [String] {
        ["--data", path("summit-2021-03-23.txt"), "--places", path("places.yaml"), "--roles", path("roles.yaml"), "--themes", path("themes.yaml")]
    }

    /// The bytes of a file, or nil when there is none.
    public func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }

    public func write(_ name: String, _ text: String) throws {
        try text.write(toFile: path(name), atomically: false, encoding: .utf8)
    }

    /// The names in the folder, hidden ones included, sorted.
    public var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }
}
