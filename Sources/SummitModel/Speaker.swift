/// One row of the summit table: who spoke, for which place, and what they said.
public struct Speaker: Sendable, Hashable, Codable {
    /// The row number in the file.
    public var number: Int
    /// The place as the file writes it, e.g. `南韓大邱市`.
    public var placeAsWritten: String
    /// The slug of the `Place` this speaker belongs to.
    public var placeSlug: String
    /// Title as written, e.g. `副市長`.
    public var role: String
    /// `Mr.`, `Ms.`, `Dr.` … when the file gives one; kept apart so names sort and compare cleanly.
    public var honorific: String?
    /// Latin names without the honorific, Chinese names as written; empty when the file gives none.
    public var name: String
    public var summary: Summary
    /// The line where the row starts in the file.
    public var line: Int
    /// ISO date of the summit the speaker spoke at: with several summits in one brief or
    /// CSV file, the row number alone no longer says who is meant. Not in the JSON, where
    /// each speaker sits inside its summit.
    public var summitDate: String = ""

    private enum CodingKeys: String, CodingKey { case number, placeAsWritten, placeSlug, role, honorific, name, summary, line }

    public init(number: Int, placeAsWritten: String, placeSlug: String, role: String, honorific: String?, name: String, summary: Summary, line: Int,
                summitDate: String = "") {
        self.number = number
        self.placeAsWritten = placeAsWritten
        self.placeSlug = placeSlug
        self.role = role
        self.honorific = honorific
        self.name = name
        self.summary = summary
        self.line = line
        self.summitDate = summitDate
    }

    /// Name with its honorific, as one would print it: `Mr. Kwon, Young-jin`.
    public var displayName: String {
        [honorific, name.isEmpty ? nil : name].compactMap { $0 }.joined(separator: " ")
    }

    /// A destination name for links to this speaker's page (in a brief of one summit).
    public var anchor: String { "speaker-\(number)" }

    /// Stable across summits and files: `2021-03-23#1`, the key that stacked CSV files share.
    public var id: String { "\(summitDate)#\(number)" }
}
