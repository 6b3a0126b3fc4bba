import ReportLayout
import ReportStyle
import SummitModel

/// Places × themes, each cell filled on the style's sequential scale and carrying its
/// count, with a legend. Chinese column labels are stacked one character per line, English
/// ones turned to read upwards; each cell links to the place's first speaker page.
struct ThemeHeatmap {
    let context: BriefContext

    static let anchor = "heatmap"

    func section(furniture: PageFurniture) -> Section {
        let type = context.type, language = context.language, sheet = context.sheet, scale = sheet.heatmap
        let size = sheet.sizes.heatmap
        let themes = context.analysis.themes
        let centred = ParagraphStyle(alignment: .center, lineHeight: type.tightLineHeight(size))

        func placeHeader(_ text: String, language: String? = nil) -> TableCell {
            TableCell(paragraphs: [context.paragraph(text, type.text(size, bold: true), type.cell(size), language: language)], verticalAlignment: .bottom)
        }
        func stacked(_ theme: Theme) -> TableCell {
            var stacked = centred
            stacked.lineHeight = size * sheet.proportions.heatmapStackedLine
            stacked.maximumWidth = size * sheet.proportions.heatmapStackedWidth
            return TableCell(paragraphs: [context.paragraph(theme.shortZh, type.text(size, bold: true), stacked)], verticalAlignment: .bottom)
        }
        func turned(_ theme: Theme) -> TableCell {
            TableCell(paragraphs: [context.paragraph(theme.shortEn, type.text(size, bold: true), type.cell(size),
                                                            language: language.bilingual ? BriefLanguage.Code.en.rawValue : nil)],
                             verticalAlignment: .bottom, rotated: true)
        }
        // The bilingual brief heads each column twice: a row of Chinese labels stacked, a row of
        // English ones turned (every header cell holds text: an empty one would leave its row
        // a column short for a screen reader).
        let header: [TableRow]
        switch language.code {
        case .zhTW, .en:
            header = [TableRow(cells: [placeHeader(language.placeColumn)] + themes.map(language.zh ? stacked : turned))]
        case .bilingual:
            let english = BriefLanguage(.en, roles: language.roles, names: language.names)
            header = [TableRow(cells: [placeHeader(BriefLanguage(.zhTW, roles: language.roles).placeColumn)] + themes.map(stacked)),
                      TableRow(cells: [placeHeader(english.placeColumn, language: BriefLanguage.Code.en.rawValue)] + themes.map(turned))]
        }
        let rows = context.placeRows.map { row -> TableRow in
            let place = row.place
            let result = row.summit.analysis.place(place.slug)
            let link = row.speakers.first.map(context.anchor(of:))
            // Over several summits a row is a place at one summit: its year follows the name.
            var label = [TextSpan(language.placeName(place), type.text(size))]
            if context.isArchive {
                label.append(TextSpan("\u{2002}" + context.summitLabel(row.summit.summit), type.text(size, bold: true, color: sheet.colors.accent)))
            }
            // The whole row is one link: a link is an annotation and a structure element each.
            let name = TableCell(paragraphs: [Paragraph(RichText(label), type.cell(size))],
                                 link: link, verticalAlignment: .middle)
            let cells = themes.map { theme -> TableCell in
                let value = result?.matches(theme.id) ?? 0
                let fill = scale.color(for: value)
                let ink = value == 0 ? sheet.colors.muted : scale.textColor(on: fill)
                return TableCell(paragraphs: [context.paragraph(String(value), type.text(size, bold: value > 0, color: ink), centred)],
                                 fill: fill, link: link, verticalAlignment: .middle)
            }
            return TableRow(cells: [name] + cells)
        }
        let placeWidth = size * sheet.proportions.heatmapPlaceColumn
        let heatmap = Table(columns: [.fixed(placeWidth)] + themes.map { _ in .flexible(1) },
                            header: header, rows: rows,
                            style: TableStyle(paddingX: size * 0.3, paddingY: size * 0.45, rowRule: nil, ruleWidth: 0.5,
                                              headerRule: sheet.colors.rule, cellGap: context.sheet.proportions.heatmapCellGap),
                            spaceBefore: size, structure: .data(rowHeaders: true))
        return Section(blocks: [
            .anchor(Self.anchor),
            .heading(context.paragraph(language.heatmap, type.h1, type.h1Paragraph)),
        ] + context.paragraphs(context.isArchive ? language.heatmapIntroArchive : language.heatmapIntro, type.smallMuted,
                               ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.small)), gap: sheet.sizes.small * 0.4) + [
            .table(legend(scale)),
            .table(heatmap),
        ], pageFurniture: furniture)
    }

    private func legend(_ scale: StyleSheet.HeatmapScale) -> Table {
        let type = context.type, size = context.sheet.sizes.small
        let labelStyle = ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(size))
        var columns: [Table.ColumnWidth] = [.fixed(size * (context.language.zh ? 13 : 12.5))]
        var cells = [TableCell(paragraphs: [context.paragraph(context.language.legend, type.smallMuted, labelStyle)], verticalAlignment: .middle)]
        for (color, label) in zip(scale.colors, scale.labels) {
            columns += [.fixed(size * 2), .fixed(size * 3.4)]
            cells.append(TableCell(paragraphs: [], fill: color, stroke: context.sheet.colors.rule))
            cells.append(TableCell(paragraphs: [context.paragraph(label, type.small, labelStyle)], verticalAlignment: .middle))
        }
        columns.append(.flexible(1))
        cells.append(TableCell(paragraphs: []))
        return Table(columns: columns, header: [], rows: [TableRow(cells: cells)],
                     style: TableStyle(paddingX: size * 0.35, paddingY: size * 0.3, rowRule: nil, ruleWidth: 0, headerRule: nil, cellGap: context.sheet.proportions.heatmapCellGap),
                     spaceBefore: size * 0.8, structure: .layout)
    }
}
