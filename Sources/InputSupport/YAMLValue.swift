import Yams

/// A YAML value that remembers where it came from (file, line, column, key path),
/// so that a wrong type or a bad number is reported at the exact line and key.
public struct YAMLValue {
    let node: Node
    public let file: String
    /// Dotted path of keys from the root, e.g. `margins.top` or `themes[3].keywords`.
    public let keyPath: String

    init(node: Node, file: String, keyPath: String) {
        self.node = node
        self.file = file
        self.keyPath = keyPath
    }

    /// Parses YAML text; a syntax error becomes an `InputError` with the line of the problem.
    public static func parse(_ text: String, file: String) throws(InputError) -> YAMLValue {
        do {
            let node = try Yams.compose(yaml: text) ?? Node("", .init(.null))
            return YAMLValue(node: node, file: file, keyPath: "")
        } catch let error as YamlError {
            throw InputError.yamlSyntax(error, file: file)
        } catch {
            throw InputError("is not valid YAML: \(Excerpt.of(String(describing: error), limit: 160))", at: SourceLocation(file: file))
        }
    }

    /// Reads and parses a YAML file.
    public static func load(_ path: String, what: String = "YAML file") throws(InputError) -> YAMLValue {
        try parse(InputFile.readText(path, what: what), file: path)
    }

    public var location: SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    public var isNull: Bool {
        if case let .scalar(scalar) = node {
            return scalar.tag == Tag(.null) || (scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string))
        }
        return false
    }

    private var keyName: String { keyPath.isEmpty ? "the document" : "`\(Excerpt.of(keyPath))`" }

    private func typeError(_ expected: String) -> InputError {
        InputError("\(keyName) must be \(expected), found \(found)", at: location)
    }

    private var found: String {
        switch node {
        case let .scalar(scalar): return Excerpt.quoted(scalar.string)
        case .mapping: return "a mapping (key: value pairs)"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    public func string() throws(InputError) -> String {
        guard case let .scalar(scalar) = node, !isNull else { throw typeError("text") }
        return scalar.string
    }

    /// Text that must say something: empty or blank text is an error at its line, because an
    /// empty name or title silently changes how everything else is read.
    public func nonEmptyString() throws(InputError) -> String {
        let text = try string()
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw InputError("\(keyName) is empty", at: location, hint: "Give it a value, or remove the entry.")
        }
        return text
    }

    /// The line of this value in its file (1-based), when known.
    public var line: Int? { node.mark?.line }

    public func double() throws(InputError) -> Double {
        guard case let .scalar(scalar) = node, scalar.style == .plain, let value = Double(scalar.string), value.isFinite else {
            throw typeError("a number")
        }
        return value
    }

    public func int() throws(InputError) -> Int {
        guard case let .scalar(scalar) = node, scalar.style == .plain, let value = Int(scalar.string) else {
            throw typeError("a whole number")
        }
        return value
    }

    public func bool() throws(InputError) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { throw typeError("true or false") }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw typeError("true or false")
        }
    }

    public func list() throws(InputError) -> [YAMLValue] {
        guard case let .sequence(sequence) = node else { throw typeError("a list") }
        return sequence.enumerated().map { index, child in
            YAMLValue(node: child, file: file, keyPath: "\(keyPath)[\(index + 1)]")
        }
    }

    /// A list of strings; a single string is taken as a list of one.
    public func stringList() throws(InputError) -> [String] {
        if case .scalar = node { return [try string()] }
        var strings: [String] = []
        for item in try list() { strings.append(try item.string()) }
        return strings
    }

    public func object() throws(InputError) -> YAMLObject {
        guard case let .mapping(mapping) = node else { throw typeError("a mapping (key: value pairs)") }
        var entries: [YAMLObject.Entry] = []
        for (keyNode, valueNode) in mapping {
            guard case let .scalar(keyScalar) = keyNode else {
                throw InputError("\(keyName) has a key that is not text", at: SourceLocation(file: file, line: keyNode.mark?.line, column: keyNode.mark?.column))
            }
            let key = keyScalar.string
            let childPath = keyPath.isEmpty ? key : "\(keyPath).\(key)"
            entries.append(.init(key: key, keyLine: keyNode.mark?.line, keyColumn: keyNode.mark?.column,
                                 value: YAMLValue(node: valueNode, file: file, keyPath: childPath)))
        }
        return YAMLObject(entries: entries, value: self)
    }
}

/// A YAML mapping with its keys in file order.
public struct YAMLObject {
    public struct Entry {
        public let key: String
        let keyLine: Int?
        let keyColumn: Int?
        public let value: YAMLValue
    }

    public let entries: [Entry]
    public let value: YAMLValue

    public var location: SourceLocation { value.location }

    public subscript(key: String) -> YAMLValue? {
        entries.first { $0.key == key }.map(\.value).flatMap { $0.isNull ? nil : $0 }
    }

    public func required(_ key: String) throws(InputError) -> YAMLValue {
        guard let found = self[key] else {
            let path = value.keyPath.isEmpty ? key : "\(value.keyPath).\(key)"
            throw InputError("`\(Excerpt.of(path))` is missing", at: location)
        }
        return found
    }

    /// Keys this program does not know: most often a typo that would otherwise be ignored silently.
    public func unknownKeys(allowed: Set<String>) -> [InputWarning] {
        entries.filter { !allowed.contains($0.key) }.map { entry in
            let path = value.keyPath.isEmpty ? entry.key : "\(value.keyPath).\(entry.key)"
            let suggestion = NearestName.find(entry.key, in: allowed.sorted()).map { " (did you mean `\($0)`?)" } ?? ""
            return InputWarning("unknown key `\(Excerpt.of(path))` is ignored\(suggestion)",
                                at: SourceLocation(file: value.file, line: entry.keyLine, column: entry.keyColumn),
                                hint: "Known keys here: \(allowed.sorted().joined(separator: ", ")).")
        }
    }
}

extension InputError {
    static func yamlSyntax(_ error: YamlError, file: String) -> InputError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return InputError("is not valid YAML: \(Excerpt.of(detail, limit: 160))", at: SourceLocation(file: file, line: mark.line, column: mark.column),
                              hint: "Check indentation and quoting on this line.")
        case let .duplicatedKeysInMapping(duplicates, context):
            return InputError("is not valid YAML: the key \(Excerpt.list(duplicates.map { "`\(Excerpt.of($0))`" })) appears twice in one mapping",
                              at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        default:
            return InputError("is not valid YAML: \(Excerpt.of(String(describing: error), limit: 160))", at: SourceLocation(file: file))
        }
    }
}
