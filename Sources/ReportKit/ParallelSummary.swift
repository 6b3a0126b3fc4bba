import ReportLayout
import SummitModel

/// The bilingual brief's summary: the original and its translation side by side, one row
/// per paragraph or numbered point, so a reader of either language finds the same passage
/// level with it (a translation has the original's blocks and points; `SummitTranslation`
/// falls back to the original where it does not).
///
/// The list number stands once, in a narrow column before both texts. Chinese is set
/// justified, as the brief's Chinese paragraphs are; English ragged right, which reads
/// better than justified type in a half-width column. Each side breaks its lines by its own
/// rules (the line breaker goes by character class). The columns share the width as
/// makes the table shortest. For a screen reader it is a layout grid: its cells read as
/// paragraphs, row by row, the English tagged `en`, a row cut by a page break continued.
struct ParallelSummary {
    let context: BriefContext

    /// `place` names the heads (`臺北市：中文原文`, `Taipei: English translation`): the same
    /// head at the top of many pages would read as a running header.
    func table(original: Summary, translation: Summary, place: Place?) -> Block {
        let type = context.type, sheet = context.sheet, language = context.language
        let size = sheet.sizes.body
        var chinese = type.bodyParagraph
        chinese.spaceBefore = 0
        var english = chinese
        english.alignment = .left
        let markerStyle = type.text(size, bold: true, color: sheet.colors.accent)

        func row(_ marker: String?, _ original: String, _ translated: String) -> TableRow {
            TableRow(cells: [
                TableCell(paragraphs: marker.map { [context.paragraph($0, markerStyle, type.cell(size))] } ?? []),
                TableCell(paragraphs: [context.paragraph(original, type.body, chinese)]),
                TableCell(paragraphs: [context.paragraph(translated, type.body, english, language: BriefLanguage.Code.en.rawValue)]),
            ])
        }
        var rows: [TableRow] = []
        for (block, translated) in zip(original.blocks, translation.blocks) {
            switch (block, translated) {
            case let (.paragraph(text), .paragraph(translatedText)):
                rows.append(row(nil, text, translatedText))
            case let (.list(list), .list(translatedList)):
                for (item, translatedItem) in zip(list.items, translatedList.items) {
                    rows.append(row(list.marker(for: item), item.text, translatedItem.text))
                }
            default:
                // The loader only accepts translations of the original's shape.
                continue
            }
        }
        let head = type.text(sheet.sizes.small, bold: true, color: sheet.colors.muted)
        let header = TableRow(cells: [
            TableCell(paragraphs: []),
            TableCell(paragraphs: [context.paragraph(language.originalColumn(place), head, type.cell(sheet.sizes.small))], verticalAlignment: .bottom),
            TableCell(paragraphs: [context.paragraph(language.translationColumn(place), head, type.cell(sheet.sizes.small),
                                                     language: BriefLanguage.Code.en.rawValue)], verticalAlignment: .bottom),
        ])
        // The marker column is as wide as a list's marker column inside the cell padding.
        let padding = size * 0.45
        return .table(Table(columns: [.fixed(size * sheet.proportions.listMarkerColumn + 2 * padding), .flexible(1), .flexible(1)],
                            header: [header], rows: rows,
                            style: TableStyle(paddingX: padding, paddingY: size * 0.4, rowRule: sheet.colors.rule, ruleWidth: 0.5,
                                              headerRule: sheet.colors.rule),
                            spaceBefore: type.paragraphGap, keepWithNext: true, balancesColumns: true, structure: .layout))
    }
}
