/// Several summits read together, oldest first, with their places merged: a place is the
/// same place in every summit it spoke at (by its slug from `places.yaml`), so staff can
/// ask what Prague said last time and what has changed.
public struct SummitArchive: Sendable, Hashable {
    /// By date, oldest first.
    public let summits: [Summit]
    /// Every place that spoke at any of the summits, in order of first appearance (oldest
    /// summit first, then file order).
    public let places: [Place]

    /// Fails when two summits share a date: the same summit given twice, most likely.
    public init(_ summits: [Summit]) throws(SummitArchiveError) {
        let sorted = summits.sorted { $0.date < $1.date }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.date == later.date {
            throw SummitArchiveError.sameDate(earlier.date, earlier.source, later.source)
        }
        self.summits = sorted
        var seen = Set<String>()
        var places: [Place] = []
        for summit in sorted {
            for place in summit.places where seen.insert(place.slug).inserted { places.append(place) }
        }
        self.places = places
    }

    /// One summit, which cannot clash with itself.
    public init(single summit: Summit) {
        summits = [summit]
        places = summit.places
    }

    /// The newest summit: what a brief of "the summit" means when several are loaded.
    public var newest: Summit? { summits.last }

    /// The summits at which a place had a speaker, oldest first.
    public func summits(of slug: String) -> [Summit] {
        summits.filter { summit in summit.speakers.contains { $0.placeSlug == slug } }
    }
}

/// Why summits cannot be read together.
public enum SummitArchiveError: Error, Sendable, Equatable {
    /// Two files carry the same summit date.
    case sameDate(String, String, String)

    public var message: String {
        switch self {
        case let .sameDate(date, first, second):
            return "two summit files have the same date \(date): \(first) and \(second)\n  Give each summit once; a summit's date comes from its page header (or its file name)."
        }
    }
}
