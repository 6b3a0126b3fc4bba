import InputSupport

/// Walks the tokens of a summary cell (all its page-break fragments in order) and cuts
/// them into `SummarySegment`s at the tags that structure text: p, div, ol, ul, li, br.
/// Inline tags (b, span, a …) are dropped. Closing tags with nothing to close are
/// reported, because they usually mean text was lost or pasted in the wrong place.
struct SummarySegmenter {
    let file: String

    private struct OpenList {
        var element: Int
        var ordered: Bool
        var start: Int?
    }

    func segments(of fragments: [CellFragment], warnings: inout [InputWarning]) -> [SummarySegment] {
        let tokenizer = MarkupTokenizer(file: file)
        var segments: [SummarySegment] = []
        var buffer: [Unicode.Scalar] = []
        var inParagraph = false
        var lists: [OpenList] = []
        var inItem = false
        var itemValue: Int?
        var nextElement = 1
        var pendingBreak = false
        var inline: [String: Int] = [:]   // open inline tags (b, span …), to spot stray closing ones
        var lineBreak = false              // a <br> inside a sentence: join the text on either side
        var openedAt: [String: [SourceLocation]] = [:]   // where each open inline tag was opened, to name unclosed ones
        var paragraphOpenedAt: SourceLocation?

        func flush(closedByTag: Bool) {
            defer { buffer = [] }
            guard buffer.contains(where: { !CJKText.isWhitespace($0) }) else { return }
            let list = lists.last
            let kind: SummarySegment.Kind = inItem ? .listItem : (list != nil && !inParagraph ? .listText : .paragraph)
            segments.append(SummarySegment(kind: kind, text: buffer, listElement: list?.element ?? 0,
                                           ordered: list?.ordered ?? true, listStart: list?.start,
                                           itemValue: inItem ? itemValue : nil,
                                           continuesAfterBreak: pendingBreak, closedByTag: closedByTag))
            pendingBreak = false
        }

        for (fragmentIndex, fragment) in fragments.enumerated() {
            let tokens = tokenizer.tokenize(fragment, warnings: &warnings)
            if fragmentIndex > 0 {
                flush(closedByTag: false)
                // Bare text right after a page break may carry on the text the break cut.
                if case let .text(text)? = tokens.first, text.contains(where: { !CJKText.isWhitespace($0) }) {
                    pendingBreak = true
                } else {
                    pendingBreak = false
                }
            }
            for token in tokens {
                switch token {
                case let .text(text):
                    if lineBreak, let first = text.first(where: { !CJKText.isWhitespace($0) }),
                       let last = buffer.last(where: { !CJKText.isWhitespace($0) }) {
                        buffer.append(contentsOf: CJKText.joiner(between: last, and: first).unicodeScalars)
                        buffer.append(contentsOf: text.drop(while: CJKText.isWhitespace))
                    } else {
                        buffer.append(contentsOf: text)
                    }
                    lineBreak = false
                case let .open(name, attributes, column):
                    switch name {
                    case "p", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table":
                        flush(closedByTag: true)
                        inParagraph = true
                        paragraphOpenedAt = name == "p" ? SourceLocation(file: file, line: fragment.line, column: column) : nil
                    case "ol", "ul":
                        flush(closedByTag: true)
                        inParagraph = false
                        inItem = false
                        lists.append(OpenList(element: nextElement, ordered: name == "ol", start: attributes["start"].flatMap { Int($0) }))
                        nextElement += 1
                    case "li":
                        flush(closedByTag: true)
                        if lists.isEmpty {
                            lists.append(OpenList(element: nextElement, ordered: true, start: nil))
                            nextElement += 1
                        }
                        inParagraph = false
                        inItem = true
                        itemValue = attributes["value"].flatMap { Int($0) }
                    case "br":
                        // A line break after a sentence starts a paragraph; inside a sentence (the
                        // editor wrapped a line) the text goes on, with no space between Chinese.
                        if inItem {
                            buffer.append(" ")
                        } else if let last = buffer.last(where: { !CJKText.isWhitespace($0) }), !CJKText.endsThought(last) {
                            lineBreak = true
                        } else {
                            flush(closedByTag: true)
                        }
                    case _ where Self.voidElements.contains(name):
                        break
                    default:
                        inline[name, default: 0] += 1
                        openedAt[name, default: []].append(SourceLocation(file: file, line: fragment.line, column: column))
                    }
                case let .close(name, column):
                    let location = SourceLocation(file: file, line: fragment.line, column: column)
                    switch name {
                    case "p", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table":
                        if !inParagraph && name == "p" {
                            warnings.append(InputWarning("stray </p> with no <p> before it; ignored", at: location))
                        }
                        flush(closedByTag: true)
                        inParagraph = false
                        paragraphOpenedAt = nil
                    case "ol", "ul":
                        flush(closedByTag: true)
                        if lists.isEmpty {
                            warnings.append(InputWarning("stray </\(name)> with no list open; ignored", at: location))
                        } else {
                            lists.removeLast()
                        }
                        inItem = false
                        inParagraph = false
                    case "li":
                        if !inItem {
                            warnings.append(InputWarning("stray </li> with no <li> open; ignored", at: location))
                        }
                        flush(closedByTag: true)
                        inItem = false
                    default:
                        if let open = inline[name], open > 0 {
                            inline[name] = open - 1
                            openedAt[name]?.removeLast()
                        } else {
                            warnings.append(InputWarning("stray </\(name)> with no <\(name)> before it; ignored", at: location))
                        }
                    }
                }
            }
        }
        flush(closedByTag: false)
        // What the cell opened and never closed: the text is kept, but a missing `</b>` or
        // `</p>` usually means the cell was cut or pasted wrongly.
        if inParagraph, let paragraphOpenedAt {
            warnings.append(InputWarning("unclosed <p>: no </p> before the end of the cell; the text is kept", at: paragraphOpenedAt,
                                         hint: "Close the paragraph with </p>."))
        }
        for (name, locations) in openedAt.sorted(by: { $0.key < $1.key }) {
            for location in locations {
                warnings.append(InputWarning("unclosed <\(name)>: no </\(name)> before the end of the cell; the text is kept", at: location,
                                             hint: "Close it with </\(name)>, or remove the tag."))
            }
        }
        return segments
    }

    /// Elements that never have a closing tag, so are never "unclosed".
    static let voidElements: Set<String> = ["area", "base", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
}
