import SummitAnalysis
import SummitModel

/// The brief's own words in Traditional Chinese or English. Labels, headings, theme and
/// place names follow the language; the summaries are the originals, or in English the
/// translation where one exists (`SummitTranslation`).
public struct BriefLanguage: Sendable {
    public enum Code: String, Sendable, CaseIterable {
        case zhTW = "zh-TW"
        case en
    }

    public let code: Code
    public let roles: RoleVocabulary

    public init(_ code: Code, roles: RoleVocabulary) {
        self.code = code
        self.roles = roles
    }

    var zh: Bool { code == .zhTW }

    func pick(_ chinese: String, _ english: String) -> String { zh ? chinese : english }

    /// Between two short facts: `臺灣・城市`, `Taiwan · city`.
    var separator: String { pick("・", " · ") }

    var briefTitle: String { pick("城市比較簡報", "City comparison brief") }
    var contents: String { pick("目錄", "Contents") }
    var comparison: String { pick("城市比較表", "Cross-city comparison") }
    var heatmap: String { pick("主題熱度圖", "Theme heatmap") }
    var speakers: String { pick("講者摘要", "Speakers") }
    var appendix: String { pick("附錄：主題分類與計分方式", "Appendix: themes and scoring") }
    var themesAndEvidence: String { pick("主題與依據", "Themes and evidence") }
    var keyFigures: String { pick("關鍵數字", "Key figures") }
    var otherThemes: String { pick("其他主題", "Other themes") }
    var similarPlaces: String { pick("相似城市", "Most similar places") }
    var noFigures: String { pick("摘要中沒有可引用的數字。", "The summary quotes no figures.") }
    /// The labels above a summary start with its place (`Taipei: …`), and the original's
    /// stays one short line: the same line on many pages reads as a running header.
    func noTranslation(_ place: String) -> String {
        pick("\(place)：摘要沒有譯文，以下為原文。", "\(place): no English translation of this summary exists; the original follows.")
    }
    func originalSummary(_ place: String) -> String { pick("\(place)：原文", "\(place): the original (Chinese)") }
    var noThemes: String { pick("摘要中沒有符合主題分類的關鍵字。", "No theme keyword occurs in this summary.") }
    var placeColumn: String { pick("城市／機構", "Place") }
    var speakerColumn: String { pick("講者", "Speakers") }
    var themeColumn: String { pick("主要主題", "Top themes") }
    var figureColumn: String { pick("關鍵數字", "Key figures") }
    var keywordsColumn: String { pick("關鍵字", "Keywords") }
    var themeLabelColumn: String { pick("主題", "Theme") }
    var footerFormat: String { pick("第 {page} 頁，共 {pages} 頁", "Page {page} of {pages}") }
    var legend: String { pick("色階（關鍵字出現次數）：", "Scale (keyword matches):") }
    var comparisonIntro: String {
        pick("每列為一個城市或機構。主要主題依摘要中主題關鍵字出現的次數排序，數字為次數；關鍵數字摘自講者摘要。",
             "One row per place. Top themes are ranked by how often their keywords occur in the summaries (the number is the count); key figures are quoted from the summaries.")
    }
    var heatmapIntro: String {
        pick("每格為該城市或機構所有講者摘要中，該主題關鍵字出現的次數；點選格子可前往講者摘要。",
             "Each cell counts the theme's keywords in all summaries of the place; click a cell to go to the speaker's page.")
    }
    var comparisonIntroArchive: String {
        pick("每列為一個城市或機構在一屆高峰會的發言，依城市排列、由舊到新；主要主題依該屆摘要中主題關鍵字出現的次數排序，數字為次數；關鍵數字摘自講者摘要。",
             "One row per place and summit it spoke at, oldest first. Top themes are ranked by how often their keywords occur in that summit's summaries (the number is the count); key figures are quoted from the summaries.")
    }
    var heatmapIntroArchive: String {
        pick("每列為一個城市或機構在一屆高峰會（年份標於名稱後），每格為該屆摘要中該主題關鍵字出現的次數；點選格子可前往講者摘要。",
             "One row per place and summit (the year follows the name); each cell counts the theme's keywords in that summit's summaries; click a cell to go to the speaker's page.")
    }

