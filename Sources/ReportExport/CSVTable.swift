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

    public var bytes: [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(rows.count * 128)
        func record(_ cells: [String]) {
            out.append(contentsOf: cells.joined(separator: ",").utf8)
            out.append(contentsOf: [0x0D, 0x0A])
        }
        record(header.map { CSVCell.text($0).encoded })
        for row in rows { record(row.map(\.encoded)) }
        return out
    }
}
