import Foundation
import InputSupport

/// A summit's summaries in another language, made by hand and kept as data beside the
/// summit file (`summit-2021-03-23.en.yaml` beside `summit-2021-03-23.txt`).
///
/// The file gives the title and, per speaker number, the summary as a list of
/// `- paragraph: "…"` and `- list: ["…", …]` blocks, in the order and with the counts of the
/// original's blocks. A speaker whose structure does not match the original is left out
/// (with a warning), so that its page falls back to the original text. A speaker may also
/// give `place:` and `role:` in this language, for a place or role the curated lists
/// (`places.yaml`, `roles.yaml`) lack; the curated names win where they have one.
public struct SummitTranslation: Sendable, Hashable {
    /// The file it was read from, for messages.
    public var file: String
    /// The language of the translation, e.g. `en`.
    public var language: String
    /// The summit's title in this language; nil when the file gives none.
    public var title: String?
    /// The translated summaries by speaker number: only those that match the original.
    public var summaries: [Int: Summary]
    /// The speakers' place and role names in this language, by speaker number, where given.
    public var places: [Int: String]
    public var roles: [Int: String]

    /// A translation built in memory (tests); `load` reads one from a file.
    public init(file: String, language: String = "en", title: String?, summaries: [Int: Summary],
                places: [Int: String] = [:], roles: [Int: String] = [:]) {
        self.file = file
        self.language = language
        self.title = title
        self.summaries = summaries
        self.places = places
        self.roles = roles
    }

    /// The speaker's summary in this language, when the file has a matching one.
    public func summary(of speaker: Speaker) -> Summary? { summaries[speaker.number] }

    /// The translation file for a summit file: `summit-2021-03-23.en.yaml` beside
    /// `summit-2021-03-23.txt` (the extension replaced by `.LANGUAGE.yaml`).
    public static func path(beside summitFile: String, language: String = "en") -> String {
        let url = URL(fileURLWithPath: summitFile)
        let stem = url.deletingPathExtension().lastPathComponent
        let folder = (summitFile as NSString).deletingLastPathComponent
        let name = "\(stem).\(language).yaml"
        return folder.isEmpty ? name : folder + "/" + name
    }

    /// The translation beside a summit file, when there is one; nil when there is none.
    public static func loadBeside(_ summit: Summit, language: String = "en") throws(InputError) -> (translation: SummitTranslation, warnings: [InputWarning])? {
        let candidate = path(beside: summit.source, language: language)
        guard FileManager.default.fileExists(atPath: candidate) else { return nil }
        return try load(candidate, for: summit, language: language)
    }

    /// Reads a translation and checks it against the summit it translates. Bad YAML and
    /// wrong types are errors at their line; a structure that does not match the original
    /// (an unknown speaker number, a block missing or of another kind, a point missing) is a
    /// warning naming the speaker and block, and that speaker is left out.
    public static func load(_ path: String, for summit: Summit, language: String = "en") throws(InputError) -> (translation: SummitTranslation, warnings: [InputWarning]) {
        try parse(YAMLValue.load(path, what: "translation file"), for: summit, language: language)
    }

