import Foundation
import InputSupport

/// The curated places of `Data/places.yaml`, and what to do with a place the summit file
/// names but the list lacks: import it anyway with derived fields, and say so once.
public struct PlaceDirectory: Sendable {
    public private(set) var places: [Place]
    /// Where the list came from, for the hint in warnings.
    public var source: String
    private var byName: [String: Int] = [:]

    public init(places: [Place], source: String = "Data/places.yaml") {
        self.places = places
        self.source = source
        for (index, place) in places.enumerated() {
            for name in [place.zh] + place.aliases where byName[name] == nil { byName[name] = index }
        }
    }

    public static let allowedKeys: Set<String> = ["slug", "zh", "en", "aliases", "country", "kind"]

    /// Reads and checks the list. Errors, each at its file and line: a missing or empty name,
    /// a slug used twice, a name or alias that two places share (which place would `--cities`
    /// or the summit file mean?), an ISO code that is not an assigned ISO 3166-1 alpha-2 code.
    public static func load(_ path: String) throws(InputError) -> (directory: PlaceDirectory, warnings: [InputWarning]) {
        let root = try YAMLValue.load(path, what: "place list").object()
        var warnings = root.unknownKeys(allowed: ["places"])
        var places: [Place] = []
        var slugs: [String: SourceLocation] = [:]
        // Every name of every place, as `--cities` compares them (case-insensitively).
        var names: [String: (slug: String, location: SourceLocation)] = [:]
        for entry in try root.required("places").list() {
            let object = try entry.object()
            warnings += object.unknownKeys(allowed: allowedKeys)
            let slugValue = try object.required("slug")
            let slug = try slugValue.string()
            guard PlaceSlug.isValid(slug) else {
                throw InputError("`\(slugValue.keyPath)` must be lower-case letters, digits and hyphens, found \(Excerpt.quoted(slug))", at: slugValue.location)
            }
            if let first = slugs[slug] {
                throw InputError("slug \(Excerpt.quoted(slug)) is used twice (first at \(first))", at: slugValue.location)
            }
            slugs[slug] = slugValue.location
            let zhValue = try object.required("zh"), enValue = try object.required("en")
            let zh = try zhValue.nonEmptyString(), en = try enValue.nonEmptyString()
            let aliasesValue = object["aliases"]
            let aliases = try aliasesValue?.stringList() ?? []
            if let empty = aliases.firstIndex(where: { !$0.contains(where: { !$0.isWhitespace }) }), let aliasesValue {
                throw InputError("`\(aliasesValue.keyPath)` has an empty alias (item \(empty + 1))", at: aliasesValue.location,
                                 hint: "Remove it, or write the other name.")
            }
            var own = Set<String>()
            for (name, location) in [(slug, slugValue.location), (zh, zhValue.location), (en, enValue.location)]
                + aliases.map({ ($0, aliasesValue?.location ?? object.location) }) {
                let key = name.lowercased()
                guard own.insert(key).inserted else { continue }
                if let other = names[key] {
                    throw InputError("the name \(Excerpt.quoted(name)) of '\(slug)' also names '\(other.slug)' (at \(other.location))", at: location,
                                     hint: "A name or alias may belong to one place only; remove it from one of them.")
                }
                names[key] = (slug, location)
            }
            let country = try object.required("country").object()
            warnings += country.unknownKeys(allowed: ["zh", "en", "iso"])
            let isoValue = try country.required("iso")
            let iso = try isoValue.string()
            guard ISOCountryCodes.isAssigned(iso) else {
                let hint = iso == "UK" ? "The United Kingdom's code is GB." : "The codes are listed at https://www.iso.org/obp/ui/#search/code/ (e.g. TW, KR, CZ)."
                throw InputError("`\(isoValue.keyPath)` must be an ISO 3166-1 alpha-2 code such as TW or KR, found \(Excerpt.quoted(iso))",
                                 at: isoValue.location, hint: hint)
            }
            let kindValue = try object.required("kind")
            guard let kind = Place.Kind(rawValue: try kindValue.string()) else {
                throw InputError("`\(kindValue.keyPath)` must be one of \(Place.Kind.allCases.map(\.rawValue).joined(separator: ", ")), found \(Excerpt.quoted(try kindValue.string()))",
                                 at: kindValue.location)
            }
            places.append(Place(slug: slug, zh: zh, en: en,
                                country: Country(zh: try country.required("zh").nonEmptyString(), en: try country.required("en").nonEmptyString(), iso: iso),
                                kind: kind, aliases: aliases))
        }
        return (PlaceDirectory(places: places, source: path), warnings)
    }

    /// The curated place the file's name refers to (its Chinese name or an alias).
    public func place(named name: String) -> Place? { byName[name].map { places[$0] } }

    /// A place for a name the list lacks. A name that extends a known one (`臺北市#2`) inherits
    /// its country and gets a suffixed slug; one that starts with a known country (`南韓釜山市`)
    /// gets that country; anything else gets a transliterated slug and no country.
    public func derivedPlace(for name: String, taken: Set<String>) -> Place {
        let known = byName.keys.filter { name.hasPrefix($0) && name.count > $0.count }.max { $0.count < $1.count }
        let place: Place
        if let known, let base = byName[known].map({ places[$0] }) {
            let rest = String(name.dropFirst(known.count))
            let restLatin = PlaceSlug.latin(rest)
            place = Place(slug: PlaceSlug.make(base.slug + "-" + restLatin), zh: base.zh + rest,
                          en: base.en + " " + restLatin.trimmingCharacters(in: " "), country: base.country, kind: base.kind,
                          aliases: [name], curated: false)
        } else if let country = countries.filter({ name.hasPrefix($0.zh) && name.count > $0.zh.count }).max(by: { $0.zh.count < $1.zh.count }) {
            let rest = String(name.dropFirst(country.zh.count))
            place = Place(slug: PlaceSlug.make(PlaceSlug.latin(rest)), zh: rest, en: PlaceSlug.latin(rest).capitalized,
                          country: country, kind: Self.guessKind(name), aliases: [name], curated: false)
        } else {
            place = Place(slug: PlaceSlug.make(PlaceSlug.latin(name)), zh: name, en: PlaceSlug.latin(name).capitalized,
                          country: .unknown, kind: Self.guessKind(name), aliases: [], curated: false)
        }
        var unique = place
        var counter = 2
        while taken.contains(unique.slug) || places.contains(where: { $0.slug == unique.slug }) {
            unique.slug = place.slug + "-\(counter)"
            counter += 1
        }
        return unique
    }

    private var countries: [Country] {
        var seen = Set<String>()
        return places.map(\.country).filter { !$0.zh.isEmpty && seen.insert($0.zh).inserted }
    }

    private static func guessKind(_ name: String) -> Place.Kind {
        if name.hasSuffix("辦事處") || name.hasSuffix("代表處") || name.hasSuffix("辦公室") { return .representativeOffice }
        if ["省", "區", "州", "縣", "郡", "邦"].contains(where: { name.hasSuffix($0) }) { return .region }
        return .city
    }
}

/// Slugs: the lower-case ASCII names that `--cities` and file names use.
public enum PlaceSlug {
    public static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && !slug.hasPrefix("-") && !slug.hasSuffix("-")
    }

    /// Latin letters for any text: pinyin for Chinese, diacritics dropped (ICU transliteration).
    public static func latin(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        let latin = text.applyingTransform(.toLatin, reverse: false) ?? text
        return latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin
    }

    /// `Tai Bei Shi #2` → `tai-bei-shi-2`.
    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in latin(text).lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "place" : slug
    }
}
