import InputSupport

/// The speaker cell split into its parts: `南韓大邱市 市長 Mr. Kwon, Young-jin`
/// → place `南韓大邱市`, role `市長`, honorific `Mr.`, name `Kwon, Young-jin`.
struct SpeakerCell: Equatable {
    var place: String
    var role: String
    var honorific: String?
    var name: String

    static let honorifics = ["mr", "ms", "mrs", "miss", "dr", "prof", "mx", "sir", "dame", "hon"]

    /// Splits the cleaned text of the cell. The role is found by the vocabulary when it can
    /// be; otherwise the second word is taken as the role and the caller warns.
    static func parse(_ text: String, roles: RoleVocabulary) -> (cell: SpeakerCell, roleKnown: Bool) {
        var words = text.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return (SpeakerCell(place: "", role: "", honorific: nil, name: ""), false) }
        var place: String
        var role = ""
        var roleKnown = false
        if let index = words.indices.dropFirst().first(where: { roles.contains(words[$0]) }) {
            place = words[0..<index].joined(separator: " ")
            role = words[index]
            words.removeSubrange(0...index)
            roleKnown = true
        } else if let suffix = roles.roleSuffix(of: words[0]) {
            place = String(words[0].dropLast(suffix.count))
            role = suffix
            words.removeFirst()
            roleKnown = true
        } else {
            place = words.removeFirst()
            if let first = words.first, first.unicodeScalars.contains(where: CJKText.isIdeograph) {
                role = words.removeFirst()
            }
        }
        var honorific: String?
        if let first = words.first {
            let bare = first.hasSuffix(".") ? String(first.dropLast()) : first
            if honorifics.contains(bare.lowercased()) {
                honorific = first.hasSuffix(".") || bare.lowercased() == "miss" || bare.lowercased() == "sir" || bare.lowercased() == "dame" ? first : first + "."
                words.removeFirst()
            }
        }
        place = place.trimmingCharacters(in: " ")
        return (SpeakerCell(place: place, role: role, honorific: honorific, name: words.joined(separator: " ")), roleKnown)
    }
}
