import CXLSXWriter
import Foundation

/// One worksheet being written: typed cells, links, widths and heights, each libxlsxwriter
/// call checked. Text goes in as text whatever it looks like (`=1+1`, `0012`, `8%`):
/// libxlsxwriter writes a string cell, never a formula or a number.
struct SheetWriter {
    let sheet: UnsafeMutablePointer<lxw_worksheet>
    let formats: WorkbookFormats
    /// Cells cut to Excel's limit of characters.
    private(set) var truncated = 0

    init(sheet: UnsafeMutablePointer<lxw_worksheet>, formats: WorkbookFormats) {
        self.sheet = sheet
        self.formats = formats
    }

    private func check(_ status: lxw_error, _ what: String, _ row: Int, _ column: Int) throws(WorkbookError) {
        guard status == LXW_NO_ERROR else {
            throw WorkbookError("libxlsxwriter could not write \(what) at row \(row + 1), column \(column + 1): \(String(cString: lxw_strerror(status)))")
        }
    }

    /// A cell of the column type `kind`: dates from ISO days, everything else as the table has it.
    mutating func cell(_ row: Int, _ column: Int, _ cell: CSVCell, kind: ColumnInfo.Kind) throws(WorkbookError) {
        switch cell {
        case .empty:
            return
        case let .integer(value):
            try number(row, column, Double(value), formats.integer)
        case let .number(value):
            guard value.isFinite else { return }
            try number(row, column, value, kind == .share ? formats.share : kind == .integer ? formats.integer : formats.text)
        case let .text(text):
            // An empty text is an empty cell, as in the CSV file.
            if text.isEmpty { return }
            if kind == .date, let day = Self.day(text) {
                var value = day
                try check(worksheet_write_datetime(sheet, UInt32(row), UInt16(column), &value, formats.date), "a date", row, column)
            } else {
                try string(row, column, text, kind == .longText ? formats.wrapped : formats.text)
            }
        }
    }

    mutating func number(_ row: Int, _ column: Int, _ value: Double, _ format: WorkbookFormats.Format?) throws(WorkbookError) {
        try check(worksheet_write_number(sheet, UInt32(row), UInt16(column), value, format), "a number", row, column)
    }

    mutating func string(_ row: Int, _ column: Int, _ text: String, _ format: WorkbookFormats.Format?) throws(WorkbookError) {
        let kept = kept(text)
        try check(worksheet_write_string(sheet, UInt32(row), UInt16(column), kept, format), "a text", row, column)
    }

    /// A label in Chinese and in English, bold, in the first two columns.
    mutating func labels(_ row: Int, _ zh: String, _ en: String) throws(WorkbookError) {
        try string(row, 0, zh, formats.label)
        try string(row, 1, en, formats.label)
    }

    /// A date-and-time cell, in UTC.
    mutating func moment(_ row: Int, _ column: Int, _ date: Date) throws(WorkbookError) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        var value = lxw_datetime(year: Int32(parts.year ?? 1970), month: Int32(parts.month ?? 1), day: Int32(parts.day ?? 1),
                                 hour: Int32(parts.hour ?? 0), min: Int32(parts.minute ?? 0), sec: Double(parts.second ?? 0))
        try check(worksheet_write_datetime(sheet, UInt32(row), UInt16(column), &value, formats.moment), "a date", row, column)
    }

    /// A link inside the workbook (`internal:'speakers'!A5`) shown as `text`; past Excel's
    /// number of links a sheet may have, the text alone.
    mutating func link(_ row: Int, _ column: Int, to target: String, text: String) throws(WorkbookError) {
        let status = worksheet_write_url_opt(sheet, UInt32(row), UInt16(column), target, formats.link, kept(text), nil)
        if status == LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED {
            try string(row, column, text, formats.text)
            return
        }
        try check(status, "a link", row, column)
    }

    func setWidth(_ column: Int, _ width: Double) {
        worksheet_set_column(sheet, UInt16(column), UInt16(column), width, nil)
    }

    /// Must come before the row's first cell: in constant-memory mode a row is final once
    /// the next one starts.
    func setHeight(_ row: Int, _ height: Double) {
        worksheet_set_row(sheet, UInt32(row), height, nil)
    }

    func freezeHeader() {
        worksheet_freeze_panes(sheet, 1, 0)
    }

    /// Text that looks like a number (`0012`, `2021`) is text on purpose: no green triangles.
    func textMayLookLikeNumbers() {
        worksheet_ignore_errors(sheet, UInt8(LXW_IGNORE_NUMBER_STORED_AS_TEXT.rawValue), "A1:XFD1048576")
    }

    func autofilter(firstRow: Int, lastRow: Int, columns: Int) throws(WorkbookError) {
        guard columns > 0 else { return }
        try check(worksheet_autofilter(sheet, UInt32(firstRow), 0, UInt32(lastRow), UInt16(columns - 1)), "the autofilter", firstRow, 0)
    }

    /// The text, or its first characters and `…` when it is longer than a cell may be.
    private mutating func kept(_ text: String) -> String {
        let limit = WorkbookWriter.maximumCellCharacters
        guard text.utf8.count > limit, text.unicodeScalars.count > limit else { return text }
        truncated += 1
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.prefix(limit - 1))
        return String(scalars) + "…"
    }

    /// `2021-03-23` as a date, or nil when the text is not an ISO day.
    static func day(_ text: String) -> lxw_datetime? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int32(parts[0]), let month = Int32(parts[1]), let day = Int32(parts[2]),
              (1900...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days: [Int32] = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= days[Int(month) - 1] else { return nil }
        return lxw_datetime(year: year, month: month, day: day, hour: 0, min: 0, sec: 0)
    }
}
