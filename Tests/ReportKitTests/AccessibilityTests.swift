import Foundation
import Testing
import ReportKit
import ReportTestSupport

/// The written briefs as an assistive reader, a search index and an archive read them: the
/// structure tree in the file, text in reading order through two independent extractors,
/// and the PDF/UA-1 and PDF/A-2u checkers.
@Suite("The brief as assistive technology and archives read it", .serialized, .tags(.slow), .slowTier)
struct AccessibilityTests {
    /// A brief made by the `report` binary, as a user would make it.
    struct Brief: Sendable, CustomTestStringConvertible {
        var name: String
        var path: String
        var language: String
        var speakers: Int
        var testDescription: String { name }
    }

    static let folder = Repository.temporaryFolder("accessible")

    /// The default, English, grayscale and large-print briefs and a brief of 130 speakers.
    static let briefs: [Brief] = {
        var briefs: [Brief] = []
        func make(_ name: String, _ arguments: [String], language: String, speakers: Int = 13) {
            let path = folder + "/\(name).pdf"
            let run = try? ReportBinary.run(["pdf", "--cities", "all", "--out", path, "--quiet"] + arguments,
                                            environment: ["SOURCE_DATE_EPOCH": "1616428800"])
            if run?.status != 0 { Issue.record("report pdf \(arguments) failed: \(run?.stderr ?? "")") }
            briefs.append(Brief(name: name, path: path, language: language, speakers: speakers))
        }
        make("default", [], language: "zh-TW")
        make("english", ["--lang", "en"], language: "en")
        make("grayscale", ["--style", "print-grayscale"], language: "zh-TW")
        make("large-print", ["--style", "large-print", "--lang", "en"], language: "en")
        let summit = folder + "/summit-2021-03-23.txt"
        try? SummitScaler.scaled(copies: 10).write(toFile: summit, atomically: true, encoding: .utf8)
        make("130-speakers", ["--data", summit], language: "zh-TW", speakers: 130)
        return briefs
    }()

    /// The structure tree as qpdf reads it: each element's type and children.
    struct Tree {
        struct Element {
            var type: String
            var children: [Int]
            var annotations: Int
        }

        var elements: [Int: Element] = [:]
        var root: [Int] = []
        var catalogLanguage: String?

        init(_ path: String) throws {
            let json = try ToolRun.run("qpdf", ["--json=2", "--json-key=qpdf", path]).stdoutBytes
            let top = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            let objects = try #require((top["qpdf"] as? [Any])?.last as? [String: Any])
            func number(_ reference: Any?) -> Int? {
                guard let text = reference as? String, text.hasSuffix(" 0 R") else { return nil }
                return Int(text.split(separator: " ")[0])
            }
            func value(_ number: Int) -> [String: Any]? { (objects["obj:\(number) 0 R"] as? [String: Any])?["value"] as? [String: Any] }
            for (key, entry) in objects {
                guard key.hasPrefix("obj:"), let object = (entry as? [String: Any])?["value"] as? [String: Any] else { continue }
                let id = Int(key.dropFirst(4).split(separator: " ")[0]) ?? -1
                if object["/Type"] as? String == "/StructElem" || object["/S"] != nil && object["/P"] != nil {
                    let kids = (object["/K"] as? [Any]) ?? [object["/K"] as Any]
                    let children = kids.compactMap(number).filter { value($0)?["/S"] != nil }
                    let annotations = kids.filter { (($0 as? [String: Any])?["/Type"] as? String) == "/OBJR" || ($0 as? [String: Any])?["/Obj"] != nil }
                    elements[id] = Element(type: String((object["/S"] as? String ?? "").dropFirst()), children: children,
                                           annotations: annotations.count)
                }
                if object["/Type"] as? String == "/StructTreeRoot" {
                    root = ((object["/K"] as? [Any]) ?? [object["/K"] as Any]).compactMap(number)
                }
                if object["/Type"] as? String == "/Catalog", let language = object["/Lang"] as? String {
                    catalogLanguage = language.hasPrefix("u:") ? String(language.dropFirst(2)) : language
                }
            }
        }

        /// Element types in document order (preorder).
        var preorder: [String] {
            var result: [String] = []
            func walk(_ id: Int) {
                guard let element = elements[id] else { return }
                result.append(element.type)
                element.children.forEach(walk)
            }
            root.forEach(walk)
            return result
        }

        func count(_ type: String) -> Int { elements.values.filter { $0.type == type }.count }

        /// Pairs (parent type, child type) found in the tree.
        var edges: Set<String> {
            Set(elements.values.flatMap { parent in parent.children.compactMap { elements[$0].map { parent.type + ">" + $0.type } } })
        }
    }

