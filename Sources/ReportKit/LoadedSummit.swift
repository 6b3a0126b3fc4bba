import InputSupport
import SummitAnalysis
import SummitModel

/// The summits read, with their analyses and the curated data they were read with. With
/// one summit file (the usual case) `summit` and `analysis` are all there is; with several,
/// they are the newest, and `summits` and `archive` hold them all.
public struct LoadedSummit: Sendable {
    /// Every summit read, oldest first (never empty).
    public var summits: [AnalysedSummit]

    /// The newest summit: a view onto the last of `summits`, so a change made through it
    /// reaches every report built from `summits`.
    public var summit: Summit {
        get { summits[summits.count - 1].summit }
        set { summits[summits.count - 1].summit = newValue }
    }

    /// The newest summit's analysis, the same way.
    public var analysis: SummitAnalysis {
        get { summits[summits.count - 1].analysis }
        set { summits[summits.count - 1].analysis = newValue }
    }
    /// The summits with their places merged across them.
    public var archive: SummitArchive
    public var catalog: ThemeCatalog
    public var roles: RoleVocabulary
    public var warnings: [InputWarning]
    /// The summits' translations by summit date: `summit-….en.yaml` beside the summit file, or `--translation`.
    public var translations: [String: SummitTranslation] = [:]
    /// Which encoding each summit file was read in and why (by path; standard input by its
    /// name), for `--verbose`.
    public var encodings: [String: EncodingDecision] = [:]

    /// The encodings as lines: `Data/summit-2021-03-23.txt: read as UTF-8: …`, in file order.
    public var notes: [String] {
        summits.compactMap { entry in
            encodings[entry.summit.source].map { "\(entry.summit.source): read as \($0.encoding.displayName): \($0.reason)" }
        }
    }
    /// The files it was read from (summit files, places, roles, themes): an output may not be one of them.
    public var inputFiles: [String]

    /// One summit. `inputFiles` may be empty for a summit built in memory (tests): then no
    /// output is refused as an input.
    public init(summit: Summit, analysis: SummitAnalysis, catalog: ThemeCatalog, roles: RoleVocabulary, warnings: [InputWarning],
                inputFiles: [String] = []) {
        summits = [AnalysedSummit(summit: summit, analysis: analysis)]
        archive = SummitArchive(single: summit)
        self.catalog = catalog
        self.roles = roles
        self.warnings = warnings
        self.inputFiles = inputFiles
    }

    /// Several summits, oldest first (`newest` is the last of them), and their archive.
    init(newest: AnalysedSummit, summits: [AnalysedSummit], archive: SummitArchive, catalog: ThemeCatalog, roles: RoleVocabulary,
         warnings: [InputWarning], encodings: [String: EncodingDecision], inputFiles: [String]) {
        // `newest` is the last of `summits`: kept so that the list is never empty.
        self.summits = summits.isEmpty ? [newest] : summits
        self.archive = archive
        self.catalog = catalog
        self.roles = roles
        self.warnings = warnings
        self.encodings = encodings
        self.inputFiles = inputFiles
    }

    /// Every place that spoke at any of the summits.
    public var places: [Place] { archive.places }

    /// Whether more than one summit was read.
    public var isArchive: Bool { summits.count > 1 }

    /// The speakers of all summits.
    public var speakerCount: Int { summits.reduce(0) { $0 + $1.summit.speakers.count } }
}

extension LoadedSummit {
    /// The summits as a brief in `language` analyses them: in English, each speaker with a
    /// translation is scored and its figures read from the English text (with the English
    /// keywords of the catalog); the others, and every speaker of a Chinese or bilingual brief
    /// (which shows the original beside the translation), from the original.
    public func summits(in language: BriefLanguage.Code) -> [AnalysedSummit] {
        guard language == .en, !translations.isEmpty else { return summits }
        let analyzer = SummitAnalyzer(catalog: catalog)
        return summits.map { entry in
            guard let translation = translations[entry.summit.date] else { return entry }
            var english = entry.summit
            for index in english.speakers.indices {
                if let summary = translation.summary(of: english.speakers[index]) { english.speakers[index].summary = summary }
            }
            // The pages set the original and the translation themselves: only the analysis changes.
            return AnalysedSummit(summit: entry.summit, analysis: analyzer.analyse(english))
        }
    }
}
