import SummitModel

/// Finds key figures in running text: Arabic, Chinese and mixed numerals (`兩億`,
/// `2 萬 4 千`, `1.5 萬`) with the unit after them.
///
/// What is left out on purpose: list numbers (`1.`), parts of codes and sums (`1+7`, `5+1`,
/// `5G`, `COVID-19`, `3/23`), Chinese numerals without a 十/百/千/萬/億 (`五個`, `第一`,
/// which are words rather than data) and small bare numbers (`4.0`).
public struct FigureExtractor: Sendable {
    public init() {}

    static let currencies: [(String, String)] = [
        ("新台幣", "TWD"), ("新臺幣", "TWD"), ("台幣", "TWD"), ("臺幣", "TWD"), ("新加坡幣", "SGD"), ("美元", "USD"), ("美金", "USD"),
        ("英鎊", "GBP"), ("歐元", "EUR"), ("日圓", "JPY"), ("日元", "JPY"), ("日幣", "JPY"), ("韓元", "KRW"), ("韓圜", "KRW"),
        ("人民幣", "CNY"), ("港幣", "HKD"), ("港元", "HKD"), ("澳幣", "AUD"), ("新幣", "SGD"), ("盧比", "INR"), ("元", "TWD"),
        ("USD", "USD"), ("GBP", "GBP"), ("EUR", "EUR"), ("TWD", "TWD"), ("NTD", "TWD"),
    ]
    static let currencyPrefixes: [(String, String)] = [("NT$", "TWD"), ("US$", "USD"), ("$", "USD"), ("£", "GBP"), ("€", "EUR"), ("¥", "JPY")]
    static let durations = ["個月", "小時", "分鐘", "週", "天", "秒", "年"]
    static let sizes = ["平方公里", "平方公尺", "英吋", "公分", "公尺", "公里", "公頃", "公噸", "吋", "坪", "噸", "瓩", "度"]
    static let measureWords = ["人次", "所", "個", "家", "位", "名", "座", "項", "台", "臺", "輛", "件", "次", "人", "戶", "盞", "條", "間",
                               "棟", "張", "套", "支", "場", "處", "種", "組", "份", "筆", "站", "國", "架", "艘", "床", "棵", "隊", "部", "顆"]
    static let clauseBreaks: Set<Unicode.Scalar> = ["，", "。", "；", "：", "！", "？", "!", "?", ";", "\n"]

    public func figures(in text: String) -> [KeyFigure] {
        let s = Array(text.unicodeScalars)
        var result: [KeyFigure] = []
        var index = 0
        while index < s.count {
            guard Self.startsNumber(s[index]), let parsed = parseNumber(s, at: index) else {
                index += 1
                continue
            }
            if let figure = classify(s, parsed) { result.append(figure) }
            index = max(parsed.end, index + 1)
        }
        return result
    }

    // MARK: - Units

    private func matchWord(_ s: [Unicode.Scalar], at index: Int, _ words: [String]) -> String? {
        words.first { word in
            let count = word.unicodeScalars.count
            return index + count <= s.count && s[index..<index + count].elementsEqual(word.unicodeScalars)
        }
    }

