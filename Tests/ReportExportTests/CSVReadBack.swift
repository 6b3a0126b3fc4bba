import CSV
import Foundation

/// Reads CSV bytes back with a real CSV reader (yaslab/CSV.swift), as a spreadsheet would.
struct CSVReadBack {
    var header: [String]
    var rows: [[String]]

    init(_ bytes: [UInt8]) throws {
        let reader = try CSVReader(stream: InputStream(data: Data(bytes)), codecType: UTF8.self, hasHeaderRow: true)
        header = reader.headerRow ?? []
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        if let error = reader.error { throw error }
        self.rows = rows
    }

    func column(_ name: String) -> [String] {
        guard let index = header.firstIndex(of: name) else { return [] }
        return rows.map { $0[index] }
    }
}
