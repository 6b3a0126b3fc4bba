/// What one column of an exported table holds: the workbook types its cells by it and its
/// `about` sheet lists it, so an analyst knows what `share` or `matches` mean without
/// reading code, and a formula or pivot table can rely on the stable `id`.
public struct ColumnInfo: Sendable, Hashable {
    /// The kind of value, which decides a workbook cell's type and number format.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A stable identifier (`taipei`, `open-data`, `TW`): text, never a number.
        case id
        /// Text as written (names, labels, `8%` as quoted): text, never a formula.
        case text
        /// Long text (summaries, evidence): text, wrapped in a wide column.
        case longText = "long text"
        /// A whole number.
        case integer
        /// A decimal number.
        case number
        /// A fraction from 0 to 1, shown as a percentage.
        case share
        /// A calendar date (ISO `YYYY-MM-DD` in the CSV files).
        case date
    }

    /// Snake-case id, the column's header in the CSV file and the workbook.
    public var id: String
    public var kind: Kind
    /// What the number counts or is measured in (`keyword hits`, `0–1`); empty for text.
    public var unit: String
    /// Traditional Chinese label.
    public var zh: String
    /// English label.
    public var en: String
    /// What a value means and where it comes from, in English.
    public var meaning: String

    public init(_ id: String, _ kind: Kind, unit: String = "", zh: String, en: String, _ meaning: String) {
        self.id = id
        self.kind = kind
        self.unit = unit
        self.zh = zh
        self.en = en
        self.meaning = meaning
    }

    /// The same description under another id (`top_theme_2` from `top_theme_1`'s pattern).
    func renamed(_ id: String, zh: String, en: String, _ meaning: String) -> ColumnInfo {
        ColumnInfo(id, kind, unit: unit, zh: zh, en: en, meaning)
    }
}
