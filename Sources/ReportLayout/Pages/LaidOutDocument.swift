/// The result of layout: pages of positioned items plus what the PDF needs around them.
/// Plain values: tests inspect positions without a PDF, and the renderer only paints.
public struct LaidOutDocument: Sendable {
    public var pages: [Page]
    public var outline: [OutlineEntry]
    /// Page index (0-based) and position of every named destination.
    public var destinations: [String: (page: Int, point: Point)]
    public var metadata: DocumentMetadata

    public init(pages: [Page], outline: [OutlineEntry], destinations: [String: (page: Int, point: Point)], metadata: DocumentMetadata) {
        self.pages = pages
        self.outline = outline
        self.destinations = destinations
        self.metadata = metadata
    }

    /// Every character that no font could draw, with the text it occurs in.
    public var missingGlyphs: [(character: Unicode.Scalar, page: Int, context: String)] {
        var found: [(Unicode.Scalar, Int, String)] = []
        var seen = Set<ObjectIdentifier>()
        for (index, page) in pages.enumerated() {
            for line in page.textLines where !line.shaped.missingCharacters.isEmpty && seen.insert(ObjectIdentifier(line.shaped)).inserted {
                for character in line.shaped.missingCharacters { found.append((character, index + 1, line.shaped.text)) }
            }
        }
        return found
    }
}

/// Title, subject and the rest of the PDF's document information.
public struct DocumentMetadata: Sendable, Hashable {
    public var title: String
    public var subject: String
    public var keywords: [String]
    public var author: String
    public var creator: String
    /// ISO 8601 with offset, e.g. `2021-03-23T00:00:00+08:00`.
    public var date: String
    public var language: String

    public init(title: String, subject: String, keywords: [String], author: String, creator: String, date: String, language: String) {
        self.title = title
        self.subject = subject
        self.keywords = keywords
        self.author = author
        self.creator = creator
        self.date = date
        self.language = language
    }
}
