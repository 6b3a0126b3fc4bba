import ArgumentParser
import ReportKit
import SummitModel

/// `report translation-template`: the YAML skeleton of a summit's English translation.
struct TranslationTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translation-template",
        abstract: "Print the skeleton of a summit's English translation (summit-….en.yaml): the original as comments, the English fields empty.")

    @OptionGroup var input: InputOptions

    func run() throws {
        try perform(input) { console throws(ReportError) in
            let loaded = try input.sources.load()
            console.warn(loaded.warnings)
            console.listRead(loaded, from: input)
            let text = TranslationTemplate.yaml(for: loaded.summit, roles: loaded.roles)
            console.output(String(text.dropLast()))
        }
    }
}
