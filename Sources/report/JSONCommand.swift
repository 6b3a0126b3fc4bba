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

    func run() throws {
        try perform(input) { console throws(ReportError) in
            let loaded = try input.sources.load()
            console.warn(loaded.warnings)
            for note in loaded.notes { console.info(note) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            do {
                let data = try encoder.encode(Output(summit: loaded.summit, analysis: loaded.analysis))
                console.output(String(decoding: data, as: UTF8.self))
            } catch {
                throw ReportError(.input, "cannot encode the summit as JSON: \(error)")
            }
        }
    }
}
