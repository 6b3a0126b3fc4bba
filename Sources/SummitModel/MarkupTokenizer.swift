import InputSupport

/// Splits a cell into text and tags and decodes entities, in one forward pass with
/// bounded look-ahead (no regular expressions, so no input can make it slow).
///
/// Anything that is not a well-formed tag stays text: `a < b` prints as written; a
/// `<p` that never closes is kept as text with a warning.
struct MarkupTokenizer {
    let file: String
    /// A tag longer than this is not a tag (it is text with a stray `<` in it).
    static let maximumTagLength = 512

    func tokenize(_ fragment: CellFragment, warnings: inout [InputWarning]) -> [MarkupToken] {
        let scalars = fragment.scalars
        var tokens: [MarkupToken] = []
        var text: [Unicode.Scalar] = []
        var index = scalars.startIndex
        func location(_ at: Int) -> SourceLocation {
            SourceLocation(file: file, line: fragment.line, column: fragment.column + (at - scalars.startIndex))
        }
        func flushText() {
            if !text.isEmpty { tokens.append(.text(text)); text = [] }
        }
        // Set once a `<!--` found no `-->` after it: every later one in the cell fails alike, so
        // the search is not repeated (one pass, whatever the input).
        var commentEndMissing = false
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "<", Self.startsComment(scalars, at: index) {
                if !commentEndMissing, let end = Self.commentEnd(scalars, after: index + 4) {
                    flushText()
                    index = end
                    continue
                }
                commentEndMissing = true
                warnings.append(InputWarning("'<!--' starts an HTML comment that is never closed with '-->'; kept as text",
                                             at: location(index), hint: "Close the comment with '-->', or remove the '<!--'."))
                text.append(contentsOf: scalars[index..<index + 4])
                index += 4
            } else if scalar == "<" {
                if let (token, end) = parseTag(scalars, at: index, column: fragment.column + (index - scalars.startIndex)) {
                    flushText()
                    if let token { tokens.append(token) }
                    index = end
                    continue
                }
                let next = index + 1 < scalars.endIndex ? scalars[index + 1] : " "
                if next.properties.isAlphabetic && next.isASCII || next == "/" {
                    warnings.append(InputWarning("'<' starts what looks like an HTML tag but the tag is never closed with '>'; kept as text",
                                                 at: location(index), hint: "Remove the '<' or close the tag."))
                }
                text.append(scalar)
                index += 1
            } else if scalar == "&" {
                let (decoded, end) = HTMLEntities.decode(scalars, at: index)
                if let decoded {
                    text.append(contentsOf: decoded)
                    index = end
                } else {
                    if end > index {
                        let name = String(scalars: scalars[index..<end])
                        warnings.append(InputWarning("unknown HTML entity \(Excerpt.quoted(name)) kept as written", at: location(index),
                                                     hint: "Write the character itself, or &amp; for a literal '&'."))
                    }
                    text.append(scalar)
                    index += 1
                }
            } else {
                text.append(scalar)
                index += 1
            }
        }
        flushText()
        return tokens
    }

    /// Whether `<!--` starts at `index`.
    static func startsComment(_ scalars: ArraySlice<Unicode.Scalar>, at index: Int) -> Bool {
        index + 3 < scalars.endIndex && scalars[index + 1] == "!" && scalars[index + 2] == "-" && scalars[index + 3] == "-"
    }

    /// The index just after the first `-->` at or after `start`, nil when there is none.
    static func commentEnd(_ scalars: ArraySlice<Unicode.Scalar>, after start: Int) -> Int? {
        var index = start
        while index + 2 < scalars.endIndex {
            if scalars[index] == "-", scalars[index + 1] == "-", scalars[index + 2] == ">" { return index + 3 }
            index += 1
        }
        return nil
    }

    /// Parses `<name attr="v">`, `</name>`, `<br/>` or `<!-- … -->` at `start`. Returns nil when
    /// the text there is not a well-formed tag; a nil token means "skip it" (a comment).
    private func parseTag(_ scalars: ArraySlice<Unicode.Scalar>, at start: Int, column: Int) -> (MarkupToken?, Int)? {
        var index = start + 1
        let limit = min(scalars.endIndex, start + Self.maximumTagLength)
        guard index < scalars.endIndex else { return nil }
        if scalars[index] == "!" {
            // Comment or declaration: skip to the next '>'.
            while index < limit, scalars[index] != ">" { index += 1 }
            return index < limit ? (nil, index + 1) : nil
        }
        var closing = false
        if scalars[index] == "/" { closing = true; index += 1 }
        var name: [Unicode.Scalar] = []
        while index < limit, scalars[index].isASCII, scalars[index].properties.isAlphabetic || CJKText.isASCIIDigit(scalars[index]) {
            name.append(scalars[index])
            index += 1
        }
        guard let first = name.first, first.properties.isAlphabetic else { return nil }
        var attributes: [String: String] = [:]
        while index < limit {
            let scalar = scalars[index]
            if scalar == ">" {
                let tagName = String(scalars: name).lowercased()
                return (closing ? .close(name: tagName, column: column) : .open(name: tagName, attributes: attributes, column: column), index + 1)
            }
            if scalar == "<" { return nil }
            if scalar == "/" || CJKText.isWhitespace(scalar) { index += 1; continue }
            // attribute name
            var attributeName: [Unicode.Scalar] = []
            while index < limit, !CJKText.isWhitespace(scalars[index]), !["=", ">", "/", "<"].contains(scalars[index]) {
                attributeName.append(scalars[index])
                index += 1
            }
            var value: [Unicode.Scalar] = []
            if index < limit, scalars[index] == "=" {
                index += 1
                if index < limit, scalars[index] == "\"" || scalars[index] == "'" {
                    let quote = scalars[index]
                    index += 1
                    while index < limit, scalars[index] != quote { value.append(scalars[index]); index += 1 }
                    guard index < limit else { return nil }
                    index += 1
                } else {
                    while index < limit, !CJKText.isWhitespace(scalars[index]), scalars[index] != ">", scalars[index] != "<" {
                        value.append(scalars[index])
                        index += 1
                    }
                }
            }
            if attributeName.isEmpty { index += 1 } else {
                attributes[String(scalars: attributeName).lowercased()] = String(scalars: value)
            }
        }
        return nil
    }
}
