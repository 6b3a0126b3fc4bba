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
        let root = try YAMLValue.load(path, what: "role list").object()
        var roles: [Role] = []
        for entry in try root.required("roles").list() {
            let object = try entry.object()
            roles.append(Role(zh: try object.required("zh").string(), en: try object.required("en").string()))
        }
        return RoleVocabulary(roles: roles)
    }

    public func contains(_ zh: String) -> Bool { byChinese[zh] != nil }

    /// English title, or the Chinese as written when the role is not listed.
    public func english(_ zh: String) -> String { byChinese[zh]?.en ?? zh }

    /// The longest listed role that ends `text` with something before it.
    func roleSuffix(of text: String) -> String? {
        roles.map(\.zh).filter { text.count > $0.count && text.hasSuffix($0) }.max { $0.count < $1.count }
    }
}
