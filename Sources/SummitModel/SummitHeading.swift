/// The summit's name and date, read from the page header (`2021 首長高峰會(3/23)談話內容摘要`)
/// or, failing that, from the file name (`summit-2021-03-23.txt`).
struct SummitHeading: Equatable {
    var title: String
    var date: String

    /// Understands `2021 …(3/23)…`, `2021/3/23`, `2021-03-23` and `2021年3月23日`.
    static func parse(_ header: String) -> SummitHeading? {
        let scalars = Array(header.unicodeScalars)
        guard let (year, yearEnd) = firstYear(in: scalars) else { return nil }
        // Full dates right after the year: 2021-03-23, 2021/3/23, 2021年3月23日
        if let (month, day, end) = monthDay(in: scalars, from: yearEnd, separators: ["-", "/", "年", "."]) {
            let rest = String(scalars: scalars[end...]).trimmingCharacters(in: " ")
            let before = String(scalars: scalars[..<(yearEnd - 4)]).trimmingCharacters(in: " ")
            let title = [before, rest].filter { !$0.isEmpty }.joined(separator: " ")
            return SummitHeading(title: title.isEmpty ? header : title, date: iso(year, month, day))
        }
        // A year, then (M/D) later: 2021 首長高峰會(3/23)談話內容摘要
        for (index, scalar) in scalars.enumerated() where index >= yearEnd && (scalar == "(" || scalar == "（") {
            if let (month, day, end) = monthDay(in: scalars, from: index + 1, separators: ["/", "."]),
               end < scalars.count, scalars[end] == ")" || scalars[end] == "）" {
                let title = String(scalars: scalars[..<index]).trimmingCharacters(in: " ")
                return SummitHeading(title: title, date: iso(year, month, day))
            }
        }
        return nil
    }

    /// `summit-2021-03-23.txt` → 2021-03-23.
    static func date(fromFileName name: String) -> String? {
        let scalars = Array(name.unicodeScalars)
        var index = 0
        while index + 10 <= scalars.count {
            if let (year, yearEnd) = year(in: scalars, at: index), let (month, day, _) = monthDay(in: scalars, from: yearEnd, separators: ["-"]) {
                return iso(year, month, day)
            }
            index += 1
        }
        return nil
    }

    private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    private static func firstYear(in scalars: [Unicode.Scalar]) -> (Int, Int)? {
        for index in scalars.indices {
            if let found = year(in: scalars, at: index) { return found }
        }
        return nil
    }

    private static func year(in scalars: [Unicode.Scalar], at index: Int) -> (Int, Int)? {
        guard index + 4 <= scalars.count else { return nil }
        if index > 0, CJKText.isASCIIDigit(scalars[index - 1]) { return nil }
        let digits = scalars[index..<index + 4]
        guard digits.allSatisfy(CJKText.isASCIIDigit) else { return nil }
        if index + 4 < scalars.count, CJKText.isASCIIDigit(scalars[index + 4]) { return nil }
        let value = digits.reduce(0) { $0 * 10 + Int($1.value - 0x30) }
        return (1900...2199).contains(value) ? (value, index + 4) : nil
    }

    /// `-03-23`, `/3/23`, `年3月23日` or `3/23` at `from`; returns month, day and the index after.
    private static func monthDay(in scalars: [Unicode.Scalar], from start: Int, separators: Set<Unicode.Scalar>) -> (Int, Int, Int)? {
        var index = start
        func number() -> Int? {
            var value = 0, count = 0
            while index < scalars.count, CJKText.isASCIIDigit(scalars[index]), count < 2 {
                value = value * 10 + Int(scalars[index].value - 0x30)
                index += 1
                count += 1
            }
            return count > 0 ? value : nil
        }
        if index < scalars.count, separators.contains(scalars[index]), start > 0, CJKText.isASCIIDigit(scalars[start - 1]) {
            index += 1
        }
        guard let month = number(), (1...12).contains(month), index < scalars.count else { return nil }
        let separator = scalars[index]
        guard separators.contains(separator) || separator == "月" || separator == "/" else { return nil }
        index += 1
        guard let day = number(), (1...31).contains(day) else { return nil }
        if index < scalars.count, scalars[index] == "日" { index += 1 }
        return (month, day, index)
    }
}
