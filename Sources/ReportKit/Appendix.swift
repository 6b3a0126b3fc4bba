import ReportLayout

/// How the scores are made and the whole theme taxonomy, so a reader can check any number.
struct Appendix {
    let context: BriefContext

    static let anchor = "appendix"

    func section(furniture: PageFurniture) -> Section {
        let type = context.type, language = context.language, sheet = context.sheet
        var blocks: [Block] = [.anchor(Self.anchor), .heading(context.paragraph(language.appendix, type.h1, type.h1Paragraph))]
        for (index, text) in language.scoringParagraphs.enumerated() {
            var style = type.bodyParagraph
            if index == 0 { style.spaceBefore = 0 }
            blocks.append(.paragraph(context.paragraph(text.text, type.body, style, language: text.language)))
        }
        let size = sheet.sizes.table
        func header(_ text: String) -> TableCell {
            TableCell(paragraphs: [context.paragraph(text, type.tableHeader, type.cell(size))], fill: sheet.colors.accent)
        }
        let rows = context.analysis.themes.enumerated().map { index, theme in
            TableRow(cells: [
                TableCell(paragraphs: [context.paragraph(language.zh ? theme.zh : theme.en, type.tableBold, type.cell(size)),
                                       context.paragraph(language.zh ? theme.en : theme.zh, type.tableMuted, type.cell(type.smaller(size))),
                                       context.paragraph(theme.id, type.tableMuted, type.cell(type.smaller(size)))]),
                TableCell(paragraphs: [context.paragraph(theme.keywords.joined(separator: language.pick("、", ", ")), type.table, type.cell(size))]),
            ], fill: index % 2 == 1 ? sheet.colors.zebra : nil)
        }
        blocks.append(.table(Table(columns: [.flexible(1), .flexible(2.6)],
                                   header: [TableRow(cells: [header(language.themeLabelColumn), header(language.keywordsColumn)])],
                                   rows: rows, style: type.tableStyle, spaceBefore: sheet.sizes.body, keepWithNext: true, balancesColumns: true)))
        let source = language.sentences("資料來源：\(context.summit.source)（\(context.summit.heading)）；主題分類：\(context.analysis.themes.count) 類。產製日期：\(context.generated)。",
                                   "Source: \(context.summit.source) (\(context.summit.heading)); \(context.analysis.themes.count) themes. Generated \(context.generated).")
        blocks += context.paragraphs(source, type.smallMuted, ParagraphStyle(
            alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.small), spaceBefore: sheet.sizes.body), gap: sheet.sizes.small * 0.3)
        return Section(blocks: blocks, pageFurniture: furniture)
    }
}
