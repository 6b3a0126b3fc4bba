import ReportStyle

/// What the report says, in order, as sections of blocks; each section starts a page.
public struct Document: Sendable {
    public var sections: [Section]
    public var outline: [OutlineEntry]
    public var metadata: DocumentMetadata

    public init(sections: [Section], outline: [OutlineEntry], metadata: DocumentMetadata) {
        self.sections = sections
        self.outline = outline
        self.metadata = metadata
    }
}

public struct Section: Sendable {
    public var blocks: [Block]
    /// Running header and footer (nil: a page without them, like the cover).
    public var pageFurniture: PageFurniture?
    /// The section's structure element (`Sect`).
    public var role: StructureRole

    public init(blocks: [Block], pageFurniture: PageFurniture?, role: StructureRole = .section) {
        self.blocks = blocks
        self.pageFurniture = pageFurniture
        self.role = role
    }
}

/// The running header and the page-number footer of a section's pages.
public struct PageFurniture: Sendable {
    public var headerLeft: RichText
    public var headerRight: RichText
    public var ruleColor: Color
    /// Footer text with `{page}` and `{pages}` in it, e.g. `第 {page} 頁，共 {pages} 頁`.
    public var footerFormat: String
    public var footerStyle: TextStyle

    public init(headerLeft: RichText, headerRight: RichText, ruleColor: Color, footerFormat: String, footerStyle: TextStyle) {
        self.headerLeft = headerLeft
        self.headerRight = headerRight
        self.ruleColor = ruleColor
        self.footerFormat = footerFormat
        self.footerStyle = footerStyle
    }

    public func footer(page: Int, of pages: Int) -> String {
        footerFormat.replacingOccurrences(of: "{page}", with: String(page)).replacingOccurrences(of: "{pages}", with: String(pages))
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
