import Foundation
import ReportKit
import ReportLayout
import ReportRender
import ReportTestSupport

/// The 2021 summit loaded once, and briefs made from it through `PDFReport`, the code path
/// of `report pdf`.
enum BriefFixtures {
    static let loaded: LoadedSummit = {
        do { return try DataSources(dataFolder: Repository.path("Data")).load() } catch { fatalError("\(error)") }
    }()

    static func options(style: String = "default", language: BriefLanguage.Code = .zhTW, output: String? = nil) -> PDFOptions {
        PDFOptions(cities: "all", style: style, stylesFolder: Repository.path("Styles"), language: language, output: output)
    }

    /// A fixed clock, as SOURCE_DATE_EPOCH gives.
    static let clock = ReportClock(environment: ["SOURCE_DATE_EPOCH": "1616428800"])

    static func layout(style: String = "default", language: BriefLanguage.Code = .zhTW) throws -> LaidOutDocument {
        try PDFReport(loaded: loaded, options: options(style: style, language: language), clock: clock).layout(shaper: PangoShaper()).document
    }

    /// The default brief, written once to a temporary folder.
    static let defaultBrief: (path: String, document: LaidOutDocument) = {
        do {
            let path = Repository.temporaryFolder("brief") + "/brief.pdf"
            let report = PDFReport(loaded: loaded, options: options(output: path), clock: clock)
            _ = try report.run()
            return (path, try report.layout(shaper: PangoShaper()).document)
        } catch { fatalError("\(error)") }
    }()

    /// `pdftotext` of one page (1-based), or of the whole file.
    static func text(_ path: String, page: Int? = nil, layout: Bool = false) throws -> String {
        var arguments = layout ? ["-layout"] : []
        if let page { arguments += ["-f", String(page), "-l", String(page)] }
        return try ToolRun.run("pdftotext", arguments + [path, "-"]).stdout
    }
}

extension StringProtocol {
    /// Without any whitespace: pdftotext breaks lines and may add or drop spaces between scripts.
    var squeezed: String { String(unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }
}
