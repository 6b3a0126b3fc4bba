/// A CSV file as spreadsheets want it: UTF-8 with a byte-order mark (without it Excel shows
/// Chinese as mojibake), CRLF between records, RFC 4180 quoting, one header row.
public struct CSVTable: Sendable, Hashable {
    public var name: String
    public var header: [String]
    public var rows: [[CSVCell]]

    public init(name: String, header: [String], rows: [[CSVCell]] = []) {
        self.name = name
        self.header = header
        self.rows = rows
    }

    /// The name without `.csv`: the workbook's sheet for the table and its key in the data
    /// dictionary (`speakers`).
    public var sheetName: String { name.hasSuffix(".csv") ? String(name.dropLast(4)) : name }

    public var bytes: [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(rows.count * 128)
        func record(_ cells: [CSVCell]) {
            for (index, cell) in cells.enumerated() {
                if index > 0 { out.append(0x2C) }
                cell.append(to: &out)
            }
            out.append(contentsOf: [0x0D, 0x0A])
        }
        record(header.map(CSVCell.text))
        for row in rows { record(row) }
        return out
    }
}