    // Over the summits
    var history: String { pick("歷屆比較", "Over the summits") }
    var historyIntro: String {
        pick("曾在兩屆以上高峰會發言的城市與機構：各屆講者、主題分布與關鍵數字並列，並標出新出現與不再提及的主題。",
             "Places that spoke at more than one summit: who spoke when, their theme profile per summit side by side, themes that appeared or disappeared, and key figures by year.")
    }
    var whoSpokeWhen: String { pick("各屆講者與關鍵數字", "Who spoke when, and their key figures") }
    var themeProfile: String { pick("各屆主題分布", "Theme profile per summit") }
    var themeChanges: String { pick("主題變化", "Themes that came and went") }
    var summitColumn: String { pick("高峰會", "Summit") }
    var changeColumn: String { pick("變化", "Change") }
    var appeared: String { pick("新出現", "new") }
    var returned: String { pick("再度提及", "back") }
    var disappeared: String { pick("不再提及", "gone") }
    var spokeAt: String { pick("發言屆次", "Spoke at") }
    var noChanges: String { pick("各屆提及的主題相同。", "The same themes each time.") }
    var historyCounts: String {
        pick("數字為該屆摘要中主題關鍵字出現的次數，底色愈深次數愈多；只列出至少一屆提及的主題。",
             "Numbers count the theme's keywords in that summit's summaries; darker fills mean more. Only themes mentioned at least once are listed.")
    }
    func appearedThemes(since: String) -> String { pick("相較 \(since) 新出現：", "New since \(since): ") }
    func disappearedThemes(since: String) -> String { pick("\(since) 提及、其後不再提及：", "Mentioned in \(since), not since: ") }
    func summitsCount(_ count: Int) -> String { zh ? "\(count) 屆" : "\(count) summits" }

    var keywordsLabel: String { pick("關鍵字", "keywords") }
    var matchesUnit: String { pick("次", "×") }
    var generated: String { pick("產製日期", "Generated") }
    var source: String { pick("資料來源", "Source") }
    var summitDate: String { pick("會議日期", "Summit date") }
    var summitDates: String { pick("歷屆會議", "Summits") }
    var selection: String { pick("收錄範圍", "Places") }

    func placesAndSpeakers(places: Int, speakers: Int, all: Bool) -> String {
        zh ? "\(all ? "全部 " : "")\(places) 個城市與機構，\(speakers) 位講者"
            : "\(all ? "All " : "")\(places) place\(places == 1 ? "" : "s"), \(speakers) speaker\(speakers == 1 ? "" : "s")"
    }

    func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return iso }
        if zh { return "\(parts[0]) 年 \(parts[1]) 月 \(parts[2]) 日" }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(parts[2]) \(months[max(0, min(11, parts[1] - 1))]) \(parts[0])"
    }

    func placeName(_ place: Place) -> String { zh ? place.zh : place.en }
    func countryName(_ place: Place) -> String { zh ? place.country.zh : place.country.en }
    func role(_ speaker: Speaker) -> String { zh ? speaker.role : roles.english(speaker.role) }
    func themeName(_ theme: Theme) -> String { zh ? theme.zh : theme.en }

    func kind(_ kind: Place.Kind) -> String {
        switch kind {
        case .city: return pick("城市", "city")
        case .region: return pick("區域", "region")
        case .representativeOffice: return pick("駐台代表機構", "representative office")
        }
    }

    func matches(_ count: Int, share: Double) -> String {
        let percent = Int((share * 100).rounded())
        return zh ? "\(count) 次・\(percent)%" : "\(count) match\(count == 1 ? "" : "es") · \(percent)%"
    }

    func speakerOf(_ index: Int, _ total: Int) -> String { zh ? "講者 \(index)／\(total)" : "Speaker \(index) of \(total)" }

    var scoringExplanation: [String] {
        zh ? [
            "每位講者的摘要逐字比對下表的主題關鍵字：中文關鍵字直接比對，英文關鍵字不分大小寫、只比對完整單字（AI 不會在 SAÏB 中被找到）。關鍵字重疊時取最長者，只計一次（「大數據」算一次，不另計「數據」）。",
            "主題分數為關鍵字出現次數；占比為該主題次數除以該講者所有主題次數，讓長短不同的摘要可以相比。城市或機構的分數為其所有講者之和。相似城市以各地主題占比向量的餘弦相似度計算。",
            "依據為每次比對所在的句子或列點。關鍵數字為摘要中附單位的數字：百分比、金額、數量、尺寸、期間、排名與年份；列點編號與「1+7」之類的代號不計。",
        ] : [
            "Each summary is matched against the theme keywords below: Chinese keywords as written, English keywords case-insensitively and as whole words only (AI is not found inside SAÏB). Where keywords overlap the longest wins and is counted once (大數據 counts once, not also 數據).",
            "A theme's score is its number of matches; its share is that number over all of the speaker's matches, so that long and short summaries compare. A place's score is the sum over its speakers. Similar places are those whose vectors of theme shares have the highest cosine similarity.",
            "The evidence is the sentence or list item each match stands in. Key figures are numbers with a unit: percentages, money, counts, sizes, durations, ranks and years; list numbers and codes such as 1+7 are not figures.",
        ]
    }
}
