import InputSupport
import SummitModel

/// Turns `--cities all` or `--cities taipei,布拉格,Daegu` into places of the summit (or of
/// any of the summits read together). A place can be named by slug, Chinese or English name
/// or alias, in any case; a country by `country:CZ` (its ISO code) or its Chinese or English
/// name, which selects all its places.
public enum CitySelection {
    public static func resolve(_ argument: String, in summit: Summit) throws(ReportError) -> (places: [Place], warnings: [InputWarning]) {
        try resolve(argument, among: summit.places)
    }

    /// The selection among `places` (a summit's, or an archive's), in their order.
    public static func resolve(_ argument: String, among places: [Place]) throws(ReportError) -> (places: [Place], warnings: [InputWarning]) {
        let names = argument.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
            .map { String($0).trimmingCharacters(in: " ") }
            .filter { !$0.isEmpty }
        guard !names.isEmpty else {
            throw ReportError(.usage, "--cities names no city\n  Give 'all', or names separated by commas, e.g. --cities taipei,prague.\n\(validList(places))")
        }
        if names.count == 1, names[0].lowercased() == "all" { return (places, []) }
        var chosen = Set<String>()
        var unknown: [String] = []
        var warnings: [InputWarning] = []
        var repeated = Set<String>()
        var byName: [String: Place] = [:]
        for place in places {
            for name in place.names where byName[name.lowercased()] == nil { byName[name.lowercased()] = place }
        }
        let byCountry = countries(of: places)
        for name in names {
            guard let found = byName[name.lowercased()].map({ [$0] }) ?? byCountry[name.lowercased()] else {
                unknown.append(name)
                continue
            }
            for place in found where !chosen.insert(place.slug).inserted && repeated.insert(place.slug).inserted {
                warnings.append(InputWarning("--cities names \(place.slug) more than once; it is included once"))
            }
        }
        if !unknown.isEmpty {
            let candidates = places.flatMap(\.names)
            // A huge or repeated value is not echoed whole: each name cut short, at most five listed.
            var seen = Set<String>()
            let distinct = unknown.filter { seen.insert($0).inserted }
            let details = distinct.prefix(5).map { name -> String in
                let nearest = NearestName.find(name, in: candidates).flatMap { match in
                    places.first { $0.names.contains(match) }.map { "'\(match)' (\($0.slug))" }
                }
                return Excerpt.quoted(name) + (nearest.map { " — did you mean \($0)?" } ?? "")
            }
            let more = distinct.count > details.count ? ", … and \(distinct.count - details.count) more" : ""
            throw ReportError(.usage, "unknown \(distinct.count == 1 ? "city" : "cities"): \(details.joined(separator: ", "))\(more)\n\(validList(places))")
        }
        return (places.filter { chosen.contains($0.slug) }, warnings)
    }

    /// The places by country: `country:cz`, `czech republic`, `捷克` (lowercased).
    static func countries(of places: [Place]) -> [String: [Place]] {
        var byCountry: [String: [Place]] = [:]
        for place in places {
            let country = place.country
            var keys = [country.zh, country.en].filter { !$0.isEmpty }
            if !country.iso.isEmpty { keys.append("country:" + country.iso) }
            for key in Set(keys.map { $0.lowercased() }) { byCountry[key, default: []].append(place) }
        }
        return byCountry
    }

    static func validList(_ places: [Place]) -> String {
        let shown = places.prefix(24).map { "    \($0.slug)  \($0.zh)  \($0.en)" }
        let more = places.count > shown.count ? ["    … and \(places.count - shown.count) more"] : []
        return "  Valid names (slug, Chinese, English; `report cities` lists them all; a country as country:CZ or by name):\n"
            + (shown + more).joined(separator: "\n")
    }
}
