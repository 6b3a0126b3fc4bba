/// The YAML skeleton of a summit's translation, for staff to fill in: every field empty,
/// with the original text above it as a comment, in the structure `SummitTranslation` reads.
public enum TranslationTemplate {
    /// The skeleton for `summit`. `text` gives each field's value from the original's text;
    /// the default leaves every field empty (a test fills them with the original itself).
    /// A speaker whose place `places.yaml` lacks, or whose role `roles` lacks, gets a `place:`
    /// or `role:` field too: the brief has no other English for them.
    public static func yaml(for summit: Summit, language: String = "en", roles: RoleVocabulary? = nil,
                            text: (String) -> String = { _ in "" }) -> String {
        var lines = [
            "# Translation (\(language)) of \(fileName(summit.source)) (\(oneLine(summit.heading))).",
            "# Fill in the empty fields below each original, keeping the blocks and points in order;",
            "# a speaker whose fields are all empty keeps the original. Say here who translated it.",
            "# Original: \(oneLine(summit.heading))",
            "title: \(quoted(text(summit.heading)))",
            "speakers:",
        ]
        for speaker in summit.speakers {
            lines.append("  - number: \(speaker.number)")
            let who = [speaker.placeAsWritten, speaker.role, speaker.displayName].filter { !$0.isEmpty }.joined(separator: " ")
            lines.append("    # \(oneLine(who))")
            if summit.places.first(where: { $0.slug == speaker.placeSlug })?.curated == false {
                lines.append("    # place: \(oneLine(speaker.placeAsWritten))")
                lines.append("    place: \(quoted(text(speaker.placeAsWritten)))")
            }
            if let roles, !speaker.role.isEmpty, !roles.contains(speaker.role) {
                lines.append("    # role: \(oneLine(speaker.role))")
                lines.append("    role: \(quoted(text(speaker.role)))")
            }
            lines.append("    summary:")
            for block in speaker.summary.blocks {
                switch block {
                case let .paragraph(paragraph):
                    lines.append("      # \(oneLine(paragraph))")
                    lines.append("      - paragraph: \(quoted(text(paragraph)))")
                case let .list(list):
                    lines.append("      - list:")
                    for item in list.items {
                        lines.append("          # \(list.marker(for: item)) \(oneLine(item.text))")
                        lines.append("          - \(quoted(text(item.text)))")
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 { result += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    /// Text for a comment: on one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
