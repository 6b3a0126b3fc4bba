import ReportLayout
import ReportStyle
import SummitAnalysis
import SummitModel

/// Over several summits, a page for each selected place that spoke at more than one: who
/// spoke when, the theme profile per summit side by side (counts printed in filled cells,
/// so it reads in grayscale), the themes that came and went, and the key figures by year.
/// What staff need before a summit: "Prague is back: what did it say last time, and what
/// has changed?"
struct SummitHistoryPages {
    let context: BriefContext

    static let anchor = "history"

    static func anchor(of place: Place) -> String { "history-\(place.slug)" }

    /// The place with the summits it spoke at, for the contents and the outline: `布拉格市（2021、2023）`.
    static func entryTitle(_ place: Place, context: BriefContext) -> String {
        let labels = context.summits(of: place).map { context.summitLabel($0.summit) }
        return context.language.placeName(place) + context.language.pick("（\(labels.joined(separator: "、"))）", " (\(labels.joined(separator: ", ")))")
    }

    func section(furniture: PageFurniture) -> Section {
        let type = context.type, language = context.language, sheet = context.sheet
        var blocks: [Block] = [
            .anchor(Self.anchor),
            .heading(context.paragraph(language.history, type.h1, type.h1Paragraph)),
        ] + context.paragraphs(language.historyIntro, type.smallMuted,
                               ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.small)), gap: sheet.sizes.small * 0.4)
        for (index, place) in context.historyPlaces.enumerated() {
            if index > 0 { blocks.append(.pageBreak) }
            blocks.append(.group(Group(.section, placeBlocks(place))))
        }
        return Section(blocks: blocks, pageFurniture: furniture)
    }

    private var size: Double { context.sheet.sizes.table }

    private func placeBlocks(_ place: Place) -> [Block] {
        let type = context.type, language = context.language, sheet = context.sheet
        let summits = context.summits(of: place)
        let country = [language.countryName(place), language.kind(place.kind)].filter { !$0.isEmpty }.joined(separator: language.separator)
        var title = [context.name(language.placeName(place), type.h2)]
        if !country.isEmpty { title.append(TextSpan("\u{2003}" + country, type.text(sheet.sizes.body, color: sheet.colors.muted))) }
        let spoke = language.spokeAt + language.pick("：", ": ")
            + summits.map { context.summitLabel($0.summit) }.joined(separator: language.pick("、", ", "))
            + language.separator + language.summitsCount(summits.count)
        var blocks: [Block] = [
            .anchor(Self.anchor(of: place)),
            .box(Box(blocks: [
                .heading(Paragraph(RichText(title), ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.h2)),
                                   role: .heading(2))),
                .paragraph(context.paragraph(spoke, type.smallMuted, ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.small),
                                                                                    spaceBefore: sheet.sizes.small * 0.5))),
            ], fill: sheet.colors.panel, accent: sheet.colors.accent, padding: sheet.sizes.body * 0.9, spaceAfter: sheet.sizes.body * 0.2)),
        ]
        // When the page would spill a few lines onto one of their own, the themes that came and
        // went are left to the table's change column, which says the same theme by theme.
        let profile = themeProfile(place, summits)
        let full = whoSpokeWhen(place, summits) + profile.table + profile.changes
        if profile.changes.isEmpty { return blocks + full }
        return blocks + [.condensable(Condensable([full, whoSpokeWhen(place, summits) + profile.table]))]
    }

    private func heading(_ text: String) -> Block {
        .heading(context.paragraph(text, context.type.h3, context.type.h3Paragraph).reading(as: .heading(3)))
    }

    private func header(_ text: String, alignment: ParagraphStyle.Alignment = .left) -> TableCell {
        TableCell(paragraphs: [context.paragraph(text, context.type.tableHeader, context.type.cell(size, alignment: alignment))],
                  fill: context.sheet.colors.accent, verticalAlignment: .bottom)
    }

    private func textCell(_ text: String, _ style: TextStyle) -> TableCell {
        TableCell(paragraphs: [context.paragraph(text, style, context.type.cell(size))])
    }

    /// One row per summit: the summit and its date, who spoke (each name linked to the
    /// speaker's page) and the key figures they gave.
    private func whoSpokeWhen(_ place: Place, _ summits: [AnalysedSummit]) -> [Block] {
        let type = context.type, language = context.language
        let small = max(8, size - 0.5)
        let rows = summits.map { entry -> TableRow in
            let summit = entry.summit
            let when = [Paragraph(RichText(context.summitName(summit), type.tableBold), type.cell(size)),
                        context.paragraph(language.date(summit.date), type.tableMuted, type.cell(small))]
            let speakers = context.speakers(at: place).filter { $0.summitDate == summit.date }.map { speaker in
                var spans = [TextSpan(language.role(speaker), type.tableMuted, link: context.anchor(of: speaker))]
                if !speaker.name.isEmpty {
                    spans += [TextSpan(" ", type.table, link: context.anchor(of: speaker)),
                              TextSpan(speaker.displayName, type.table, link: context.anchor(of: speaker), unbreakable: !speaker.displayName.contains(" "))]
                }
                return Paragraph(RichText(spans), type.cell(size))
            }
            let figures = (entry.analysis.place(place.slug)?.keyFigures ?? []).map { figure in
                Paragraph(context.figureText(figure, base: type.text(small), bold: type.text(small, bold: true)), type.cell(small, before: 2))
            }
            return TableRow(cells: [TableCell(paragraphs: when), TableCell(paragraphs: speakers),
                                    TableCell(paragraphs: figures.isEmpty ? [context.paragraph("—", type.tableMuted, type.cell(size))] : figures)])
        }
        // Column headers only: with two or three rows, row headers would outnumber the data
        // cells, and checkers take such a grid for a shredded one.
        let table = Table(columns: [.flexible(1.1), .flexible(1.5), .flexible(2.4)],
                          header: [TableRow(cells: [header(language.summitColumn), header(language.speakerColumn), header(language.figureColumn)])],
                          rows: rows, style: type.tableStyle, spaceBefore: size * 0.5, structure: .data(rowHeaders: false))
        return [heading(language.whoSpokeWhen), .table(table)]
    }

    /// Themes × the place's summits: counts in cells filled on the heatmap's scale, the
    /// change since the place's previous summit, and the themes that came and went in words.
    private func themeProfile(_ place: Place, _ summits: [AnalysedSummit]) -> (table: [Block], changes: [Block]) {
        let type = context.type, language = context.language, sheet = context.sheet, scale = sheet.heatmap
        let themes = context.analysis.themes
        let counts = themes.map { theme in summits.map { $0.analysis.place(place.slug)?.matches(theme.id) ?? 0 } }
        let shown = themes.indices.filter { counts[$0].contains { $0 > 0 } }
        guard !shown.isEmpty else { return ([heading(language.themeProfile), .paragraph(context.paragraph(language.noThemes, type.smallMuted, type.cell(sheet.sizes.small)))], []) }
        let centred = type.cell(size, alignment: .center)
        let last = summits.count - 1
        var rows: [TableRow] = []
        var appeared: [String] = [], disappeared: [String] = []
        for index in shown {
            let name = context.themeName(themes[index].id)
            var cells = [textCell(name, type.table)]
            for value in counts[index] {
                let fill = scale.color(for: value)
                let ink = value == 0 ? sheet.colors.muted : scale.textColor(on: fill)
                cells.append(TableCell(paragraphs: [context.paragraph(String(value), type.text(size, bold: value > 0, color: ink), centred)],
                                       fill: fill, verticalAlignment: .middle))
            }
            let now = counts[index][last], before = counts[index][last - 1]
            var change = ""
            // Back after a gap rather than new: it was spoken of at an earlier summit.
            let earlier = counts[index][..<(last - 1)].contains { $0 > 0 }
            if now > 0 && before == 0 { change = "▲ " + (earlier ? language.returned : language.appeared); appeared.append(name) }
            if now == 0 && before > 0 { change = "▼ " + language.disappeared; disappeared.append(name) }
            // Every cell has text: an empty one would leave its row a cell short for assistive technology.
            cells.append(TableCell(paragraphs: [context.paragraph(change.isEmpty ? "—" : change,
                                                                  change.isEmpty ? type.tableMuted : type.text(size, bold: true), type.cell(size))],
                                   verticalAlignment: .middle))
            rows.append(TableRow(cells: cells))
        }
        let headerRow = TableRow(cells: [header(language.themeLabelColumn)]
                                 + summits.map { header(context.summitLabel($0.summit), alignment: .center) }
                                 + [header(language.changeColumn)])
        let table = Table(columns: [.flexible(2.2)] + summits.map { _ in .flexible(0.8) } + [.flexible(1.3)],
                          header: [headerRow], rows: rows,
                          style: TableStyle(paddingX: size * 0.45, paddingY: size * 0.35, rowRule: sheet.colors.rule, ruleWidth: 0.5,
                                            headerRule: nil, cellGap: 1.5),
                          spaceBefore: size * 0.5, structure: .data(rowHeaders: true))
        let previous = context.summitLabel(summits[last - 1].summit)
        var changes: [Block] = []
        let listStyle = ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.body), spaceBefore: sheet.sizes.body * 0.3)
        let separator = language.pick("、", ", ")
        if !appeared.isEmpty {
            changes.append(.paragraph(Paragraph(RichText([TextSpan(language.appearedThemes(since: previous), type.bodyBold),
                                                          TextSpan(appeared.joined(separator: separator), type.body)]), listStyle)))
        }
        if !disappeared.isEmpty {
            changes.append(.paragraph(Paragraph(RichText([TextSpan(language.disappearedThemes(since: previous), type.bodyBold),
                                                          TextSpan(disappeared.joined(separator: separator), type.body)]), listStyle)))
        }
        if changes.isEmpty { changes.append(.paragraph(context.paragraph(language.noChanges, type.body, listStyle))) }
        return ([heading(language.themeProfile), .table(table)]
                + context.paragraphs(language.historyCounts, type.smallMuted,
                                     ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(sheet.sizes.small), spaceBefore: size * 0.4), gap: size * 0.4),
                [heading(language.themeChanges)] + changes)
    }
}
