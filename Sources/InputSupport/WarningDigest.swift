/// Keeps a run's warnings readable when the input repeats one mistake thousands of times:
/// the first few of each kind are shown, then one line says how many more there were.
///
/// Two warnings are of one kind when their messages differ only in what they quote and in
/// their numbers (`unknown HTML entity '&foo;'` and `… '&bar;'`; `row 3 …` and `row 4 …`).
public enum WarningDigest {
    /// How many warnings of one kind are shown before the rest are counted.
    public static let shownPerKind = 3

    /// `warnings` in their order, each kind cut to `keep`, with `… and N more like it` after the last one shown.
    public static func summarised(_ warnings: [InputWarning], keep: Int = shownPerKind) -> [InputWarning] {
        var counts: [String: Int] = [:]
        let keys = warnings.map(kind)
        for key in keys { counts[key, default: 0] += 1 }
        var shown: [String: Int] = [:]
        var result: [InputWarning] = []
        for (warning, key) in zip(warnings, keys) {
            let index = shown[key, default: 0]
            shown[key] = index + 1
            guard index < keep else { continue }
            result.append(warning)
            if index == keep - 1, let total = counts[key], total > keep {
                result.append(InputWarning("… and \(total - keep) more like it"))
            }
        }
        return result
    }

    /// The message with quoted parts and numbers blanked out.
    static func kind(_ warning: InputWarning) -> String {
        var key = ""
        var closing: Character?
        var lastWasDigit = false
        for character in warning.message {
            if let expected = closing {
                if character == expected { closing = nil }
                continue
            }
            switch character {
            case "'": closing = "'"; key += "'…'"
            case "`": closing = "`"; key += "`…`"
            case "\"": closing = "\""; key += "\"…\""
            case "“": closing = "”"; key += "“…”"
            case _ where character.isNumber:
                if !lastWasDigit { key += "#" }
                lastWasDigit = true
                continue
            default: key.append(character)
            }
            lastWasDigit = false
        }
        return key
    }
}
