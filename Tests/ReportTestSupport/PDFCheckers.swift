import Foundation

/// The checkers an assistive reader or an archive would trust, run from the virtual
/// environment `make test` makes under `.build/venv` (page-validation, outloud, pdfminer.six).
///
/// A missing checker throws, so the test fails instead of passing unchecked: `make test`
/// installs them, and a test that skipped them would claim what nobody checked.
public enum PDFCheckers {
    /// The virtual environment's Python.
    public static var python: String { Repository.path(".build/venv/bin/python") }

    /// page-validation's profiles.
    public enum Profile: String, Sendable {
        case pdfUA1 = "PDF_UA_1"
        case pdfA2u = "PDF_A_2U"
    }

    /// One failed rule of page-validation.
    public struct Failure: Sendable, CustomStringConvertible {
        public var ruleID: String
        public var message: String
        public var description: String { "\(ruleID): \(message)" }
    }

    /// One finding of outloud.
    public struct Finding: Sendable, CustomStringConvertible {
        public var rule: String
        public var severity: String
        public var message: String
        public var page: String?
        public var description: String { "\(severity) \(rule)\(page.map { " (page \($0))" } ?? ""): \(message)" }
    }

    /// What outloud said about a file.
    public struct OutloudReport: Sendable {
        public var errors: Int
        public var warnings: Int
        public var findings: [Finding]
    }

    public struct CheckerError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The failures of page-validation for `profile` (empty: the file conforms).
    public static func pageValidation(_ path: String, profile: Profile) throws -> [Failure] {
        let script = """
        import json, sys, page
        r = page.validate_pdf(sys.argv[1], profile=getattr(page.ValidationProfile, sys.argv[2]))
        print(json.dumps([[f.rule_id, f.message] for f in r.failures], ensure_ascii=False))
        """
        let output = try runPython(script, [path, profile.rawValue], tool: "page-validation")
        guard let rows = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String]] else {
            throw CheckerError(description: "page-validation printed something else than its failures: \(output.prefix(300))")
        }
        return rows.map { Failure(ruleID: $0.first ?? "?", message: $0.count > 1 ? $0[1] : "") }
    }

    /// outloud's error and warning counts, with its findings.
    public static func outloud(_ path: String) throws -> OutloudReport {
        let outloud = Repository.path(".build/venv/bin/outloud")
        guard FileManager.default.isExecutableFile(atPath: outloud) else { throw missing("outloud") }
        let run = try ToolRun.run(outloud, ["--json", "-", path])
        guard let json = try? JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any],
              let result = (json["results"] as? [[String: Any]])?.first,
              let counts = result["counts"] as? [String: Any] else {
            throw CheckerError(description: "outloud failed (\(run.status)): \(run.stdout.prefix(300)) \(run.stderr.prefix(300))")
        }
        if let error = result["error"] as? String { throw CheckerError(description: "outloud could not read \(path): \(error)") }
        let findings = (result["findings"] as? [[String: Any]] ?? []).map { finding in
            Finding(rule: "\(finding["rule"] ?? "?")", severity: "\(finding["severity"] ?? "?")", message: "\(finding["message"] ?? "")",
                    page: finding["page"].map { "\($0)" })
        }
        return OutloudReport(errors: counts["error"] as? Int ?? -1, warnings: counts["warning"] as? Int ?? -1, findings: findings)
    }

    /// Content that is neither in a tagged sequence (one with an /MCID) nor in an /Artifact,
    /// page by page, as pdfminer reads the content streams (`page 2: Tj at depth 0`); and
    /// marked-content sequences that cross BT or ET. Empty: every piece of content is accounted for.
    public static func untaggedContent(_ path: String) throws -> [String] {
        let script = """
        import sys, json
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfinterp import PDFContentParser
        from pdfminer.psparser import PSKeyword, PSLiteral, PSEOF
        from pdfminer.pdftypes import resolve1
        problems = []
        content_ops = {'m', 're', 'sh', 'Do', 'BI', 'Tj', 'TJ', "'", '"'}
        with open(sys.argv[1], 'rb') as f:
            doc = PDFDocument(PDFParser(f))
            for number, page in enumerate(PDFPage.create_pages(doc), 1):
                streams = page.contents if isinstance(page.contents, list) else [page.contents]
                parser = PDFContentParser([resolve1(s) for s in streams])
                stack = []   # (covers, opened_in_text)
                in_text = False
                operands = []
                while True:
                    try:
                        _, obj = parser.nextobject()
                    except PSEOF:
                        break
                    if not isinstance(obj, PSKeyword):
                        operands.append(obj)
                        continue
                    op = obj.name.decode('latin1')
                    if op in ('BDC', 'BMC'):
                        tag = operands[0].name if operands and isinstance(operands[0], PSLiteral) else ''
                        props = resolve1(operands[1]) if len(operands) > 1 else None
                        covers = tag == 'Artifact' or (isinstance(props, dict) and 'MCID' in props)
                        stack.append((covers, in_text))
                    elif op == 'EMC':
                        if not stack:
                            problems.append('page %d: EMC without a sequence' % number)
                        else:
                            _, opened_in_text = stack.pop()
                            if opened_in_text != in_text:
                                problems.append('page %d: a marked-content sequence crosses BT/ET' % number)
                    elif op == 'BT':
                        in_text = True
                    elif op == 'ET':
                        in_text = False
                    elif op in content_ops and not any(c for c, _ in stack):
                        problems.append('page %d: %s at depth 0' % (number, op))
                    operands = []
                if stack:
                    problems.append('page %d: %d marked-content sequence(s) left open' % (number, len(stack)))
        print(json.dumps(problems))
        """
        let output = try runPython(script, [path], tool: "pdfminer.six")
        guard let problems = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String] else {
            throw CheckerError(description: "the content walk printed something else: \(output.prefix(300))")
        }
        return problems
    }

    /// The text of a PDF as pdfminer extracts it (in content-stream order).
    public static func pdfminerText(_ path: String) throws -> String {
        try runPython("import sys\nfrom pdfminer.high_level import extract_text\nprint(extract_text(sys.argv[1]))", [path], tool: "pdfminer.six")
    }

    private static func runPython(_ script: String, _ arguments: [String], tool: String) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: python) else { throw missing(tool) }
        let run = try ToolRun.run(python, ["-c", script] + arguments)
        guard run.status == 0 else {
            if run.stderr.contains("ModuleNotFoundError") { throw missing(tool) }
            throw CheckerError(description: "\(tool) failed (\(run.status)): \(run.stderr.suffix(600))")
        }
        return run.stdout
    }

    private static func missing(_ tool: String) -> CheckerError {
        CheckerError(description: "\(tool) is not installed in \(Repository.path(".build/venv")): run `make test` (it makes the virtual environment and installs page-validation, outloud, pdfminer.six and openpyxl)")
    }
}
