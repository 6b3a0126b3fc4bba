import InputSupport

/// Reads a summit file (the text extraction of the summary table) into a `Summit`.
///
/// Every stage is a single forward pass over the text, so the work grows linearly with
/// the file and no input can make it hang. Anything it cannot make sense of is an
/// `InputError` with the file and line; anything odd that it could still read is a warning.
public struct SummitImporter: Sendable {
    public var places: PlaceDirectory
    public var roles: RoleVocabulary
    /// The file that maps roles to English, named in hints.
    public var rolesSource: String
    /// The encoding `--encoding` names; nil detects it (UTF-8, UTF-16 by its byte-order mark, else CP950).
    public var encoding: SummitEncoding?

    public init(places: PlaceDirectory, roles: RoleVocabulary, rolesSource: String = "Data/roles.yaml", encoding: SummitEncoding? = nil) {
        self.places = places
        self.roles = roles
        self.rolesSource = rolesSource
        self.encoding = encoding
    }

    public func importFile(_ path: String) throws(InputError) -> ImportResult {
        try importBytes(InputFile.read(path, what: "summit file"), file: path)
    }

    public func importBytes(_ bytes: [UInt8], file: String) throws(InputError) -> ImportResult {
        var (lines, warnings, decision) = try SummitTextDecoder(file: file, forced: encoding).decodeWithDecision(bytes)
        let table = try TableRowReader(file: file).read(lines)
        lines = []
        warnings += table.warnings

        let fileName = file.split(separator: "/").last.map(String.init) ?? file
        let heading: SummitHeading
        if let header = table.pageHeader, let parsed = SummitHeading.parse(header.text) {
            heading = parsed
        } else if let date = SummitHeading.date(fromFileName: fileName) {
            let title = table.pageHeader?.text ?? "Summit \(date)"
            heading = SummitHeading(title: title, date: date)
            warnings.append(InputWarning("no date in the page header; using \(date) from the file name",
                                         at: SourceLocation(file: file, line: table.pageHeader?.line ?? 1)))
        } else {
            throw InputError("cannot find the summit's date",
                             at: SourceLocation(file: file, line: table.pageHeader?.line ?? 1),
                             hint: "The first line should be the page header, e.g. '2021 首長高峰會(3/23)談話內容摘要', or name the file like summit-2021-03-23.txt.")
        }

        let segmenter = SummarySegmenter(file: file)
        var speakers: [Speaker] = []
        var placeList: [Place] = []
        var placeIndexByWritten: [String: Int] = [:]
        var placeIndexBySlug: [String: Int] = [:]
        var takenSlugs = Set<String>()
        var unknownPlaces: [(written: String, place: Place, line: Int)] = []
        var unknownRoles: [String: Int] = [:]
        speakers.reserveCapacity(table.rows.count)

        for row in table.rows {
            let speakerText = speakerCellText(row.speaker, file: file, warnings: &warnings)
            guard !speakerText.isEmpty else {
                throw InputError("row \(row.number) has no speaker (place, title and name)",
                                 at: SourceLocation(file: file, line: row.line),
                                 hint: "The second cell of a row, or of its continuation after a page break, names the speaker.")
            }
            let (cell, roleKnown) = SpeakerCell.parse(speakerText, roles: roles)
            if !roleKnown, !cell.role.isEmpty, unknownRoles[cell.role] == nil { unknownRoles[cell.role] = row.line }

            let place: Place
            if let index = placeIndexByWritten[cell.place] {
                place = placeList[index]
            } else {
                var resolved: Place
                if let curated = places.place(named: cell.place) {
                    resolved = curated
                } else {
                    resolved = places.derivedPlace(for: cell.place, taken: takenSlugs)
                    unknownPlaces.append((cell.place, resolved, row.line))
                }
                let index: Int
                if let existing = placeIndexBySlug[resolved.slug] {
                    index = existing
                } else {
                    index = placeList.count
                    placeList.append(resolved)
                    placeIndexBySlug[resolved.slug] = index
                    takenSlugs.insert(resolved.slug)
                }
                placeIndexByWritten[cell.place] = index
                place = placeList[index]
            }

            let segments = segmenter.segments(of: row.summary, warnings: &warnings)
            let summary = SummaryBuilder.build(segments)
            if summary.blocks.isEmpty {
                warnings.append(InputWarning("row \(row.number) has an empty summary", at: SourceLocation(file: file, line: row.line)))
            }
            speakers.append(Speaker(number: row.number, placeAsWritten: cell.place, placeSlug: place.slug, role: cell.role,
                                    honorific: cell.honorific, name: cell.name, summary: summary, line: row.line,
                                    summitDate: heading.date))
        }

        if !unknownPlaces.isEmpty {
            let shown = unknownPlaces.prefix(6).map { "\(Excerpt.of($0.written)) (line \($0.line), slug '\(Excerpt.of($0.place.slug))')" }
            let more = unknownPlaces.count > shown.count ? " and \(unknownPlaces.count - shown.count) more" : ""
            let example = unknownPlaces[0]
            warnings.append(InputWarning(
                "\(unknownPlaces.count) place(s) not in \(places.source): \(shown.joined(separator: ", "))\(more); imported with derived names",
                at: SourceLocation(file: file, line: example.line),
                hint: "Add each to \(places.source), e.g.:\n    - slug: \(Excerpt.of(example.place.slug))\n      zh: \(Excerpt.of(example.place.zh))\n      en: …\n      aliases: [\(Excerpt.of(example.written))]\n      country: {zh: …, en: …, iso: …}\n      kind: city"))
        }
        for (role, line) in unknownRoles.sorted(by: { $0.value < $1.value }) {
            warnings.append(InputWarning("title \(Excerpt.quoted(role)) is not in \(rolesSource); it is kept as written and has no English",
                                         at: SourceLocation(file: file, line: line),
                                         hint: "Add it to \(rolesSource) as `- {zh: \(Excerpt.of(role)), en: …}`."))
        }

        // In file order, however the stages found them.
        warnings.sort { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
        let summit = Summit(title: heading.title, heading: table.pageHeader?.text ?? heading.title, date: heading.date,
                            source: file, speakers: speakers, places: placeList)
        return ImportResult(summit: summit, warnings: warnings, encoding: decision)
    }

    /// The speaker cell's pieces (a page break can split it) as plain text.
    private func speakerCellText(_ fragments: [CellFragment], file: String, warnings: inout [InputWarning]) -> String {
        let tokenizer = MarkupTokenizer(file: file)
        var text: [Unicode.Scalar] = []
        for fragment in fragments {
            for token in tokenizer.tokenize(fragment, warnings: &warnings) {
                switch token {
                case let .text(scalars): text.append(contentsOf: scalars)
                case .open, .close: text.append(" ")
                }
            }
            text.append(" ")
        }
        return String(scalars: CJKText.collapseWhitespace(text))
    }
}
