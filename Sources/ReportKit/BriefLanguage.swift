import SummitAnalysis
import SummitModel

/// The brief's own words in Traditional Chinese, English, or both. Labels, headings, theme
/// and place names follow the language; the summaries are the originals, or in English the
/// translation where one exists (`SummitTranslation`); the bilingual brief sets the two
/// side by side and labels everything in both.
public struct BriefLanguage: Sendable {
    public enum Code: String, Sendable, CaseIterable {
        case zhTW = "zh-TW"
        case en
        /// Chinese first, English beside it: the original leads (its analysis, its punctuation).
        case bilingual = "zh-TW+en"

        /// The BCP 47 tag of the document (`/Lang`, `dc:language`): the bilingual brief is a
        /// Chinese document whose English paragraphs carry their own tag.
        public var documentLanguage: String { self == .en ? "en" : "zh-TW" }
    }

    public let code: Code
    public let roles: RoleVocabulary
    /// English for places and roles the curated lists lack, from the translations.
    public let names: TranslatedNames

    public init(_ code: Code, roles: RoleVocabulary, names: TranslatedNames = TranslatedNames()) {
        self.code = code
        self.roles = roles
        self.names = names
    }

    /// Whether Chinese leads: its punctuation, its forms of numbers and dates, its analysis.
    var zh: Bool { code != .en }
    var bilingual: Bool { code == .bilingual }

    /// The leading language's form of punctuation and of phrases that carry data
    /// (`、` or `, `): in the bilingual brief the Chinese one.
    func pick(_ chinese: String, _ english: String) -> String { zh ? chinese : english }

    /// A label in the brief's language; in the bilingual brief both, Chinese first, after an
    /// en space (where a narrow cell breaks the line, so the English starts the next), and
    /// once when the two are the same or there is no English.
    func label(_ chinese: String, _ english: String) -> String {
        switch code {
        case .zhTW: return chinese
        case .en: return english
        case .bilingual: return english.isEmpty || english == chinese ? chinese : chinese + "\u{2002}" + english
        }
    }

    typealias Sentences = [(text: String, language: String?)]

    /// Sentences in the brief's language, each with the language tag it needs in this
    /// brief: in the bilingual brief the Chinese, then the English tagged `en`, as paragraphs
    /// of their own (a screen reader switches voices per paragraph).
    func sentences(_ chinese: String, _ english: String) -> Sentences {
        switch code {
        case .zhTW: return [(chinese, nil)]
        case .en: return [(english, nil)]
        case .bilingual: return [(chinese, nil), (english, Code.en.rawValue)]
        }
    }

    /// Between two short facts: `臺灣・城市`, `Taiwan · city`.
    var separator: String { pick("・", " · ") }

    var briefTitle: String { label("城市比較簡報", "City comparison brief") }
    var contents: String { label("目錄", "Contents") }
    var comparison: String { label("城市比較表", "Cross-city comparison") }
    var heatmap: String { label("主題熱度圖", "Theme heatmap") }
    var speakers: String { label("講者摘要", "Speakers") }
    var appendix: String { label("附錄：主題分類與計分方式", "Appendix: themes and scoring") }
    var themesAndEvidence: String { label("主題與依據", "Themes and evidence") }
    var keyFigures: String { label("關鍵數字", "Key figures") }
    var otherThemes: String { label("其他主題", "Other themes") }
    var similarPlaces: String { label("相似城市", "Most similar places") }
    var noFigures: String { label("摘要中沒有可引用的數字。", "The summary quotes no figures.") }
    /// The labels above a summary start with its place (`Taipei: …`), and the original's
    /// stays one short line: the same line on many pages reads as a running header.
    func noTranslation(_ place: Place) -> String {
        label("\(place.zh)：摘要沒有譯文，以下為原文。", "\(englishName(place).isEmpty ? place.zh : englishName(place)): no English translation of this summary exists; the original follows.")
    }
    func originalSummary(_ place: Place) -> String {
        label("\(place.zh)：原文", "\(englishName(place).isEmpty ? place.zh : englishName(place)): the original (Chinese)")
    }
    /// The bilingual summary's column heads, each in its own language, with the place.
    func originalColumn(_ place: Place?) -> String { place.map { "\($0.zh)：中文原文" } ?? "中文原文" }
    func translationColumn(_ place: Place?) -> String {
        place.map { englishName($0) }.map { $0.isEmpty ? "English translation" : "\($0): English translation" } ?? "English translation"
    }
    var noThemes: String { label("摘要中沒有符合主題分類的關鍵字。", "No theme keyword occurs in this summary.") }
    var placeColumn: String { label("城市／機構", "Place") }
    var speakerColumn: String { label("講者", "Speakers") }
    var themeColumn: String { label("主要主題", "Top themes") }
    var figureColumn: String { label("關鍵數字", "Key figures") }
    var keywordsColumn: String { label("關鍵字", "Keywords") }
    var themeLabelColumn: String { label("主題", "Theme") }
    var footerFormat: String { label("第 {page} 頁，共 {pages} 頁", "Page {page} of {pages}") }
    var legend: String { label("色階（關鍵字出現次數）：", "Scale (keyword matches):") }
    var comparisonIntro: Sentences {
        sentences("每列為一個城市或機構。主要主題依摘要中主題關鍵字出現的次數排序，數字為次數；關鍵數字摘自講者摘要。",
             "One row per place. Top themes are ranked by how often their keywords occur in the summaries (the number is the count); key figures are quoted from the summaries.")
    }
    var heatmapIntro: Sentences {
        sentences("每格為該城市或機構所有講者摘要中，該主題關鍵字出現的次數；點選格子可前往講者摘要。",
             "Each cell counts the theme's keywords in all summaries of the place; click a cell to go to the speaker's page.")
    }
    var comparisonIntroArchive: Sentences {
        sentences("每列為一個城市或機構在一屆高峰會的發言，依城市排列、由舊到新；主要主題依該屆摘要中主題關鍵字出現的次數排序，數字為次數；關鍵數字摘自講者摘要。",
             "One row per place and summit it spoke at, oldest first. Top themes are ranked by how often their keywords occur in that summit's summaries (the number is the count); key figures are quoted from the summaries.")
    }
    var heatmapIntroArchive: Sentences {
        sentences("每列為一個城市或機構在一屆高峰會（年份標於名稱後），每格為該屆摘要中該主題關鍵字出現的次數；點選格子可前往講者摘要。",
             "One row per place and summit (the year follows the name); each cell counts the theme's keywords in that summit's summaries; click a cell to go to the speaker's page.")
    }

