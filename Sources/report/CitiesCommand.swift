import ArgumentParser
import ReportKit

struct CitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cities",
                                                    abstract: "List the places --cities accepts, with the summits each spoke at.")

    @OptionGroup var input: InputOptions

    func run() throws {
        try perform(input) { console throws(ReportError) in
            let loaded = try input.sources.load()
            console.warn(loaded.warnings)
            console.listRead(loaded, from: input)
            let header = ["slug", "中文", "English", "country", "speakers", "summits"]
            let byPlace = loaded.summits.map { $0.summit.speakersByPlace() }
            let rows = loaded.places.map { place in
                let counts = byPlace.map { $0[place.slug]?.count ?? 0 }
                // Each summit the place spoke at, with its speakers when more than one: 2021-03-23 (2), 2024-04-18
                let summits = zip(loaded.summits, counts).filter { $0.1 > 0 }.map { $0.1 > 1 ? "\($0.0.summit.date) (\($0.1))" : $0.0.summit.date }
                return [place.slug, place.zh, place.en, [place.country.en, place.country.iso].filter { !$0.isEmpty }.joined(separator: " "),
                        String(counts.reduce(0, +)), summits.joined(separator: ", ")]
            }
            for line in TextTable.render([header] + rows) { console.output(line) }
        }
    }
}
