import SummitModel

/// The data dictionary: every column of every exported table with its type, unit, meaning
/// and Chinese and English labels. It is kept beside the tables (not in the workbook writer)
/// so that a column added to `CSVExports` without an entry fails a test, and so that the
/// summit columns of several summits are described wherever they appear.
public struct ColumnDictionary: Sendable {
    /// The theme catalog: the heatmap has one column per theme, named by its id.
    public var themes: [Theme]

    public init(themes: [Theme]) {
        self.themes = themes
    }

    /// The description of `column` in the table `sheet` (`speakers`, `heatmap` …): the
    /// sheet's own entry when the id means something else there, the shared one otherwise.
    public func info(sheet: String, column: String) -> ColumnInfo? {
        if let own = Self.bySheet[sheet]?[column] { return own }
        if sheet == "heatmap", let theme = themes.first(where: { $0.id == column }) {
            return ColumnInfo(theme.id, .integer, unit: "keyword hits", zh: theme.zh, en: theme.en,
                              "Matches of the theme's keywords in all summaries of the place (the heatmap's cell; coloured on the brief's scale).")
        }
        return Self.shared[column]
    }

    /// The columns of `tables` that have no description (a test keeps this empty).
    public func undocumented(in tables: [CSVTable]) -> [(sheet: String, column: String)] {
        tables.flatMap { table in
            table.header.filter { info(sheet: table.sheetName, column: $0) == nil }.map { (table.sheetName, $0) }
        }
    }

    /// The columns of the dictionary itself, which the `about` sheet lists too.
    public static let columns: [ColumnInfo] = [
        ColumnInfo("sheet", .id, zh: "工作表", en: "Sheet", "The sheet (and CSV file) the column is in."),
        ColumnInfo("column", .id, zh: "欄位代碼", en: "Column", "The column's stable id: its header, for formulas and pivot tables."),
        ColumnInfo("type", .id, zh: "型別", en: "Type",
                   "id, text, long text (wrapped), integer, number, share (0–1, shown as a percentage) or date."),
        ColumnInfo("unit", .text, zh: "單位", en: "Unit", "What a number counts or is measured in; empty for text."),
        ColumnInfo("label_zh", .text, zh: "中文名稱", en: "Chinese label", "The column's name in Traditional Chinese."),
        ColumnInfo("label_en", .text, zh: "英文名稱", en: "English label", "The column's name in English."),
        ColumnInfo("meaning", .longText, zh: "說明", en: "Meaning", "What a value means and where it comes from."),
    ]

    /// One row per column of every table, in sheet and column order, then the dictionary's own.
    public func table(for tables: [CSVTable]) -> CSVTable {
        var table = CSVTable(name: "about", header: Self.columns.map(\.id))
        func row(_ sheet: String, _ info: ColumnInfo) -> [CSVCell] {
            [.text(sheet), .text(info.id), .text(info.kind.rawValue), info.unit.isEmpty ? .empty : .text(info.unit),
             .text(info.zh), .text(info.en), .text(info.meaning)]
        }
        for source in tables {
            for column in source.header {
                let info = info(sheet: source.sheetName, column: column)
                    ?? ColumnInfo(column, .text, zh: "", en: "", "(not described)")
                table.rows.append(row(source.sheetName, info))
            }
        }
        for info in Self.columns { table.rows.append(row("about", info)) }
        return table
    }

    // MARK: - The entries

    private static func topTheme(_ rank: Int, of whose: String) -> ColumnInfo {
        ColumnInfo("top_theme_\(rank)", .id, unit: "theme id", zh: "主要主題 \(rank)", en: "Top theme \(rank)",
                   "The id of the theme with the \(["", "most", "second most", "third most"][rank]) keyword matches in \(whose) "
                   + "(ties go to the theme listed first in Data/themes.yaml); empty when fewer themes matched. Labels: the themes sheet.")
    }

    /// Columns that mean the same in every table they appear in.
    static let shared: [String: ColumnInfo] = Dictionary(uniqueKeysWithValues: [
        ColumnInfo("place_slug", .id, zh: "城市／機構代碼", en: "Place id",
                   "The place's stable id (slug in Data/places.yaml); in places and heatmap it links to the place's first row in speakers."),
        ColumnInfo("place_zh", .text, zh: "城市／機構", en: "Place (Chinese)", "The place's Chinese name (as written in the summit file when places.yaml lacks it)."),
        ColumnInfo("place_en", .text, zh: "城市／機構（英文）", en: "Place (English)", "The place's English name from Data/places.yaml."),
        ColumnInfo("country_zh", .text, zh: "國家", en: "Country (Chinese)", "The country's Chinese name."),
        ColumnInfo("country_en", .text, zh: "國家（英文）", en: "Country (English)", "The country's English name."),
        ColumnInfo("country_iso", .id, unit: "ISO 3166-1 alpha-2", zh: "國家代碼", en: "Country code", "The country's two-letter ISO code (TW, CZ …)."),
        ColumnInfo("speaker_number", .integer, zh: "講者編號", en: "Speaker number",
                   "The speaker's number in the summit file (the order of speaking); the number column of speakers."),
        ColumnInfo("speaker_name", .text, zh: "講者", en: "Speaker", "Honorific and name as written (Mr. Kwon, Young-jin; 柯文哲)."),
        ColumnInfo("summit_date", .date, zh: "會議日期", en: "Summit date", "The day of the summit the row belongs to."),
        ColumnInfo("summit", .text, zh: "會議", en: "Summit", "The summit's short title (2021 首長高峰會)."),
        ColumnInfo("speaker_id", .id, zh: "講者代碼", en: "Speaker id",
                   "The speaker's id across summits: summit date and number (2021-03-23#1)."),
        ColumnInfo("speaker_ids", .text, zh: "講者代碼", en: "Speaker ids", "The ids of the place's speakers at that summit, separated by '; '."),
    ].map { ($0.id, $0) })

