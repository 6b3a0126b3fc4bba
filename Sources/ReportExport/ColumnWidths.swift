/// Column widths and row heights from the text, in spreadsheet characters: a CJK character
/// counts two, as it is drawn twice as wide. Only the first rows are measured: the widths
/// of a thousand similar rows are those of the first few hundred.
enum ColumnWidths {
    static let sampledRows = 400
    static let narrowest = 6.0
    static let widest = 40.0

    /// How wide a character is drawn: 2 for East Asian wide and full-width ones.
    static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// The width of the widest line of `text`.
    static func width(of text: String) -> Int {
        var widest = 0, current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                widest = max(widest, current)
                current = 0
            } else {
                current += width(of: scalar)
            }
        }
        return max(widest, current)
    }

    /// How many lines `text` takes wrapped at `width` characters, at most `limit`.
    static func lines(_ text: String, width: Double, limit: Int) -> Int {
        let usable = max(1, Int(width) - 1)
        var lines = 1, current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                lines += 1
                current = 0
            } else {
                current += self.width(of: scalar)
                if current > usable {
                    lines += 1
                    current = self.width(of: scalar)
                }
            }
            if lines >= limit { return limit }
        }
        return lines
    }

    /// A width per column: long text a fixed wide column (wrapped), `compact` columns (the
    /// heatmap's numbers) as wide as their header, the others as their widest sampled cell.
    static func estimate(_ table: CSVTable, kinds: [ColumnInfo.Kind], compact: Set<Int>) -> [Double] {
        table.header.indices.map { column in
            if kinds[column] == .longText { return WorkbookWriter.longTextWidth }
            let header = width(of: table.header[column])
            if compact.contains(column) { return Double(min(max(header, 4) + 2, 20)) }
            var content = 0
            for row in table.rows.prefix(sampledRows) where column < row.count {
                switch row[column] {
                case let .text(text): content = max(content, width(of: text))
                case let .integer(value): content = max(content, String(value).count)
                case .number: content = max(content, row[column].encoded.count)
                case .empty: break
                }
            }
            if kinds[column] == .share { content = max(content, 6) }
            if kinds[column] == .date { content = max(content, 10) }
            return min(max(Double(max(header, content) + 2), narrowest), widest)
        }
    }
}