    @Test(arguments: briefs)
    func theFileHoldsARealStructureTree(brief: Brief) throws {
        let tree = try Tree(brief.path)
        let order = tree.preorder
        #expect(order.first == "Document")
        #expect(tree.count("Document") == 1)
        #expect(tree.count("Sect") >= 6 + brief.speakers, "a section per part and per speaker")
        #expect(tree.count("H1") == 6, "cover title and five part headings")
        #expect(tree.count("H2") == brief.speakers && tree.count("H3") >= 3 * brief.speakers)
        #expect(tree.count("TOC") == 1 && tree.count("TOCI") == 4 + brief.speakers)
        #expect(tree.count("TH") >= 4 + 16, "comparison table and heatmap have header cells")
        #expect(tree.count("L") >= brief.speakers / 2 && tree.count("LI") > tree.count("L") && tree.count("Lbl") == tree.count("LI"))
        let edges = tree.edges
        for edge in ["Document>Sect", "Sect>H1", "TOC>TOCI", "TOCI>Link", "Table>TR", "TR>TH", "TR>TD", "L>LI", "LI>Lbl", "LI>LBody", "Sect>Sect"] {
            #expect(edges.contains(edge), "no \(edge)")
        }
        for edge in edges {
            let (parent, child) = (edge.split(separator: ">")[0], edge.split(separator: ">")[1])
            if child == "TOCI" { #expect(parent == "TOC") }
            if child == "TR" { #expect(parent == "Table") }
            if child == "TD" || child == "TH" { #expect(parent == "TR") }
            if child == "LI" { #expect(parent == "L") }
        }
        // Every link element holds its annotation; a heading's levels never skip.
        #expect(tree.elements.values.filter { $0.type == "Link" }.allSatisfy { $0.annotations == 1 })
        var level = 0
        for type in order where type.count == 2 && type.hasPrefix("H") {
            let next = Int(type.dropFirst()) ?? 0
            #expect(next <= level + 1, "\(type) after H\(level)")
            level = next
        }
    }

    /// Copying text, searching it and reading it aloud follow the content stream: every
    /// summary paragraph and numbered point must come out whole and in order.
    @Test(arguments: briefs)
    func summariesComeOutWholeAndInOrder(brief: Brief) throws {
        let extractors: [(String, [String])] = [
            ("pdfminer", [Repository.path(".build/venv/bin/pdf2txt.py"), brief.path]),
            ("mutool", ["mutool", "draw", "-q", "-F", "txt", brief.path]),
        ]
        let speakers = BriefFixtures.loaded.summit.speakers
        for (name, command) in extractors {
            let run = try ToolRun.run(command[0], Array(command.dropFirst()))
            #expect(run.status == 0, "\(name): \(run.stderr)")
            let text = run.stdout.squeezed
            var position = text.startIndex
            var missing: [String] = []
            for speaker in speakers {
                for unit in speaker.summary.units {
                    let wanted = unit.text.squeezed
                    if let found = text.range(of: wanted, range: position..<text.endIndex) {
                        position = found.upperBound
                    } else {
                        missing.append("\(speaker.number): \(wanted.prefix(20))")
                    }
                }
            }
            #expect(missing.isEmpty, "\(name) does not find, in order: \(missing.prefix(4))")
            #expect(text.contains("Mr.JiříSnižek"), "\(name): fallback letters out of their name")
        }
    }

    /// Zero failures in both profiles of page-validation and zero errors in outloud. The one
    /// warning outloud may give is PAG-001 on the 130-speaker brief, whose scaled data repeats
    /// the same names with other copy numbers on pages of one layout, which outloud takes for a
    /// running header; the real briefs give none.
    @Test(arguments: briefs)
    func pdfUAAndPDFAWithNoFindings(brief: Brief) throws {
        for profile in [PDFCheckers.Profile.pdfUA1, .pdfA2u] {
            let failures = try PDFCheckers.pageValidation(brief.path, profile: profile)
            #expect(failures.isEmpty, "\(profile): \(failures.prefix(5))")
        }
        let report = try PDFCheckers.outloud(brief.path)
        #expect(report.errors == 0, "\(report.findings.filter { $0.severity == "error" }.prefix(5))")
        let warnings = report.findings.filter { $0.severity == "warning" }
        if brief.speakers == 13 {
            #expect(warnings.isEmpty, "\(warnings.prefix(5))")
        } else {
            #expect(warnings.allSatisfy { $0.rule == "PAG-001" }, "\(warnings.prefix(5))")
        }
        let tree = try Tree(brief.path)
        #expect(tree.catalogLanguage == brief.language)
    }
}