    /// Columns whose id means something particular in one table.
    static let bySheet: [String: [String: ColumnInfo]] = [
        "speakers": Dictionary(uniqueKeysWithValues: [
            ColumnInfo("number", .integer, zh: "編號", en: "Number", "The speaker's number in the summit file (the order of speaking)."),
            ColumnInfo("role", .text, zh: "職稱", en: "Title", "The speaker's title as written (市長, 副代表 …)."),
            ColumnInfo("honorific", .text, zh: "敬稱", en: "Honorific", "Mr., Ms., Dr. … as written; empty when there is none."),
            ColumnInfo("name", .text, zh: "姓名", en: "Name", "The speaker's name as written."),
            ColumnInfo("summary", .longText, zh: "摘要", en: "Summary",
                       "The summary as plain text: each paragraph and numbered point on its own line, with its number (1. …)."),
            ColumnInfo("summary_en", .longText, zh: "英文摘要", en: "Summary in English",
                       "The summary in English, from the translation beside the summit file (summit-….en.yaml), in the same form; empty where the speaker has none."),
            ColumnInfo("points", .integer, unit: "points", zh: "列點數", en: "Points", "How many numbered points (list items) the summary has."),
            topTheme(1, of: "the speaker's summary"), topTheme(2, of: "the speaker's summary"), topTheme(3, of: "the speaker's summary"),
        ].map { ($0.id, $0) }),
        "places": Dictionary(uniqueKeysWithValues: [
            ColumnInfo("kind", .id, zh: "類型", en: "Kind", "city, region or representative-office (Data/places.yaml)."),
            ColumnInfo("speakers", .integer, unit: "speakers", zh: "講者人數", en: "Speakers", "How many speakers the place had."),
            ColumnInfo("speaker_names", .text, zh: "講者", en: "Speaker names", "The speakers' honorifics and names, separated by '; '."),
            ColumnInfo("roles", .text, zh: "職稱", en: "Titles", "The speakers' titles, in the same order, separated by '; '."),
            ColumnInfo("matches", .integer, unit: "keyword hits", zh: "關鍵字次數", en: "Matches",
                       "All theme keyword matches in the place's summaries (the sum of its heatmap row)."),
            topTheme(1, of: "the place's summaries"), topTheme(2, of: "the place's summaries"), topTheme(3, of: "the place's summaries"),
            ColumnInfo("similar_1", .id, unit: "place id", zh: "相似城市 1", en: "Most similar place",
                       "The place_slug of the place whose theme profile is most like this one's; empty for a place with no matches."),
            ColumnInfo("similar_1_score", .number, unit: "0–1", zh: "相似度 1", en: "Similarity 1",
                       "Cosine similarity of the two places' vectors of theme shares, 0 (nothing alike) to 1 (the same profile), 3 decimals."),
            ColumnInfo("similar_2", .id, unit: "place id", zh: "相似城市 2", en: "Second most similar place", "As similar_1, the runner-up."),
            ColumnInfo("similar_2_score", .number, unit: "0–1", zh: "相似度 2", en: "Similarity 2", "As similar_1_score, for similar_2."),
            ColumnInfo("key_figures", .text, zh: "關鍵數字", en: "Key figures",
                       "Two or three figures quoted from the place's summaries, as written, separated by '; ' (all figures: the figures sheet)."),
        ].map { ($0.id, $0) }),
        "themes": Dictionary(uniqueKeysWithValues: [
            ColumnInfo("theme_id", .id, zh: "主題代碼", en: "Theme id", "The theme's stable id (Data/themes.yaml); a heatmap column has this name."),
            ColumnInfo("theme_zh", .text, zh: "主題", en: "Theme (Chinese)", "The theme's Chinese label."),
            ColumnInfo("theme_en", .text, zh: "主題（英文）", en: "Theme (English)", "The theme's English label."),
            ColumnInfo("matches", .integer, unit: "keyword hits", zh: "次數", en: "Matches",
                       "How often the theme's keywords occur in the speaker's summary; overlapping keywords count once (the longest)."),
            ColumnInfo("share", .share, unit: "0–1", zh: "占比", en: "Share",
                       "The theme's matches over all of the speaker's matches, 0–1 (shown as a percentage), so long and short summaries compare; 0 when the speaker matched no theme."),
            ColumnInfo("keywords", .text, zh: "關鍵字", en: "Keywords", "Each keyword found, with how often: 'keyword (count)', separated by '; '."),
            ColumnInfo("evidence", .longText, zh: "依據", en: "Evidence", "The sentences or list items the matches stand in, one per line."),
        ].map { ($0.id, $0) }),
        "figures": Dictionary(uniqueKeysWithValues: [
            ColumnInfo("value", .number, zh: "數值", en: "Value",
                       "The figure's value as a number in its unit (8% is 8, 兩億英鎊 is 200000000); negative figures keep their sign."),
            ColumnInfo("unit", .text, zh: "單位", en: "Unit",
                       "%, an ISO 4217 currency code for money, the measure word for counts (所, 個), the unit as written for sizes and durations, 名 for ranks, 年 for years; empty for a bare number."),
            ColumnInfo("kind", .id, zh: "種類", en: "Kind", "percent, money, count, size, duration, rank, year or number."),
            ColumnInfo("text", .text, zh: "原文", en: "As written",
                       "The figure exactly as written in the summary (8%, 兩億英鎊, 2 萬 4 千盞): text, never retyped."),
            ColumnInfo("clause", .longText, zh: "句子", en: "Clause", "The clause the figure stands in."),
        ].map { ($0.id, $0) }),
    ]
}
