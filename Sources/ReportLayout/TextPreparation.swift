/// Evens out the spacing between Chinese and Latin text before shaping. The source is
/// inconsistent (`8%是` but `ICT 裡面`); with CJK–Latin spacing on, a space written
/// between a Chinese character and a Latin letter or digit is dropped and the layout
/// puts the same fixed gap at every such boundary.
enum TextPreparation {
    static func prepare(_ text: RichText, cjkLatinSpacing: Bool) -> RichText {
        guard cjkLatinSpacing else { return text }
        var spans = text.spans
        for index in spans.indices where spans[index].text.contains(" ") {
            let scalars = Array(spans[index].text.unicodeScalars)
            var kept = String.UnicodeScalarView()
            for (position, scalar) in scalars.enumerated() {
                if scalar == " ", position > 0, position + 1 < scalars.count {
                    let before = scalars[position - 1], after = scalars[position + 1]
                    if CharacterClass.isIdeographLetter(before) && CharacterClass.isLatinWord(after)
                        || CharacterClass.isLatinWord(before) && CharacterClass.isIdeographLetter(after) {
                        continue
                    }
                }
                kept.append(scalar)
            }
            spans[index].text = String(kept)
        }
        return RichText(spans)
    }
}
