/// "Did you mean …?" for names a user typed: the closest candidate by edit distance,
/// compared case-insensitively, when it is close enough to be a plausible typo.
public enum NearestName {
    public static func find(_ typed: String, in candidates: [String]) -> String? {
        let needle = Array(typed.lowercased())
        guard !needle.isEmpty else { return nil }
        // Allow roughly one edit in three characters: close enough to be a typo, not a different word.
        let limit = max(1, (needle.count + 2) / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            // The distance is at least the difference in length: a 100 KB value is not compared.
            guard abs(other.count - needle.count) <= limit else { continue }
            let distance = editDistance(needle, other)
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        guard let best else { return nil }
        return best.distance <= limit ? best.name : nil
    }

    /// Edit distance over characters, two neighbours swapped counting as one edit (`pfd` is
    /// one edit from `pdf`): the optimal-string-alignment form of Damerau–Levenshtein.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], beforePrevious[j - 2] + 1) }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
