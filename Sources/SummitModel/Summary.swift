/// A speech summary as structured text: paragraphs and lists, nothing else.
///
/// The source is HTML fragments and inline "1. … 2. …" numbering; everything downstream
/// (layout, CSV, analysis) wants this cleaner shape.
public struct Summary: Sendable, Hashable, Codable {
    public var blocks: [SummaryBlock]

    public init(blocks: [SummaryBlock]) { self.blocks = blocks }

    /// Number of list items over all lists.
    public var pointCount: Int {
        blocks.reduce(0) { count, block in
            if case let .list(list) = block { return count + list.items.count }
            return count
        }
    }

    /// Paragraphs and items as plain text, one per line; items keep their numbers.
    public var plainText: String {
        units.map { unit in unit.marker.map { "\($0) \(unit.text)" } ?? unit.text }.joined(separator: "\n")
    }

    /// Every paragraph and list item in reading order, the units that evidence quotes.
    public var units: [TextUnit] {
        var result: [TextUnit] = []
        for (blockIndex, block) in blocks.enumerated() {
            switch block {
            case let .paragraph(text):
                result.append(TextUnit(block: blockIndex, item: nil, marker: nil, text: text))
            case let .list(list):
                for (itemIndex, item) in list.items.enumerated() {
                    result.append(TextUnit(block: blockIndex, item: itemIndex, marker: list.marker(for: item), text: item.text))
                }
            }
        }
        return result
    }
}

/// A paragraph or a list item, addressed by its position in the summary.
public struct TextUnit: Sendable, Hashable {
    public var block: Int
    public var item: Int?
    /// `3.` for a numbered item, `•` for a bullet, nil for a paragraph.
    public var marker: String?
    public var text: String
}

public enum SummaryBlock: Sendable, Hashable, Codable {
    case paragraph(String)
    case list(SummaryList)

    private enum CodingKeys: String, CodingKey { case type, text, list }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "paragraph": self = .paragraph(try container.decode(String.self, forKey: .text))
        default: self = .list(try container.decode(SummaryList.self, forKey: .list))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .paragraph(text):
            try container.encode("paragraph", forKey: .type)
            try container.encode(text, forKey: .text)
        case let .list(list):
            try container.encode("list", forKey: .type)
            try container.encode(list, forKey: .list)
        }
    }
}

public struct SummaryList: Sendable, Hashable, Codable {
    /// Numbered (`<ol>`, inline `1. 2.`) or bulleted (`<ul>`).
    public var ordered: Bool
    public var items: [ListItem]

    public init(ordered: Bool, items: [ListItem]) {
        self.ordered = ordered
        self.items = items
    }

    public func marker(for item: ListItem) -> String { ordered ? "\(item.number)." : "•" }
}

public struct ListItem: Sendable, Hashable, Codable {
    /// The number the source gives (lists can continue across a page break at 5, 6, 7).
    public var number: Int
    public var text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}