    private func classify(_ s: [Unicode.Scalar], _ number: ParsedNumber) -> KeyFigure? {
        var unitStart = number.end
        if unitStart < s.count, s[unitStart] == " " { unitStart += 1 }
        var textStart = number.start
        var kind: KeyFigure.Kind?
        var unit = ""
        var unitEnd = number.end

        // Currency written before the number: NT$ 5,000, £2.
        for (prefix, code) in Self.currencyPrefixes {
            let scalars = Array(prefix.unicodeScalars)
            var begin = number.start - scalars.count
            if begin > 0, s[number.start - 1] == " " { begin -= 1 }
            if begin >= 0, Array(s[begin..<begin + scalars.count]) == scalars {
                kind = .money
                unit = code
                textStart = begin
                break
            }
        }
        var value = number.value
        // `-US$ 3 million`, `−£2`: a sign before the currency belongs to the amount.
        if kind == .money, textStart < number.start, value > 0, Self.isSign(s, at: textStart - 1) {
            value = -value
            textStart -= 1
        }
        // `3 million`, `2 billion`: scale, then look for the unit after the word.
        if unitStart < s.count, let word = matchWord(s, at: unitStart, ["million", "billion"]) {
            value *= word == "million" ? 1_000_000 : 1_000_000_000
            unitEnd = unitStart + word.unicodeScalars.count
            unitStart = unitEnd
            if unitStart < s.count, s[unitStart] == " " { unitStart += 1 }
            if kind == nil { kind = .number }
        }
        if kind == nil || kind == .number, unitStart < s.count {
            if s[unitStart] == "%" || s[unitStart] == "％" {
                kind = .percent; unit = "%"; unitEnd = unitStart + 1
            } else if let currency = Self.currencies.first(where: { matchWord(s, at: unitStart, [$0.0]) != nil }) {
                kind = .money; unit = currency.1; unitEnd = unitStart + currency.0.unicodeScalars.count
            } else if let year = number.plainInteger, (1900...2100).contains(year),
                      matchWord(s, at: unitStart, ["年"]) != nil || matchWord(s, at: unitStart, ["的"]) != nil {
                kind = .year
                unit = "年"
                unitEnd = matchWord(s, at: unitStart, ["年"]) != nil ? unitStart + 1 : number.end
            } else if let word = matchWord(s, at: unitStart, Self.durations) {
                kind = .duration; unit = word; unitEnd = unitStart + word.unicodeScalars.count
            } else if let word = matchWord(s, at: unitStart, Self.sizes) {
                kind = .size; unit = word; unitEnd = unitStart + word.unicodeScalars.count
            } else if let word = matchWord(s, at: unitStart, Self.measureWords) {
                kind = .count; unit = word; unitEnd = unitStart + word.unicodeScalars.count
            }
        }
        if kind == .number, unit.isEmpty, abs(value) < 1_000_000 { kind = nil }
        // Ranks: `排名 8`, `排名全國第 2`, `第 3 名`.
        if kind == nil || kind == .count && unit == "名" {
            if value > 0, isRank(s, number, unitStart: unitStart) {
                kind = .rank
                unit = "名"
                if unitEnd == number.end, unitStart < s.count, s[unitStart] == "名" { unitEnd = unitStart + 1 }
                // Quote the rank with the word that makes it one: `排名 8`, `第 2`.
                var before = number.start
                if before > 0, s[before - 1] == " " { before -= 1 }
                if before >= 2, s[before - 2] == "排", s[before - 1] == "名" { textStart = before - 2 }
                else if before >= 1, s[before - 1] == "第" { textStart = before - 1 }
            }
        }
        if kind == nil {
            // A bare number: quoted only when it is large enough to be data (ESI 為 16, 592 人).
            guard number.hasArabic, abs(value) >= 10 else { return nil }
            if let year = number.plainInteger, (1900...2100).contains(year) { kind = .year; unit = "年" } else { kind = .number }
        }
        // Chinese-only numerals must come with a unit (`兩億英鎊`), never alone.
        if !number.hasArabic && (kind == .number || kind == .year) { return nil }
        guard let kind else { return nil }
        let text = String(scalars: s[textStart..<unitEnd])
        return KeyFigure(value: value, unit: unit, kind: kind, text: text, clause: clause(s, textStart..<unitEnd))
    }

    /// `排名 8`, `排名全國第 2` (排名 shortly before, in the same clause) or `第 3 名`.
    private func isRank(_ s: [Unicode.Scalar], _ number: ParsedNumber, unitStart: Int) -> Bool {
        var index = number.start - 1
        var steps = 0
        while index >= 1, steps < 8, !Self.clauseBreaks.contains(s[index]) {
            if s[index - 1] == "排", s[index] == "名" { return true }
            index -= 1
            steps += 1
        }
        var before = number.start - 1
        if before >= 0, s[before] == " " { before -= 1 }
        return before >= 0 && s[before] == "第" && unitStart < s.count && s[unitStart] == "名"
    }

    /// The clause a figure stands in: out to the nearest comma, full stop or semicolon,
    /// shortened around the figure when the clause is long.
    private func clause(_ s: [Unicode.Scalar], _ figure: Range<Int>) -> String {
        var lower = figure.lowerBound
        while lower > 0, !isClauseBreak(s, lower - 1) { lower -= 1 }
        var upper = figure.upperBound
        while upper < s.count, !isClauseBreak(s, upper) { upper += 1 }
        // A Latin clause (a translation's) takes twice the letters, and is cut between words.
        let latin = !s[lower..<upper].contains(where: CJKText.isCJK)
        let limit = latin ? 48 : 24
        var prefix = "", suffix = ""
        if figure.lowerBound - lower > limit {
            lower = figure.lowerBound - limit
            if latin { while lower < figure.lowerBound, s[lower] != " " { lower += 1 } }
            prefix = "…"
        }
        if upper - figure.upperBound > limit {
            upper = figure.upperBound + limit
            if latin { while upper > figure.upperBound, s[upper] != " " { upper -= 1 } }
            suffix = "…"
        }
        let body = String(scalars: s[lower..<upper]).trimmingCharacters(in: " ")
        return prefix + body + suffix
    }

    private func isClauseBreak(_ s: [Unicode.Scalar], _ index: Int) -> Bool {
        let scalar = s[index]
        if Self.clauseBreaks.contains(scalar) { return true }
        // A Latin comma ends a clause, except between digits (1,000).
        if scalar == "," {
            let digitBefore = index > 0 && CJKText.isASCIIDigit(s[index - 1])
            let digitAfter = index + 1 < s.count && CJKText.isASCIIDigit(s[index + 1])
            return !(digitBefore && digitAfter)
        }
        return false
    }
}

