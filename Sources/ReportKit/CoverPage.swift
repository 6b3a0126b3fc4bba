import ReportLayout
import ReportStyle

/// The cover: summit name and date, which places the brief covers, when it was made.
struct CoverPage {
    let context: BriefContext

    /// Above this many places the cover names none and points to the comparison table.
    static let maximumListedPlaces = 30

    func section() -> Section {
        let type = context.type, language = context.language, sheet = context.sheet
        let onAccent = sheet.colors.onAccent
        let panel = Box(blocks: [
            .paragraph(context.paragraph(context.heading, type.text(sheet.sizes.small, color: onAccent),
                                         ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.small)))),
            .heading(context.paragraph(context.title, type.text(sheet.sizes.title, bold: true, color: onAccent, heading: true),
                                       ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.title),
                                                      spaceBefore: sheet.sizes.title * 0.5))),
        ] + secondTitle(onAccent) + [
            .paragraph(context.paragraph(language.briefTitle, type.text(sheet.sizes.h2, color: onAccent, heading: true),
                                         ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.h2),
                                                        spaceBefore: sheet.sizes.h2 * 0.3))),
        ], fill: sheet.colors.accent, padding: sheet.sizes.title * 0.9)

        let count = language.placesAndSpeakers(places: context.places.count, speakers: context.speakers.count, all: context.allSelected)
        // Over several summits, each with its date, and every file read.
        let dates = context.summits.map { entry in
            context.isArchive ? "\(context.summitName(entry.summit))\u{2002}\(language.date(entry.summit.date))" : language.date(entry.summit.date)
        }
        // A fact with several values (the summits, their files) has a line for each in its one cell.
        let facts: [(String, [RichText])] = [
            (context.isArchive ? language.summitDates : language.summitDate, dates.map { RichText($0, type.body) }),
            (language.selection, [RichText(count, type.body)]),
        ]
        let smallPrint: [(String, [RichText])] = [
            (language.generated, [RichText(context.generated, type.smallMuted)]),
            (language.source, context.summits.map { RichText($0.summit.source, type.smallMuted) }),
        ]
        // The cover is one page: where the places in two languages and large type would push
        // the small print over, it is laid out with less space around the panel, then without
        // the list of places (the contents and the comparison table list them).
        func form(space: Double, grid: Bool) -> [Block] {
            var blocks: [Block] = [.fixedSpace(sheet.sizes.title * sheet.proportions.coverTopSpace * space), .box(panel),
                                   .fixedSpace(sheet.sizes.title * 1.2 * space), .table(factsTable(facts, labelStyle: type.bodyMuted))]
            if grid && context.places.count <= Self.maximumListedPlaces {
                blocks.append(.table(placeGrid()))
            }
            return blocks + [.fixedSpace(sheet.sizes.title * 1.5 * space), .table(factsTable(smallPrint, labelStyle: type.smallMuted))]
        }
        return Section(blocks: [.condensable(Condensable([form(space: 1, grid: true), form(space: 0.4, grid: true), form(space: 1, grid: false)]))],
                       pageFurniture: nil)
    }

    /// The bilingual cover's English title under the Chinese one, a size smaller.
    private func secondTitle(_ color: Color) -> [Block] {
        let type = context.type, sheet = context.sheet
        guard let title = context.secondTitle else { return [] }
        let size = (sheet.sizes.title + sheet.sizes.h2) / 2
        return [.paragraph(context.paragraph(title, type.text(size, bold: true, color: color, heading: true),
                                             ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(size), spaceBefore: size * 0.25),
                                             language: BriefLanguage.Code.en.rawValue))]
    }

    /// The selected places in three columns, each with its country.
    private func placeGrid() -> Table {
        let type = context.type, language = context.language, sheet = context.sheet
        let columns = 3
        let cells = context.places.map { place -> TableCell in
            var spans = [TextSpan(language.placeName(place), type.body)]
            let country = language.countryName(place)
            // Named in both languages, a place takes most of its column: its country goes below, whole.
            if language.bilingual {
                let countryLine = country.isEmpty ? [] : [Paragraph(RichText([TextSpan(country, type.smallMuted, unbreakable: true)]), type.cell(sheet.sizes.small))]
                return TableCell(paragraphs: [Paragraph(RichText(spans), type.cell(sheet.sizes.body))] + countryLine)
            }
            if !country.isEmpty { spans.append(TextSpan("\u{2002}" + country, type.smallMuted)) }
            return TableCell(paragraphs: [Paragraph(RichText(spans), type.cell(sheet.sizes.body))])
        }
        // An empty first cell lines the grid up with the facts above it.
        let rows = stride(from: 0, to: cells.count, by: columns).map { start in
            TableRow(cells: [TableCell(paragraphs: [])] + cells[start..<min(start + columns, cells.count)])
        }
        return Table(columns: [.fixed(sheet.sizes.body * sheet.proportions.coverLabelColumn)] + Array(repeating: .flexible(1), count: columns),
                     header: [], rows: rows,
                     style: TableStyle(paddingX: 0, paddingY: sheet.sizes.body * 0.3, rowRule: nil, ruleWidth: 0, headerRule: nil),
                     spaceBefore: sheet.sizes.body * 0.4, structure: .layout)
    }

    private func factsTable(_ rows: [(String, [RichText])], labelStyle: TextStyle) -> Table {
        let type = context.type
        return Table(
            columns: [.fixed(labelStyle.font.size * context.sheet.proportions.coverLabelColumn), .flexible(1)],
            header: [],
            rows: rows.map { label, values in
                TableRow(cells: [
                    TableCell(paragraphs: [Paragraph(RichText(label, labelStyle), type.cell(labelStyle.font.size))]),
                    TableCell(paragraphs: values.map { Paragraph($0, ParagraphStyle(alignment: .left, lineHeight: type.lineHeight(labelStyle.font.size))) }),
                ])
            },
            style: TableStyle(paddingX: 0, paddingY: labelStyle.font.size * 0.25, rowRule: nil, ruleWidth: 0, headerRule: nil),
            structure: .data(rowHeaders: true))
    }
}
