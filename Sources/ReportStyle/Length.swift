import InputSupport

/// Lengths in style sheets: a number of points, or text with a unit (`20mm`, `2cm`, `1in`, `12pt`).
enum Length {
    static func points(_ value: YAMLValue) throws(InputError) -> Double {
        if let number = try? value.double() { return number }
        let text = try value.string().trimmingCharacters(in: " ")
        let units: [(String, Double)] = [("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72), ("pt", 1)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            let number = String(text.dropLast(suffix.count)).trimmingCharacters(in: " ")
            if let amount = Double(number), amount.isFinite { return amount * factor }
        }
        throw InputError("`\(value.keyPath)` must be a length such as 20mm, 2cm, 1in or 12pt, found \(Excerpt.quoted(text))", at: value.location)
    }
}
