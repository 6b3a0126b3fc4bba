import SummitModel

/// Default file names that carry what was selected, so that no brief overwrites a
/// differently selected one: `summit-2021-03-23` for a whole summit,
/// `summit-2021-03-23-taipei-prague` for a selection, `summits-2021-03-23--2022-09-15`
/// for several summits.
public enum OutputName {
    /// Above this many places (or summits) the name lists the first few and a checksum of all.
    static let maximumListed = 4

    public static func stem(summits: [Summit], selected: [Place], all: [Place]) -> String {
        let dates = summits.map(\.date)
        var name: String
        if summits.count <= 1 {
            name = summits.first?.slug ?? "summit"
        } else if dates.count <= maximumListed {
            name = "summits-" + dates.joined(separator: "--")
        } else {
            name = "summits-\(dates[0])--\(dates[dates.count - 1])-\(dates.count)-\(checksum(dates))"
        }
        let slugs = selected.map(\.slug)
        if Set(slugs) != Set(all.map(\.slug)) {
            if slugs.count <= maximumListed {
                name += "-" + slugs.joined(separator: "-")
            } else {
                name += "-" + slugs.prefix(maximumListed - 1).joined(separator: "-") + "-and-\(slugs.count - maximumListed + 1)-more-\(checksum(slugs))"
            }
        }
        return name
    }

    /// Eight hex digits of FNV-1a over the names: stable across runs and machines (Swift's
    /// `Hasher` is seeded per process).
    static func checksum(_ names: [String]) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in names.joined(separator: ",").utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
