import Foundation
import Testing
import ReportTestSupport

@Suite("The report command line")
struct CommandLineTests {
    @Test(arguments: [("taipei", "1"), ("臺北市", "1"), ("TAIPEI", "1"), ("Prague,大邱", "5"),
                       ("South Korea", "5"), ("country:kr", "5"), ("南韓", "5"), ("country:ZZ", nil)])
    func citiesByNameSlugOrEnglishSelectThePlaces(_ cities: String, _ firstSpeaker: String?) throws {
        let folder = Repository.temporaryFolder("cli")
        let run = try ReportBinary.run(["csv", "--cities", cities, "--out", folder, "--quiet"])
        guard let firstSpeaker else {
            #expect(run.status == 64, "no such place or country")
            return
        }
        #expect(run.status == 0, "\(run.stderr)")
        let speakers = try String(contentsOfFile: folder + "/speakers.csv", encoding: .utf8)
        let numbers = speakers.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }
        #expect(numbers.first == firstSpeaker)
        if cities == "Prague,大邱" { #expect(numbers == ["5", "11"], "summit order, not argument order") }
    }

    @Test func anUnknownCityFailsWithTheValidNamesAndTheNearestMatch() throws {
        let run = try ReportBinary.run(["pdf", "--cities", "taipie,prague", "--out", Repository.temporaryFolder() + "/x.pdf"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("unknown city: 'taipie'"))
        #expect(run.stderr.contains("did you mean 'taipei'"))
        #expect(run.stderr.contains("budapest") && run.stderr.contains("布達佩斯市"), "lists the valid names")
    }

    @Test func anEmptyCityListIsAUsageError() throws {
        let run = try ReportBinary.run(["csv", "--cities", " , ", "--out", Repository.temporaryFolder()])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--cities names no city"))
    }

    @Test func pdfWritesTheBriefAndPrintsOnlyItsPath() throws {
        let path = Repository.temporaryFolder("cli") + "/brief.pdf"
        let run = try ReportBinary.run(["pdf", "--cities", "all", "--out", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == path + "\n")
        #expect(run.stderr.isEmpty, "no warnings for the 2021 file: \(run.stderr)")
        #expect(try ToolRun.run("pdfinfo", [path]).stdout.contains("Pages:"))
    }

    @Test func jsonIsStableAndKeepsChineseReadable() throws {
        let first = try ReportBinary.run(["json"])
        let second = try ReportBinary.run(["json"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("\"placeAsWritten\" : \"南韓大邱市\""))
        #expect(!first.stdout.contains("\\u"), "Chinese is not escaped")
        let object = try #require(try JSONSerialization.jsonObject(with: first.stdoutBytes) as? [String: Any])
        let summit = try #require(object["summit"] as? [String: Any])
        #expect((summit["speakers"] as? [Any])?.count == 13)
        let analysis = try #require(object["analysis"] as? [String: Any])
        let speakers = try #require(analysis["speakers"] as? [[String: Any]])
        let themes = try #require(speakers[0]["themes"] as? [[String: Any]])
        #expect(themes.contains { ($0["evidence"] as? [Any])?.isEmpty == false }, "evidence is in the JSON")
        #expect(speakers[0]["figures"] != nil)
    }

    @Test func citiesListsSlugsNamesCountriesAndSpeakerCounts() throws {
        let run = try ReportBinary.run(["cities"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 13)
        let taipei = try #require(lines.first { $0.hasPrefix("taipei") })
        #expect(taipei.contains("臺北市") && taipei.contains("Taipei") && taipei.contains("Taiwan TW"))
        #expect(taipei.hasSuffix("  2         2021-03-23 (2)"), "speakers, then the summits with their speakers: \(taipei)")
    }

    @Test func aLongRunShowsProgressOnATerminalOnly() throws {
        let data = try SummitScaler.write(copies: 8)   // 104 speakers
        let out = Repository.temporaryFolder("progress") + "/brief.pdf"
        // `script` gives the run a terminal, as a user's shell would.
        let terminal = try ToolRun.run("script", ["-qec", "\(ReportBinary.path) pdf --cities all --data \(data) --out \(out) 2>&1 >/dev/null", "/dev/null"],
                                       currentDirectory: Repository.root)
        #expect(terminal.status == 0)
        #expect(terminal.stdout.contains("laying out: 50 pages"))
        #expect(terminal.stdout.contains("writing page 100 of"))
        let piped = try ReportBinary.run(["pdf", "--cities", "all", "--data", data, "--out", out])
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("laying out") && !piped.stderr.contains("writing page"), "nothing when stderr is not a terminal")
        #expect(piped.stdout == out + "\n", "never on stdout")
    }

    @Test func helpDocumentsTheExitStatus() throws {
        let run = try ReportBinary.run(["--help"])
        #expect(run.stdout.contains("64 bad usage") && run.stdout.contains("65 bad input") && run.stdout.contains("73 output"))
    }
}