    // Over the summits
    var history: String { label("歷屆比較", "Over the summits") }
    var historyIntro: Sentences {
        sentences("曾在兩屆以上高峰會發言的城市與機構：各屆講者、主題分布與關鍵數字並列，並標出新出現與不再提及的主題。",
             "Places that spoke at more than one summit: who spoke when, their theme profile per summit side by side, themes that appeared or disappeared, and key figures by year.")
    }
    var whoSpokeWhen: String { label("各屆講者與關鍵數字", "Who spoke when, and their key figures") }
    var themeProfile: String { label("各屆主題分布", "Theme profile per summit") }
    var themeChanges: String { label("主題變化", "Themes that came and went") }
    var summitColumn: String { label("高峰會", "Summit") }
    var changeColumn: String { label("變化", "Change") }
    var appeared: String { label("新出現", "new") }
    var returned: String { label("再度提及", "back") }
    var disappeared: String { label("不再提及", "gone") }
    var spokeAt: String { label("發言屆次", "Spoke at") }
    var noChanges: String { label("各屆提及的主題相同。", "The same themes each time.") }
    var historyCounts: Sentences {
        sentences("數字為該屆摘要中主題關鍵字出現的次數，底色愈深次數愈多；只列出至少一屆提及的主題。",
             "Numbers count the theme's keywords in that summit's summaries; darker fills mean more. Only themes mentioned at least once are listed.")
    }
    func appearedThemes(since: String) -> String { label("相較 \(since) 新出現：", "New since \(since): ") }
    func disappearedThemes(since: String) -> String { label("\(since) 提及、其後不再提及：", "Mentioned in \(since), not since: ") }
    func summitsCount(_ count: Int) -> String { label("\(count) 屆", "\(count) summits") }

    var keywordsLabel: String { label("關鍵字", "keywords") }
    var matchesUnit: String { label("次", "×") }
    var generated: String { label("產製日期", "Generated") }
    var source: String { label("資料來源", "Source") }
    var summitDate: String { label("會議日期", "Summit date") }
    var summitDates: String { label("歷屆會議", "Summits") }
    var selection: String { label("收錄範圍", "Places") }

    func placesAndSpeakers(places: Int, speakers: Int, all: Bool) -> String {
        label("\(all ? "全部 " : "")\(places) 個城市與機構，\(speakers) 位講者",
              "\(all ? "All " : "")\(places) place\(places == 1 ? "" : "s"), \(speakers) speaker\(speakers == 1 ? "" : "s")")
    }

    func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return iso }
        if zh { return "\(parts[0]) 年 \(parts[1]) 月 \(parts[2]) 日" }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(parts[2]) \(months[max(0, min(11, parts[1] - 1))]) \(parts[0])"
    }

    func placeName(_ place: Place) -> String { label(place.zh, englishName(place)) }
    /// The place's English name: the curated one, or the translation's for a place the
    /// curated list lacks, or the one derived from the Chinese.
    func englishName(_ place: Place) -> String { names.places[place.slug] ?? place.en }
    func countryName(_ place: Place) -> String { label(place.country.zh, place.country.en) }
    func role(_ speaker: Speaker) -> String { label(speaker.role, names.roles[speaker.id] ?? roles.english(speaker.role)) }
    func themeName(_ theme: Theme) -> String { label(theme.zh, theme.en) }

    func kind(_ kind: Place.Kind) -> String {
        switch kind {
        case .city: return label("城市", "city")
        case .region: return label("區域", "region")
        case .representativeOffice: return label("駐台代表機構", "representative office")
        }
    }

    func matches(_ count: Int, share: Double) -> String {
        let percent = Int((share * 100).rounded())
        return zh ? "\(count) 次・\(percent)%" : "\(count) match\(count == 1 ? "" : "es") · \(percent)%"
    }

    func speakerOf(_ index: Int, _ total: Int) -> String { label("講者 \(index)／\(total)", "Speaker \(index) of \(total)") }

    /// How scores are made, as paragraphs in the brief's language (both in the bilingual brief).
    var scoringParagraphs: Sentences {
        switch code {
        case .zhTW: return scoringExplanation.map { ($0, nil) }
        case .en: return scoringExplanation.map { ($0, nil) }
        case .bilingual:
            return scoringExplanation.map { ($0, nil) } + BriefLanguage(.en, roles: roles, names: names).scoringExplanation.map { ($0, Code.en.rawValue) }
        }
    }

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
