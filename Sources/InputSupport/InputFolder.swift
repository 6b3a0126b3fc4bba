import Foundation

/// Small file-system questions about input folders (styles, data).
public enum InputFolder {
    public static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Names (not paths) of the files in `folder` ending in `.extension`, sorted.
    public static func files(in folder: String, withExtension fileExtension: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix("." + fileExtension) && !$0.hasPrefix(".") }.sorted()
    }
}

extension String {
    /// The string without `character` at either end (scalar-level code has no CharacterSet).
    public func trimmingCharacters(in character: Character) -> String {
        var slice = self[...]
        while slice.first == character { slice = slice.dropFirst() }
        while slice.last == character { slice = slice.dropLast() }
        return String(slice)
    }
}
