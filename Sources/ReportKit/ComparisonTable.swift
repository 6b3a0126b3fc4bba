import ReportLayout
import ReportStyle

/// One row per selected place: place and country, its speakers, top three themes and
/// two or three key figures. Zebra rows, the header repeated on every page it spans.
struct ComparisonTable {
    let context: BriefContext

    static let anchor = "comparison"

    func section(furniture: PageFurniture) -> Section {
        let type = context.type, language = context.language, sheet = context.sheet
        let size = sheet.sizes.table
        let small = type.smaller(size)
        func cell(_ paragraphs: [Paragraph], fill: Color? = nil) -> TableCell { TableCell(paragraphs: paragraphs, fill: fill) }
        func header(_ text: String) -> TableCell {
            cell([context.paragraph(text, type.tableHeader, type.cell(size))], fill: sheet.colors.accent)
        }
        var rows: [TableRow] = []
        var group = -1
        var previous: String?
        for (index, row) in context.placeRows.enumerated() {
            let place = row.place
            let result = row.summit.analysis.place(place.slug)
            let speakers = row.speakers
            var placeCell = [Paragraph(RichText([context.name(language.placeName(place), type.tableBold)]), type.cell(size))]
            let detail = [language.countryName(place), language.kind(place.kind)].filter { !$0.isEmpty }.joined(separator: language.separator)
            placeCell.append(context.paragraph(detail, type.tableMuted, type.cell(small)))
            // Over several summits: which summit the row is from, and the place's rows share a fill.
            if context.isArchive {
                placeCell.append(Paragraph(RichText([TextSpan(context.summitName(row.summit.summit), type.text(small, bold: true, color: sheet.colors.accent))]),
                                           type.cell(small, before: 2)))
            }
            if previous != place.slug { group += 1 }
            previous = place.slug
            let shaded = context.isArchive ? group % 2 == 1 : index % 2 == 1
            let speakerCell = speakers.map { speaker in
                var spans = [TextSpan(language.role(speaker), type.tableMuted)]
                if !speaker.name.isEmpty { spans += [TextSpan(" ", type.table), context.name(speaker.displayName, type.table)] }
                return Paragraph(RichText(spans.filter { !$0.text.isEmpty }), type.cell(size))
            }
            let themes = (result?.topThemes ?? []).map { id in
                Paragraph(RichText([TextSpan(context.themeName(id), type.table),
                                    TextSpan("\u{00A0}\(result?.matches(id) ?? 0)", type.tableMuted)]), type.cell(size))
            }
            let figures = (result?.keyFigures ?? []).map { figure in
                Paragraph(context.figureText(figure, base: type.text(small), bold: type.text(small, bold: true)), type.cell(small, before: 2))
            }
            let dash = [context.paragraph("—", type.tableMuted, type.cell(size))]
            rows.append(TableRow(cells: [cell(placeCell), cell(speakerCell), cell(themes.isEmpty ? dash : themes), cell(figures.isEmpty ? dash : figures)],
                                 fill: shaded ? sheet.colors.zebra : nil))
        }
        let table = Table(columns: sheet.proportions.comparisonColumns.map { .flexible($0) },
                          header: [TableRow(cells: [header(language.placeColumn), header(language.speakerColumn),
                                                    header(language.themeColumn), header(language.figureColumn)])],
                          rows: rows, style: type.tableStyle, spaceBefore: size, balancesColumns: true,
                          structure: .data(rowHeaders: true))
        return Section(blocks: [
            .anchor(Self.anchor),
            .heading(context.paragraph(language.comparison, type.h1, type.h1Paragraph)),
        ] + context.paragraphs(context.isArchive ? language.comparisonIntroArchive : language.comparisonIntro, type.smallMuted,
                               ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.small)), gap: sheet.sizes.small * 0.4) + [
            .table(table),
        ], pageFurniture: furniture)
    }
}
