import ArgumentParser
import Foundation
import ReportKit
import SummitAnalysis
import SummitModel

struct JSONCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json",
        abstract: "Print the imported summit and its analysis as JSON: the way to check what was read, and why a score is what it is.")

    @OptionGroup var input: InputOptions

    /// What `report json` prints: the model as read, and the analysis made of it.
    struct Output: Encodable {
        var summit: Summit
        var analysis: SummitAnalysis
    }

    /// With several summits: each as one summit alone would print, oldest first.
    struct Archive: Encodable {
        var summits: [Output]
    }

    func run() throws {
        try perform(input) { console throws(ReportError) in
            let loaded = try input.sources.load()
            console.warn(loaded.warnings)
            console.listRead(loaded, from: input)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            do {
                let summits = loaded.summits.map { Output(summit: $0.summit, analysis: $0.analysis) }
                let data = loaded.isArchive ? try encoder.encode(Archive(summits: summits))
                    : try encoder.encode(Output(summit: loaded.summit, analysis: loaded.analysis))
                console.output(String(decoding: data, as: UTF8.self))
            } catch {
                throw ReportError(.input, "cannot encode the summit as JSON: \(error)")
            }
        }
    }
}
