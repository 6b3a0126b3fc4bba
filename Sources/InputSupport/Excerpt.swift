/// A short, one-line quote of something a user gave (a YAML scalar, a `--cities` name, a
/// path), for messages.
///
/// Messages quote input so the user can find the spot, but input can be megabytes (a style
/// sheet that is one scalar, a 100 KB option): a quote is cut at `limit` characters with an
/// ellipsis, and line breaks and other control characters are shown as escapes so that one
/// message stays one line.
public enum Excerpt {
    /// Characters of input a message quotes at most.
    public static let limit = 80

    /// `text`, at most `limit` characters, with `…` when it was cut.
    public static func of(_ text: some StringProtocol, limit: Int = Excerpt.limit) -> String {
        var result = ""
        var count = 0
        for character in text {
            if count == limit {
                result += "…"
                break
            }
            count += 1
            if character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first, scalar.properties.generalCategory == .control {
                switch scalar {
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "\t": result += "\\t"
                default: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                }
            } else if character == "\r\n" {
                result += "\\r\\n"
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// `'text'`, cut as `of` cuts it.
    public static func quoted(_ text: some StringProtocol, limit: Int = Excerpt.limit) -> String {
        "'" + of(text, limit: limit) + "'"
    }

    /// At most `count` items, then `… and N more`: a list of names from the input stays short.
    public static func list(_ items: [String], count: Int = 5, separator: String = ", ") -> String {
        let shown = items.prefix(count).joined(separator: separator)
        return items.count > count ? shown + separator + "… and \(items.count - count) more" : shown
    }
}
