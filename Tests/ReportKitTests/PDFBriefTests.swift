import Foundation
import Testing
import ReportKit
import ReportLayout
import ReportTestSupport

@Suite("The PDF brief, read back with poppler and qpdf")
struct PDFBriefTests {
    let brief = BriefFixtures.defaultBrief
    let summit = BriefFixtures.loaded.summit

    @Test func pdfinfoShowsThePagesTitleAndTags() throws {
        let info = try ToolRun.run("pdfinfo", [brief.path])
        #expect(info.status == 0)
        #expect(info.stdout.contains("Pages:           \(brief.document.pages.count)"))
        #expect(info.stdout.contains("Title:           2021 首長高峰會 城市比較簡報"))
        #expect(info.stdout.contains("Tagged:          yes"))
        #expect(info.stdout.contains("A4"))
        #expect(brief.document.pages.count >= 17, "cover, contents, table, heatmap, 13 speakers, appendix")
    }

    @Test func everyFontIsEmbeddedAsASubsetAndChineseIsInTheTraditionalFace() throws {
        let fonts = try ToolRun.run("pdffonts", [brief.path]).stdout.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        var cjk = 0
        for line in fonts {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            let name = String(columns[0])
            // emb, sub, uni are the three yes/no columns before the object id.
            let flags = columns.suffix(5).prefix(3)
            #expect(Array(flags) == ["yes", "yes", "yes"], "\(line)")
            #expect(name.contains("+"), "not a subset: \(name)")
            if name.contains("CJK") {
                cjk += 1
                #expect(name.contains("NotoSansCJKtc"), "wrong CJK face: \(name)")
            } else {
                #expect(name.contains("DejaVuSans"), "unexpected face \(name): only a Latin fallback is allowed")
            }
        }
        #expect(cjk >= 2, "regular and bold")
    }

    @Test func theTextLayerHoldsEveryNameAndEverySummary() throws {
        let text = try BriefFixtures.text(brief.path).squeezed
        for speaker in summit.speakers {
            #expect(text.contains(speaker.name.squeezed), "missing name \(speaker.name)")
            let first = speaker.summary.units[0].text.squeezed
            #expect(text.contains(String(first.prefix(24))), "missing summary of row \(speaker.number)")
            let last = speaker.summary.units[speaker.summary.units.count - 1].text.squeezed
            #expect(text.contains(String(last.suffix(16))), "missing the end of row \(speaker.number)")
        }
        #expect(text.contains("讓服務移動到線上服務平台"), "the row re-joined across a page break")
        #expect(text.contains("Mr.JiříSnižek") && text.contains("ZdeněkHřib") && text.contains("SAÏB"))
    }

    @Test func qpdfFindsNoDamage() throws {
        let check = try ToolRun.run("qpdf", ["--check", brief.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors"))
    }

    @Test func contentsPageNumbersAreWhereTheSpeakersAre() throws {
        let contents = try BriefFixtures.text(brief.path, page: 2, layout: true)
        var checked = 0
        for speaker in summit.speakers {
            guard let line = contents.split(separator: "\n").first(where: { $0.squeezed.contains(speaker.name.squeezed) }),
                  let page = line.split(separator: " ").last.flatMap({ Int($0) }) else {
                Issue.record("no contents entry for \(speaker.name)")
                continue
            }
            let pageText = try BriefFixtures.text(brief.path, page: page).squeezed
            #expect(pageText.contains(speaker.name.squeezed), "contents says \(speaker.name) is on page \(page)")
            #expect(pageText.contains(String(speaker.summary.units[0].text.squeezed.prefix(12))))
            checked += 1
        }
        #expect(checked == 13)
        for section in ["城市比較表", "主題熱度圖", "講者摘要", "附錄：主題分類與計分方式"] {
            #expect(contents.contains(section))
        }
    }

    @Test func everyLinkGoesToADestinationAndTheOutlineGroupsSpeakersByPlace() throws {
        let json = try ToolRun.run("qpdf", ["--json", brief.path]).stdoutBytes
        let root = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let objects = try #require(((root["qpdf"] as? [Any])?[1]) as? [String: Any])
        var names = Set<String>()
        var links: [String] = []
        for case let object as [String: Any] in objects.values {
            guard let value = object["value"] as? [String: Any] else { continue }
            if let list = value["/Names"] as? [Any] {
                for case let name as String in list { names.insert(name) }
            }
            if value["/Subtype"] as? String == "/Link", let destination = value["/Dest"] as? String {
                links.append(destination)
            }
        }
        // One per contents entry (4 sections, 13 speakers), one per heatmap row (12 places) and
        // one per similar place named on a speaker's page.
        let similar = summit.speakers.reduce(0) { $0 + (BriefFixtures.loaded.analysis.place($1.placeSlug)?.similar.count ?? 0) }
        #expect(similar >= 13)
        #expect(links.count == 17 + 12 + similar)
        for link in links { #expect(names.contains(link), "link to missing destination \(link)") }
        for speaker in summit.speakers { #expect(names.contains("u:speaker-\(speaker.number)")) }

        let outlines = try #require(root["outlines"] as? [[String: Any]])
        #expect(outlines.map { $0["title"] as? String } == ["目錄", "城市比較表", "主題熱度圖", "講者摘要", "附錄：主題分類與計分方式"])
        let places = try #require(outlines[3]["kids"] as? [[String: Any]])
        #expect(places.count == 12)
        #expect(places[0]["title"] as? String == "臺北市")
        #expect((places[0]["kids"] as? [[String: Any]])?.count == 2, "Taipei has two speakers")
    }

    /// As a user runs it: one brief per process. (In one process Cairo numbers its fonts from
    /// counters it shares with every other surface and Pango context, which other tests use
    /// at the same time, so two briefs painted in a test process may order their fonts apart.)
    @Test func theSameInputAndDateGiveTheSameBytes() throws {
        let folder = Repository.temporaryFolder("repro")
        for name in ["a.pdf", "b.pdf"] {
            let run = try ReportBinary.run(["pdf", "--cities", "all", "--out", folder + "/" + name], environment: ["SOURCE_DATE_EPOCH": "1616428800"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/a.pdf"))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/b.pdf"))
        #expect(a == b)
        let info = try ToolRun.run("pdfinfo", ["-isodates", folder + "/a.pdf"]).stdout
        #expect(info.contains("CreationDate:    2021-03-22T16:00:00"))
    }

    /// A long brief is laid out on as many threads as there are cores: the PDF must not
    /// depend on how many there were (the issue seen before: 77 pages differed between one
    /// and two cores).
    @Test(.tags(.slow), .slowTier) func oneCoreAndTwoGiveTheSameBytes() throws {
        let folder = Repository.temporaryFolder("cores")
        let summit = folder + "/summit-2021-03-23.txt"
        try SummitScaler.scaled(copies: 10).write(toFile: summit, atomically: true, encoding: .utf8)
        var outputs: [Data] = []
        for cores in ["0", "0,1"] {
            let path = folder + "/cores-\(cores).pdf"
            let run = try ToolRun.run("taskset", ["-c", cores, ReportBinary.path, "pdf", "--cities", "all", "--data", summit, "--out", path],
                                      environment: ["SOURCE_DATE_EPOCH": "1616428800"], currentDirectory: Repository.root)
            #expect(run.status == 0, "\(run.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(outputs[0].count > 100_000)
        #expect(outputs[0] == outputs[1], "\(outputs[0].count) and \(outputs[1].count) bytes")
    }
}
