import Foundation

/// A PDF's objects as `qpdf --json=2` gives them, for tests that look inside a PDF the way a
/// PDF library does (the structure tree, the catalog, annotations) instead of searching bytes.
///
/// Values stay in qpdf's JSON form: names `"/Name"`, references `"12 0 R"`, Unicode strings
/// `"u:text"`, dictionaries `[String: Any]`, arrays `[Any]`; a stream is its dictionary.
public struct QPDFObjects: @unchecked Sendable {
    public let path: String
    private let objects: [String: Any]
    public let trailer: [String: Any]

    public init(_ path: String) throws {
        let run = try ToolRun.run("qpdf", ["--json=2", "--json-key=qpdf", path])
        guard run.status == 0 || run.status == 3,
              let json = try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any],
              let parts = json["qpdf"] as? [Any], parts.count == 2, let objects = parts[1] as? [String: Any] else {
            throw PDFCheckers.CheckerError(description: "qpdf --json failed on \(path): \(run.stderr.prefix(400))")
        }
        self.path = path
        self.objects = objects
        trailer = (objects["trailer"] as? [String: Any])?["value"] as? [String: Any] ?? [:]
    }

    /// The object a reference names, or the value itself when it is not a reference.
    public func resolve(_ value: Any?) -> Any? {
        guard let reference = value as? String, reference.hasSuffix(" R") else { return value }
        guard let object = objects["obj:" + reference] as? [String: Any] else { return nil }
        if let stream = object["stream"] as? [String: Any] { return stream["dict"] }
        return object["value"]
    }

    public func dictionary(_ value: Any?) -> [String: Any]? { resolve(value) as? [String: Any] }

    public func array(_ value: Any?) -> [Any] {
        switch resolve(value) {
        case let array as [Any]: array
        case nil: []
        case let single?: [single]
        }
    }

    public var catalog: [String: Any] { dictionary(trailer["/Root"]) ?? [:] }

    /// The page dictionaries in order.
    public var pages: [[String: Any]] {
        var result: [[String: Any]] = []
        func walk(_ node: Any?) {
            guard let dictionary = dictionary(node) else { return }
            if let kids = dictionary["/Kids"] { array(kids).forEach(walk) } else { result.append(dictionary) }
        }
        walk(catalog["/Pages"])
        return result
    }

    /// The structure elements in depth-first preorder from the StructTreeRoot's /K.
    public var structureElements: [[String: Any]] {
        var result: [[String: Any]] = []
        func walk(_ node: Any?) {
            guard let element = dictionary(node), element["/S"] != nil else { return }
            if let type = element["/Type"] as? String, type != "/StructElem" { return }
            result.append(element)
            array(element["/K"]).forEach(walk)
        }
        array(dictionary(catalog["/StructTreeRoot"])?["/K"]).forEach(walk)
        return result
    }

    /// A stream's data, decoded (`qpdf --show-object --filtered-stream-data`).
    public func streamData(_ reference: Any?) throws -> Data {
        guard let reference = reference as? String, reference.hasSuffix(" R") else {
            throw PDFCheckers.CheckerError(description: "not a reference: \(String(describing: reference))")
        }
        let number = reference.split(separator: " ").prefix(2).joined(separator: ",")
        let run = try ToolRun.run("qpdf", ["--show-object=\(number)", "--filtered-stream-data", path])
        return run.stdoutBytes
    }

    /// A string value as text (`u:…` Unicode strings, `b:…` hex bytes taken as Latin-1).
    public static func text(_ value: Any?) -> String? {
        guard let string = value as? String else { return nil }
        if string.hasPrefix("u:") { return String(string.dropFirst(2)) }
        if string.hasPrefix("b:") {
            var bytes: [UInt8] = []
            var index = string.index(string.startIndex, offsetBy: 2)
            while index < string.endIndex, let next = string.index(index, offsetBy: 2, limitedBy: string.endIndex) {
                bytes.append(UInt8(string[index..<next], radix: 16) ?? 0)
                index = next
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return string
    }
}
