/// A city, region or office that sent a speaker. Curated in `Data/places.yaml`,
/// because the summit file only gives a Chinese name with the country glued on.
public struct Place: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case city
        case region
        case representativeOffice = "representative-office"
    }

    /// Lower-case ASCII identifier used in `--cities` and file names, e.g. `taipei`.
    public var slug: String
    /// Chinese name without the country, e.g. `大邱市`.
    public var zh: String
    public var en: String
    public var country: Country
    public var kind: Kind
    /// Other spellings that name this place: as the file writes it (`南韓大邱市`), `台北市` for `臺北市` …
    public var aliases: [String]
    /// False when the file names a place that `places.yaml` lacks and the fields were derived.
    public var curated: Bool

    public init(slug: String, zh: String, en: String, country: Country, kind: Kind, aliases: [String] = [], curated: Bool = true) {
        self.slug = slug
        self.zh = zh
        self.en = en
        self.country = country
        self.kind = kind
        self.aliases = aliases
        self.curated = curated
    }

    /// Every name a user may type for this place (slug, Chinese, English, aliases).
    public var names: [String] { [slug, zh, en] + aliases }
}

public struct Country: Sendable, Hashable, Codable {
    public var zh: String
    public var en: String
    /// ISO 3166-1 alpha-2, e.g. `KR`; empty when unknown.
    public var iso: String

    public init(zh: String, en: String, iso: String) {
        self.zh = zh
        self.en = en
        self.iso = iso
    }

    public static let unknown = Country(zh: "", en: "", iso: "")
}
