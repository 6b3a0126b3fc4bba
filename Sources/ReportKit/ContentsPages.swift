import ReportLayout
import SummitModel

/// The contents: every section and every speaker with its page number, each a link.
struct ContentsPages {
    let context: BriefContext

    static let anchor = "contents"

    func section(furniture: PageFurniture) -> Section {
        let type = context.type, language = context.language, sheet = context.sheet
        let blocks: [Block] = [.anchor(Self.anchor), .heading(context.paragraph(language.contents, type.h1, type.h1Paragraph))]
        var entries: [Block] = []
        let size = type.smaller(sheet.sizes.body, by: 1)
        // With several summits a speaker is known by summit and row: `2021#3`.
        func label(_ speaker: Speaker) -> String {
            guard context.isArchive, let summit = context.summit(of: speaker)?.summit else { return String(speaker.number) }
            return context.summitLabel(summit) + "#" + String(speaker.number)
        }
        let digits = context.isArchive ? context.speakers.map { label($0).count }.max() ?? 1 : String(context.speakers.last?.number ?? 1).count
        // Speaker numbers hang in a column of their own, right-aligned.
        let labelWidth = size * 0.6 * Double(digits)
        func entry(_ text: RichText, _ destination: String, level: Int, label: String? = nil) -> Block {
            let entrySize = level == 0 ? sheet.sizes.body : size
            return .contentsEntry(ContentsEntry(
                text: text, destination: destination,
                style: ParagraphStyle(alignment: .left, lineHeight: type.tightLineHeight(entrySize) + (level == 0 ? 2 : 0),
                                      spaceBefore: level == 0 ? entrySize * 0.9 : 0,
                                      indent: level == 0 ? 0 : labelWidth + size * 1.4),
                numberStyle: level == 0 ? type.bodyBold : type.text(entrySize, color: sheet.colors.text), leaderColor: sheet.colors.rule,
                label: label.map { RichText($0, type.text(size, color: sheet.colors.muted)) }))
        }
        entries.append(entry(RichText(language.comparison, type.bodyBold), ComparisonTable.anchor, level: 0))
        entries.append(entry(RichText(language.heatmap, type.bodyBold), ThemeHeatmap.anchor, level: 0))
        entries.append(entry(RichText(language.speakers, type.bodyBold), SpeakerPages.anchor, level: 0))
        for speaker in context.speakers {
            guard let place = context.place(speaker.placeSlug) else { continue }
            var spans = [context.name(language.placeName(place), type.text(size, bold: true)),
                         TextSpan("\u{2003}" + language.role(speaker), type.text(size, color: sheet.colors.muted))]
            if !speaker.name.isEmpty { spans += [TextSpan(" ", type.text(size)), context.name(speaker.displayName, type.text(size))] }
            entries.append(entry(RichText(spans), context.anchor(of: speaker), level: 1, label: label(speaker)))
        }
        if !context.historyPlaces.isEmpty {
            entries.append(entry(RichText(language.history, type.bodyBold), SummitHistoryPages.anchor, level: 0))
            for place in context.historyPlaces {
                entries.append(entry(RichText([context.name(SummitHistoryPages.entryTitle(place, context: context), type.text(size, bold: true))]),
                                     SummitHistoryPages.anchor(of: place), level: 1))
            }
        }
        entries.append(entry(RichText(language.appendix, type.bodyBold), Appendix.anchor, level: 0))
        return Section(blocks: blocks + [.group(Group(.contents, entries))], pageFurniture: furniture)
    }
}
