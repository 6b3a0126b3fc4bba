import Foundation

/// What the workbook's `about` sheet and document properties say about the run: which
/// summits, which command and version made it and when, and how themes are scored. The
/// facts come from ReportKit (the clock, the command line, the brief's own words); the
/// writer only lays them out, so the sheet says exactly what the brief's appendix says.
public struct WorkbookAbout: Sendable {
    /// One fact of the run, a label in both languages and a typed value.
    public struct Fact: Sendable, Hashable {
        public enum Value: Sendable, Hashable {
            case text(String)
            case integer(Int)
            /// An ISO day (`2021-03-23`), written as a date cell.
            case day(String)
            /// A moment, written as a date-and-time cell (UTC).
            case moment(Date)
        }

        public var zh: String
        public var en: String
        public var value: Value

        public init(zh: String, en: String, _ value: Value) {
            self.zh = zh
            self.en = en
            self.value = value
        }
    }

    /// The document's title (also the sheet's first line).
    public var title: String
    /// The document's subject and keywords (File ▸ Properties).
    public var subject: String
    public var keywords: String
    /// The language of the labels, a BCP 47 tag (`zh-TW`); kept as a custom property, the
    /// core properties libxlsxwriter writes have no language field.
    public var language: String
    public var facts: [Fact]
    /// How themes are scored, one paragraph per entry, Chinese then English.
    public var scoring: [String]
    /// The creation time in the document properties (the run's clock, so that a fixed
    /// `SOURCE_DATE_EPOCH` gives the same properties).
    public var created: Date

    public init(title: String, subject: String, keywords: String, language: String, facts: [Fact], scoring: [String], created: Date) {
        self.title = title
        self.subject = subject
        self.keywords = keywords
        self.language = language
        self.facts = facts
        self.scoring = scoring
        self.created = created
    }
}
