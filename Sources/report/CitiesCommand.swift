import ArgumentParser
import ReportKit

struct CitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cities", abstract: "List the places --cities accepts.")

    @OptionGroup var input: InputOptions

    func run() throws {
        try perform(input) { console throws(ReportError) in
            let loaded = try input.sources.load()
            console.warn(loaded.warnings)
            for note in loaded.notes { console.info(note) }
            let header = ["slug", "中文", "English", "country", "speakers"]
            let speakers = loaded.summit.speakersByPlace()
            let rows = loaded.summit.places.map { place in
                [place.slug, place.zh, place.en, [place.country.en, place.country.iso].filter { !$0.isEmpty }.joined(separator: " "),
                 String(speakers[place.slug]?.count ?? 0)]
            }
            for line in TextTable.render([header] + rows) { console.output(line) }
        }
    }
}
