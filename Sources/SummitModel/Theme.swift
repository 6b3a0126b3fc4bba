import InputSupport

/// A policy theme that speakers talk about, with the words that signal it.
/// Defined in `Data/themes.yaml` so that analysts can add a theme or keyword without code.
public struct Theme: Sendable, Hashable, Codable {
    /// Short stable identifier used in CSV columns and JSON, e.g. `open-data`.
    public var id: String
    public var zh: String
    public var en: String
    /// Matched case-insensitively; Latin keywords only as whole words.
    public var keywords: [String]
    /// Short labels for narrow columns (the heatmap); the full labels when not given.
    public var shortZh: String
    public var shortEn: String

    public init(id: String, zh: String, en: String, keywords: [String], shortZh: String? = nil, shortEn: String? = nil) {
        self.id = id
        self.zh = zh
        self.en = en
        self.keywords = keywords
        self.shortZh = shortZh ?? zh
        self.shortEn = shortEn ?? en
    }
}

/// The themes in their file order (which also breaks ties between equal scores).
public struct ThemeCatalog: Sendable, Hashable {
    public var themes: [Theme]
    public var source: String

    public init(themes: [Theme], source: String = "Data/themes.yaml") {
        self.themes = themes
        self.source = source
    }

    public func theme(_ id: String) -> Theme? { themes.first { $0.id == id } }

    public static func load(_ path: String) throws(InputError) -> (catalog: ThemeCatalog, warnings: [InputWarning]) {
        let root = try YAMLValue.load(path, what: "theme list").object()
        var warnings = root.unknownKeys(allowed: ["themes"])
        var themes: [Theme] = []
        var seen: [String: SourceLocation] = [:]
        // Which theme first listed each keyword (compared as matching compares them).
        var keywordOwners: [String: String] = [:]
        for entry in try root.required("themes").list() {
            let object = try entry.object()
            warnings += object.unknownKeys(allowed: ["id", "zh", "en", "short", "keywords"])
            let idValue = try object.required("id")
            let id = try idValue.string()
            guard PlaceSlug.isValid(id) else {
                throw InputError("`\(idValue.keyPath)` must be lower-case letters, digits and hyphens, found \(Excerpt.quoted(id))", at: idValue.location)
            }
            if let first = seen[id] { throw InputError("theme id \(Excerpt.quoted(id)) is used twice (first at \(first))", at: idValue.location) }
            seen[id] = idValue.location
            let keywordsValue = try object.required("keywords")
            var keywords: [String] = []
            // Either a plain list, or keywords grouped by language (zh: […], en: […]).
            if let grouped = try? keywordsValue.object() {
                warnings += grouped.unknownKeys(allowed: ["zh", "en"])
                for group in grouped.entries { keywords += try group.value.stringList() }
            } else {
                keywords = try keywordsValue.stringList()
            }
            keywords = keywords.map { $0.trimmingCharacters(in: " ") }
            if let empty = keywords.firstIndex(where: \.isEmpty) {
                throw InputError("`\(keywordsValue.keyPath)` has an empty keyword (item \(empty + 1))", at: keywordsValue.location)
            }
            guard !keywords.isEmpty else {
                throw InputError("`\(keywordsValue.keyPath)` must list at least one keyword", at: keywordsValue.location)
            }
            for keyword in keywords {
                let key = keyword.lowercased()
                if let owner = keywordOwners[key], owner != id {
                    warnings.append(InputWarning("the keyword \(Excerpt.quoted(keyword)) is listed under '\(owner)' and '\(id)'; it counts for both",
                                                 at: keywordsValue.location, hint: "Keep it under the theme it signals best."))
                } else {
                    keywordOwners[key] = id
                }
                if keyword.count == 1 {
                    warnings.append(InputWarning("the keyword \(Excerpt.quoted(keyword)) of '\(id)' is one character; it matches inside many unrelated words",
                                                 at: keywordsValue.location, hint: "Use a word of two or more characters."))
                }
            }
            let short = try object["short"]?.object()
            if let short { warnings += short.unknownKeys(allowed: ["zh", "en"]) }
            themes.append(Theme(id: id, zh: try object.required("zh").nonEmptyString(), en: try object.required("en").nonEmptyString(), keywords: keywords,
                                shortZh: try short?["zh"]?.string(), shortEn: try short?["en"]?.string()))
        }
        guard !themes.isEmpty else { throw InputError("`themes` lists no theme", at: root.location) }
        return (ThemeCatalog(themes: themes, source: path), warnings)
    }
}
