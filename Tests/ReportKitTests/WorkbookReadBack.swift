import Foundation
import ReportTestSupport

/// A workbook as openpyxl reads it (`Tests/Scripts/xlsx-dump`, run with the test virtual
/// environment's python): what an analyst's tools see, not what we meant to write.
struct WorkbookReadBack: Decodable {
    struct Cell: Decodable, Equatable {
        /// `s` text, `n` number, `d` date, `f` formula, `b` boolean.
        var t: String
        var v: String
        /// The number format (`0.0%`, `General` …).
        var f: String
    }

    struct Sheet: Decodable {
        var freeze: String?
        var autofilter: String?
        var rows: [[Cell?]]
        /// Solid fills by cell (`E2` → `FFC7E9B4`).
        var fills: [String: String]
        /// Link targets by cell (`A2` → `'speakers'!A2`).
        var links: [String: String]
        var fonts: [String]
        var wrapped: [String]

        func cell(_ row: Int, _ column: Int) -> Cell? {
            row < rows.count && column < rows[row].count ? rows[row][column] : nil
        }
    }

    var sheets: [String]
    var properties: [String: String]
    var custom: [String: String]
    var details: [String: Sheet]

    /// The python of `.build/venv` (`make test` makes it; by hand: `python3 -m venv .build/venv &&
    /// .build/venv/bin/pip install openpyxl`). Missing, it is a failure, not a skip.
    static var python: String { Repository.path(".build/venv/bin/python") }

    init(_ path: String) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.python) else {
            throw ReadBackError("no \(Self.python): create it with `python3 -m venv .build/venv && .build/venv/bin/pip install openpyxl`")
        }
        let run = try ToolRun.run(Self.python, [Repository.path("Tests/Scripts/xlsx-dump"), path])
        guard run.status == 0 else { throw ReadBackError("xlsx-dump failed (\(run.status)): \(run.stderr)") }
        self = try JSONDecoder().decode(Self.self, from: run.stdoutBytes)
    }

    /// `A`, `B` … `Z`, `AA` for a 0-based column.
    static func columnName(_ index: Int) -> String {
        var index = index + 1, name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }
}

struct ReadBackError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
