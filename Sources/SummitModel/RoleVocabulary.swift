import InputSupport

/// Titles speakers hold (`市長`, `副代表` …) with their English, from `Data/roles.yaml`.
///
/// The importer uses it to find where the place ends and the title begins when the file
/// glues them together (`臺北市市長`); the brief uses it for English labels.
public struct RoleVocabulary: Sendable, Hashable {
    public struct Role: Sendable, Hashable {
        public var zh: String
        public var en: String
        public init(zh: String, en: String) {
            self.zh = zh
            self.en = en
        }
    }

    public private(set) var roles: [Role]
    private var byChinese: [String: Role]

    public init(roles: [Role]) {
        self.roles = roles
        byChinese = Dictionary(roles.map { ($0.zh, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static func load(_ path: String) throws(InputError) -> RoleVocabulary {
        try loadChecked(path).vocabulary
    }

    /// Reads and checks the list. An empty `zh` or `en` and a title listed twice with different
    /// English are errors at their line: an empty title would be found at the end of every
    /// speaker cell and fold the title into the name. The same title listed twice with the same
    /// English, and unknown keys, are warnings.
    public static func loadChecked(_ path: String) throws(InputError) -> (vocabulary: RoleVocabulary, warnings: [InputWarning]) {
        let root = try YAMLValue.load(path, what: "role list").object()
        var warnings = root.unknownKeys(allowed: ["roles"])
        var roles: [Role] = []
        var seen: [String: (en: String, location: SourceLocation)] = [:]
        for entry in try root.required("roles").list() {
            let object = try entry.object()
            warnings += object.unknownKeys(allowed: ["zh", "en"])
            let zhValue = try object.required("zh")
            let zh = try zhValue.nonEmptyString().trimmingCharacters(in: " ")
            let en = try object.required("en").nonEmptyString().trimmingCharacters(in: " ")
            if let first = seen[zh] {
                guard first.en == en else {
                    throw InputError("the title \(Excerpt.quoted(zh)) is listed twice with different English: \(Excerpt.quoted(first.en)) (at \(first.location)) and \(Excerpt.quoted(en))",
                                     at: zhValue.location, hint: "Keep one entry for each title.")
                }
                warnings.append(InputWarning("the title \(Excerpt.quoted(zh)) is listed twice (first at \(first.location))", at: zhValue.location,
                                             hint: "Remove one of the entries."))
                continue
            }
            seen[zh] = (en, zhValue.location)
            roles.append(Role(zh: zh, en: en))
        }
        return (RoleVocabulary(roles: roles), warnings)
    }

    public func contains(_ zh: String) -> Bool { byChinese[zh] != nil }

    /// English title, or the Chinese as written when the role is not listed.
    public func english(_ zh: String) -> String { byChinese[zh]?.en ?? zh }

    /// The longest listed role that ends `text` with something before it.
    func roleSuffix(of text: String) -> String? {
        roles.map(\.zh).filter { text.count > $0.count && text.hasSuffix($0) }.max { $0.count < $1.count }
    }
}
