import Foundation
import ReportLayout
import ReportStyle
import SummitAnalysis
import SummitModel

/// A page (or more) per speaker: who they are, their summary with its numbered points,
/// the themes found in it with the sentences that show them, key figures and the most
/// similar places.
struct SpeakerPages {
    let context: BriefContext

    static let anchor = "speakers"
    /// Themes quoted with a sentence of evidence; the others are listed with their keywords
    /// (the summary is printed just above, so quoting every theme would mostly repeat it).
    static let quotedThemes = 3

    func section(furniture: PageFurniture) -> Section {
        let type = context.type, language = context.language
        var blocks: [Block] = [.anchor(Self.anchor), .heading(context.paragraph(language.speakers, type.h1, type.h1Paragraph))]
        for (index, speaker) in context.speakers.enumerated() {
            if index > 0 { blocks.append(.pageBreak) }
            blocks.append(.group(Group(.section, speakerBlocks(speaker, index: index))))
        }
        return Section(blocks: blocks, pageFurniture: furniture)
    }

    private func speakerBlocks(_ speaker: Speaker, index: Int) -> [Block] {
        let type = context.type, language = context.language, sheet = context.sheet
        guard let place = context.place(speaker.placeSlug) else { return [] }
        let result = context.analysis(of: speaker)
        var blocks: [Block] = [.anchor(context.anchor(of: speaker))]

        // Heading panel: place and country, role and name, position in the brief.
        let country = [language.countryName(place), language.kind(place.kind)].filter { !$0.isEmpty }.joined(separator: language.separator)
        var title = [context.name(language.placeName(place), type.h2)]
        // The country line wraps whole, after the em space, rather than inside itself.
        if !country.isEmpty {
            title.append(TextSpan("\u{2003}" + country.replacingOccurrences(of: " ", with: "\u{00A0}"), type.text(sheet.sizes.body, color: sheet.colors.muted)))
        }
        var who = [TextSpan(language.role(speaker), type.text(sheet.sizes.h3, color: sheet.colors.muted))]
        if !speaker.name.isEmpty {
            who += [TextSpan("\u{2002}", type.text(sheet.sizes.h3)), context.name(speaker.displayName, type.text(sheet.sizes.h3, bold: true))]
        }
        let top = (result?.topThemes ?? []).map(context.themeName).joined(separator: language.pick("、", ", "))
        var line = language.speakerOf(index + 1, context.speakers.count) + (top.isEmpty ? "" : language.separator + language.label("主要主題", "top themes") + language.pick("：", ": ") + top)
        if context.isArchive, let summit = context.summit(of: speaker)?.summit {
            line = context.summitName(summit) + language.separator + language.date(summit.date) + language.separator + line
        }
        blocks.append(.box(Box(blocks: [
            .heading(Paragraph(RichText(title), ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.h2)),
                               role: .heading(2))),
            .heading(Paragraph(RichText(who), ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.h3),
                                                             spaceBefore: sheet.sizes.h3 * 0.35), role: .heading(3))),
            .heading(context.paragraph(line, type.smallMuted, ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.small),
                                                                             spaceBefore: sheet.sizes.small * 0.5)).reading(as: .paragraph)),
        ] + historyLink(place), fill: sheet.colors.panel, accent: sheet.colors.accent, padding: sheet.sizes.body * 0.9, spaceAfter: sheet.sizes.body * 0.4)))

        blocks += summaryPart(speaker, index: index)
        // The analysis in three forms: when the full one would spill a few lines onto a page of
        // their own, the shorter ones run the short sections into their headings, then quote
        // one theme fewer. Each part is built once and shared by the forms that use it.
        let themes = themeBlocks(result, translated: context.translatedAnalysis(of: speaker), quoting: [Self.quotedThemes, Self.quotedThemes - 1])
        let figures = result?.figures ?? []
        let translatedFigures = context.translatedAnalysis(of: speaker)?.figures ?? []
        let figureTable = figureBlocks(figures, translated: translatedFigures, runIn: false)
        let figureLine = figures.isEmpty ? figureBlocks(figures, translated: [], runIn: true) : figureTable
        let similar = similarBlocks(place, of: speaker)
        blocks.append(.condensable(Condensable([
            themes[0] + figureTable + similar.full,
            themes[0] + figureLine + similar.runIn,
            themes[1] + figureLine + similar.runIn,
        ])))
        return blocks + originalPart(speaker)
    }

    /// Over several summits, a place that spoke at more than one links to its page over the summits.
    private func historyLink(_ place: Place) -> [Block] {
        let type = context.type, sheet = context.sheet, language = context.language
        guard context.isArchive, context.hasHistory(place) else { return [] }
        let text = language.pick("→ \(language.history)：", "→ \(language.history): ") + SummitHistoryPages.entryTitle(place, context: context)
        return [.paragraph(Paragraph(RichText([TextSpan(text, type.text(sheet.sizes.small, color: sheet.colors.link), link: SummitHistoryPages.anchor(of: place))]),
                                     ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.small), spaceBefore: sheet.sizes.small * 0.3)))]
    }

    /// Type of the analysis under the summary (themes, figures, similar places): half a
    /// point above the small print, so it reads as content rather than a note.
    private var analysisSize: Double { context.sheet.sizes.small + 0.5 }

    /// A heading set into the start of its section's only line, for the compact form.
    private func runInLine(_ heading: String, _ spans: [TextSpan]) -> Block {
        let size = analysisSize
        let label = TextSpan(heading + "\u{2002}", context.type.text(size + 1, bold: true, color: context.sheet.colors.accent))
        return .paragraph(Paragraph(RichText([label] + spans), ParagraphStyle(alignment: .left, lineHeight: context.type.tightLineHeight(size),
                                                                              spaceBefore: context.sheet.sizes.body * 0.9)))
    }

    /// The summaries are in Chinese: in a brief in another language, a screen reader must
    /// switch voices for them.
    private var summaryLanguage: String? { context.language.zh ? nil : BriefLanguage.Code.zhTW.rawValue }

    /// The summary as the brief's language has it: in Chinese the original; in English the
    /// translation, or, without one, one line that says so and the original.
    private func summaryPart(_ speaker: Speaker, index: Int) -> [Block] {
        let type = context.type, sheet = context.sheet, language = context.language
        guard language.code != .zhTW else { return summaryBlocks(speaker.summary, size: sheet.sizes.body, language: nil) }
        guard let english = context.translatedSummary(of: speaker) else {
            let line = context.place(speaker.placeSlug).map { [note(language.noTranslation($0), before: type.paragraphGap)] } ?? []
            return line + summaryBlocks(speaker.summary, size: sheet.sizes.body, language: summaryLanguage)
        }
        guard !language.bilingual else { return [ParallelSummary(context: context).table(original: speaker.summary, translation: english,
                                                                                                           place: context.place(speaker.placeSlug))] }
        return summaryBlocks(english, size: sheet.sizes.body, language: nil)
    }

    /// Under a translated summary's page (below its themes and figures, which quote the
    /// translation), the original Chinese in smaller type; nothing with `--no-original`.
    /// Its label names the place: a line repeated on many pages reads as a running header.
    /// In a panel without fill, so that it stays on one page when it fits: a paragraph cut by
    /// a page break comes out of the text layer with the page furniture inside it.
    private func originalPart(_ speaker: Speaker) -> [Block] {
        let type = context.type, sheet = context.sheet
        guard !context.language.zh, context.showsOriginal, context.translatedSummary(of: speaker) != nil else { return [] }
        let label = context.place(speaker.placeSlug).map { [note(context.language.originalSummary($0), before: 0)] } ?? []
        let original = summaryBlocks(speaker.summary, size: type.smaller(sheet.sizes.body, by: 1.5), language: summaryLanguage, color: sheet.colors.muted)
        return [.box(Box(blocks: label + original, fill: nil, padding: 0, spaceBefore: sheet.sizes.body * 1.4))]
    }

    /// A one-line label in small bold type, kept with what follows.
    private func note(_ text: String, before: Double) -> Block {
        let type = context.type, sheet = context.sheet
        return .paragraph(context.paragraph(text, type.text(sheet.sizes.small, bold: true, color: sheet.colors.muted),
                                            ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.small),
                                                           spaceBefore: before, keepWithNext: true)))
    }

    /// Paragraphs and numbered lists of a summary, in body type or (for the original below
    /// a translation) smaller.
    private func summaryBlocks(_ summary: Summary, size: Double, language: String?, color: Color? = nil) -> [Block] {
        let type = context.type, sheet = context.sheet
        let body = size == sheet.sizes.body && color == nil ? type.body : type.text(size, color: color)
        var paragraphStyle = type.bodyParagraph
        if size != sheet.sizes.body {
            paragraphStyle.lineHeight = type.lineHeight(size)
            paragraphStyle.spaceBefore = type.paragraphGap * size / sheet.sizes.body
        }
        return summary.blocks.map { block -> Block in
            switch block {
            case let .paragraph(text):
                return .paragraph(context.paragraph(text, body, paragraphStyle, language: language))
            case let .list(list):
                let items = list.items.map { item -> ListBlock.Item in
                    var style = paragraphStyle
                    style.spaceBefore = paragraphStyle.spaceBefore * 0.5
                    return ListBlock.Item(marker: list.marker(for: item),
                                          paragraphs: [context.paragraph(item.text, body, style, language: language)])
                }
                return .list(ListBlock(items: items, markerStyle: type.text(size, bold: true, color: sheet.colors.accent),
                                       markerWidth: size * sheet.proportions.listMarkerColumn,
                                       gap: size * sheet.proportions.listMarkerGap))
            }
        }
    }

    /// The themes part, once for each number of themes to quote (the rest are listed). With
    /// `translated` (the bilingual brief), each Chinese quote is followed by the English one
    /// for the same theme, where the translation's English keywords find it.
    private func themeBlocks(_ result: SpeakerAnalysis?, translated: SpeakerAnalysis?, quoting counts: [Int]) -> [[Block]] {
        let type = context.type, language = context.language, sheet = context.sheet
        let heading = Block.heading(context.paragraph(language.themesAndEvidence, type.h3, type.h3Paragraph).reading(as: .heading(3)))
        let matched = (result?.themes ?? []).enumerated().filter { $0.element.matches > 0 }
            .sorted { $0.element.matches != $1.element.matches ? $0.element.matches > $1.element.matches : $0.offset < $1.offset }
            .map(\.element)
        guard !matched.isEmpty else {
            let none = [heading, .paragraph(context.paragraph(language.noThemes, type.smallMuted, type.cell(sheet.sizes.small)))]
            return counts.map { _ in none }
        }
        let size = analysisSize
        // About one line of the small type: a Chinese character is one em wide.
        let quoteLength = max(20, Int((sheet.contentWidth - size * 1.2) / sheet.sizes.small) - 8)
        func keywords(_ score: ThemeScore) -> String {
            score.keywords.map { $0.count > 1 ? "\($0.keyword) ×\($0.count)" : $0.keyword }.joined(separator: language.pick("、", ", "))
        }
        var quotes: [[Block]] = []
        for score in matched.prefix(counts.max() ?? 0) {
            var blocks: [Block] = []
            blocks.append(.paragraph(Paragraph(RichText([
                TextSpan(context.themeName(score.themeID), type.text(size, bold: true)),
                TextSpan("\u{2002}" + language.matches(score.matches, share: score.share), type.text(size, color: sheet.colors.muted)),
                TextSpan("\u{2003}" + keywords(score), type.text(size, color: sheet.colors.muted)),
            ]), ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(size), spaceBefore: size * 0.45, keepWithNext: true))))
            let quoteStyle = ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.small), indent: size * 1.2)
            if let evidence = score.evidence.first {
                // A Latin letter is about half an em: a translated sentence takes twice the letters.
                let latin = !evidence.text.unicodeScalars.contains(where: CJKText.isCJK)
                let quote = Self.excerpt(evidence.text, around: evidence.keywords.first ?? "", length: latin ? quoteLength * 2 : quoteLength)
                let prefix = evidence.marker.map { language.pick("第 \($0.trimmingCharacters(in: ["."]))點　", "item \($0) ") } ?? ""
                blocks.append(.paragraph(context.paragraph(prefix + language.pick("「\(quote)」", "“\(quote)”"), type.smallMuted, quoteStyle)))
            }
            if let evidence = translated?.themes.first(where: { $0.themeID == score.themeID })?.evidence.first {
                let quote = Self.excerpt(evidence.text, around: evidence.keywords.first ?? "", length: quoteLength * 2)
                let prefix = evidence.marker.map { "item \($0) " } ?? ""
                blocks.append(.paragraph(context.paragraph(prefix + "“\(quote)”", type.smallMuted, quoteStyle, language: BriefLanguage.Code.en.rawValue)))
            }
            quotes.append(blocks)
        }
        return counts.map { quoted in
            var blocks = [heading] + quotes.prefix(quoted).flatMap { $0 }
            let others = matched.dropFirst(quoted)
            if !others.isEmpty {
                var spans = [TextSpan(language.otherThemes, type.text(size, bold: true))]
                for (index, score) in others.enumerated() {
                    spans.append(TextSpan((index == 0 ? "\u{2002}" : language.pick("；", "; ")) + context.themeName(score.themeID), type.text(size)))
                    spans.append(TextSpan(" \(score.matches)" + language.pick("（\(keywords(score))）", " (\(keywords(score)))"),
                                          type.text(size, color: sheet.colors.muted)))
                }
                blocks.append(.paragraph(Paragraph(RichText(spans), ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(size),
                                                                                   spaceBefore: size * 0.45))))
            }
            return blocks
        }
    }

    /// A window of the sentence around the keyword, cut with ellipses, so that a quote
    /// stays one or two lines long.
    static func excerpt(_ text: String, around keyword: String, length: Int) -> String {
        let characters = Array(text)
        guard characters.count > length else { return text }
        // Where the keyword is, ignoring ASCII case (keywords like `IoT` match `IOT`); a
        // plain search over characters: Foundation's `range(of:)` costs ten times more.
        func folded(_ character: Character) -> Character {
            guard let ascii = character.asciiValue, ascii >= 65, ascii <= 90 else { return character }
            return Character(Unicode.Scalar(ascii + 32))
        }
        let haystack = characters.map(folded), needle = keyword.map(folded)
        let position = needle.isEmpty || needle.count > haystack.count ? 0
            : (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) } ?? 0
        var start = max(0, position - length / 3)
        var end = min(characters.count, start + length)
        start = max(0, end - length)
        // Never cut a Latin word or number in two: move the cut to its edge.
        func isWordCharacter(_ character: Character) -> Bool { character.isASCII && (character.isLetter || character.isNumber) }
        while start > 0, start < end, isWordCharacter(characters[start]), isWordCharacter(characters[start - 1]) { start += 1 }
        while end < characters.count, end > start, isWordCharacter(characters[end]), isWordCharacter(characters[end - 1]) { end -= 1 }
        return (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
    }

    /// The key figures in two columns, a bullet per clause. With `translated` (the bilingual
    /// brief), the English clause that holds the same number follows the Chinese one.
    private func figureBlocks(_ figures: [KeyFigure], translated: [KeyFigure], runIn: Bool) -> [Block] {
        let type = context.type, language = context.language, sheet = context.sheet
        if figures.isEmpty, runIn {
            return [runInLine(language.keyFigures, [TextSpan(language.noFigures, type.text(analysisSize, color: sheet.colors.muted))])]
        }
        var blocks: [Block] = [.heading(context.paragraph(language.keyFigures, type.h3, type.h3Paragraph).reading(as: .heading(3)))]
        guard !figures.isEmpty else {
            return blocks + [.paragraph(context.paragraph(language.noFigures, type.smallMuted, type.cell(sheet.sizes.small)))]
        }
        let size = analysisSize
        // One entry per clause, however many figures it holds.
        var clauses: [(clause: String, figures: [KeyFigure])] = []
        for figure in figures {
            if let last = clauses.last, last.clause == figure.clause {
                clauses[clauses.count - 1].figures.append(figure)
            } else {
                clauses.append((figure.clause, [figure]))
            }
        }
        // Two columns: figures are short, and a list of eight would take half a page.
        var unmatched = translated
        let bullet = "•\u{2002}"
        let cells = clauses.map { entry -> TableCell in
            var paragraphs = [Paragraph(RichText([TextSpan(bullet, type.text(size, color: sheet.colors.accent))])
                                            + context.figureText(clause: entry.clause, figures: entry.figures, base: type.text(size),
                                                                 bold: type.text(size, bold: true)),
                                        ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(size)))]
            // The translation's figure of the same value and kind (each used once), with its clause's other figures.
            if let match = unmatched.firstIndex(where: { english in entry.figures.contains { $0.value == english.value && $0.kind == english.kind } }) {
                let clause = unmatched[match].clause
                let english = unmatched.filter { $0.clause == clause }
                unmatched.removeAll { $0.clause == clause }
                let small = type.smaller(size)
                paragraphs.append(Paragraph(context.figureText(clause: clause, figures: english, base: type.text(small, color: sheet.colors.muted),
                                                               bold: type.text(small, bold: true, color: sheet.colors.muted)),
                                            ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(small), indent: size * 0.9),
                                            language: BriefLanguage.Code.en.rawValue))
            }
            return TableCell(paragraphs: paragraphs)
        }
        let rows = stride(from: 0, to: cells.count, by: 2).map { start in
            TableRow(cells: Array(cells[start..<min(start + 2, cells.count)]))
        }
        blocks.append(.table(Table(columns: [.flexible(1), .flexible(1)], header: [], rows: rows,
                                   style: TableStyle(paddingX: 0, paddingY: size * 0.15, rowRule: nil, ruleWidth: 0, headerRule: nil),
                                   structure: .layout)))
        return blocks
    }

    /// The most similar places under a heading, and run into it for the compact forms.
    private func similarBlocks(_ place: Place, of speaker: Speaker) -> (full: [Block], runIn: [Block]) {
        let type = context.type, language = context.language, sheet = context.sheet
        // Similar within the summit the speaker spoke at.
        let similar = context.summit(of: speaker)?.analysis.place(place.slug)?.similar ?? []
        guard !similar.isEmpty else { return ([], []) }
        let size = analysisSize
        var spans: [TextSpan] = []
        for (index, entry) in similar.enumerated() {
            guard let other = context.place(entry.slug) else { continue }
            if index > 0 { spans.append(TextSpan("\u{2003}", type.text(size))) }
            let country = language.countryName(other)
            let name = language.placeName(other) + (country.isEmpty ? "" : language.pick("（\(country)）", " (\(country))"))
            // A line may end between two places, never inside one; each goes to its place's first page.
            spans.append(TextSpan(name, type.text(size), link: context.anchor(of: other), unbreakable: true))
            spans.append(TextSpan("\u{00A0}" + String(format: "%.2f", entry.score), type.text(size, color: sheet.colors.muted)))
        }
        return ([
            .heading(context.paragraph(language.similarPlaces, type.h3, type.h3Paragraph).reading(as: .heading(3))),
            .paragraph(Paragraph(RichText(spans), ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(size)))),
        ], [runInLine(language.similarPlaces, spans)])
    }
}