    /// The same from YAML already parsed (tests parse text).
    public static func parse(_ root: YAMLValue, for summit: Summit, language: String = "en") throws(InputError) -> (translation: SummitTranslation, warnings: [InputWarning]) {
        let document = try root.object()
        var warnings = document.unknownKeys(allowed: ["title", "speakers"])
        var title: String?
        if let value = document["title"] {
            let text = try value.string().trimmingCharacters(in: .whitespacesAndNewlines)
            title = text.isEmpty ? nil : text
        }
        let originals = Dictionary(summit.speakers.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        var summaries: [Int: Summary] = [:]
        var places: [Int: String] = [:], roles: [Int: String] = [:]
        var seen = Set<Int>()
        for entry in try document["speakers"]?.list() ?? [] {
            let fields = try entry.object()
            warnings += fields.unknownKeys(allowed: ["number", "summary", "place", "role"])
            let numberValue = try fields.required("number")
            let number = try numberValue.int()
            guard seen.insert(number).inserted else {
                warnings.append(InputWarning("speaker \(number) is translated twice; the second is ignored", at: numberValue.location))
                continue
            }
            guard let original = originals[number] else {
                warnings.append(InputWarning("speaker \(number) is not in \(summit.source); its translation is ignored", at: numberValue.location,
                                             hint: "Speaker numbers are the row numbers of the summit file: \(summit.speakers.map { String($0.number) }.joined(separator: ", "))."))
                continue
            }
            if let name = try fields["place"]?.string().trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty { places[number] = name }
            if let name = try fields["role"]?.string().trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty { roles[number] = name }
            guard let summaryValue = fields["summary"] else { continue }
            let blocks = try summaryValue.list()
            var texts: [(value: YAMLValue, paragraph: String?, items: [String]?)] = []
            for block in blocks {
                let object = try block.object()
                warnings += object.unknownKeys(allowed: ["paragraph", "list"])
                if let paragraph = object["paragraph"] {
                    texts.append((block, try paragraph.string(), nil))
                } else if let list = object["list"] {
                    texts.append((block, nil, try list.stringList()))
                } else {
                    texts.append((block, nil, nil))
                }
            }
            // Nothing translated yet (a template's empty fields): the original, silently.
            let filled = texts.contains { ($0.paragraph ?? "").contains { !$0.isWhitespace } || ($0.items ?? []).contains { $0.contains { !$0.isWhitespace } } }
            guard filled else { continue }
            switch match(texts, original: original.summary) {
            case let .success(summary):
                summaries[number] = summary
            case let .failure(problem):
                let at = problem.block.flatMap { $0 < texts.count ? texts[$0].value.location : nil } ?? summaryValue.location
                warnings.append(InputWarning("speaker \(number): \(problem.message); the original is shown instead", at: at,
                                             hint: "The summary needs the original's blocks in order: \(shape(of: original.summary))."))
            }
        }
        return (SummitTranslation(file: root.file, language: language, title: title, summaries: summaries, places: places, roles: roles), warnings)
    }

    private struct Mismatch: Error {
        /// The block (0-based) the problem is at, when it is one.
        var block: Int?
        var message: String
    }

    /// The translated blocks as a summary with the original's list numbers, when the
    /// structure matches block by block.
    private static func match(_ texts: [(value: YAMLValue, paragraph: String?, items: [String]?)], original: Summary) -> Result<Summary, Mismatch> {
        var blocks: [SummaryBlock] = []
        for (index, block) in original.blocks.enumerated() {
            let label = "block \(index + 1)"
            guard index < texts.count else {
                return .failure(Mismatch(block: nil, message: "\(label) (a \(kind(block))) is missing: the original has \(original.blocks.count) blocks, the translation \(texts.count)"))
            }
            let text = texts[index]
            switch block {
            case .paragraph:
                guard let paragraph = text.paragraph else {
                    return .failure(Mismatch(block: index, message: "\(label) is a \(text.items == nil ? "block with neither paragraph nor list" : "list") where the original has a paragraph"))
                }
                guard paragraph.contains(where: { !$0.isWhitespace }) else {
                    return .failure(Mismatch(block: index, message: "\(label) (a paragraph) is empty"))
                }
                blocks.append(.paragraph(paragraph))
            case let .list(list):
                guard let items = text.items else {
                    return .failure(Mismatch(block: index, message: "\(label) is a \(text.paragraph == nil ? "block with neither paragraph nor list" : "paragraph") where the original has a list"))
                }
                guard items.count == list.items.count else {
                    let missing = items.count < list.items.count ? "a point is missing" : "there are points the original lacks"
                    return .failure(Mismatch(block: index, message: "\(label) (a list): \(missing): the original has \(list.items.count), the translation \(items.count)"))
                }
                if let empty = items.firstIndex(where: { !$0.contains { !$0.isWhitespace } }) {
                    return .failure(Mismatch(block: index, message: "\(label) (a list): point \(empty + 1) is empty"))
                }
                blocks.append(.list(SummaryList(ordered: list.ordered, items: zip(list.items, items).map { ListItem(number: $0.number, text: $1) })))
            }
        }
        if texts.count > original.blocks.count {
            return .failure(Mismatch(block: original.blocks.count, message: "block \(original.blocks.count + 1) is one the original lacks: the original has \(original.blocks.count) blocks, the translation \(texts.count)"))
        }
        return .success(Summary(blocks: blocks))
    }

    private static func kind(_ block: SummaryBlock) -> String {
        if case .paragraph = block { return "paragraph" }
        return "list"
    }

    /// `paragraph, list of 5, paragraph`: the structure a translation must follow.
    static func shape(of summary: Summary) -> String {
        summary.blocks.map { block in
            switch block {
            case .paragraph: return "paragraph"
            case let .list(list): return "list of \(list.items.count)"
            }
        }.joined(separator: ", ")
    }
}
