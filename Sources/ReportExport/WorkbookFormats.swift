import CXLSXWriter

/// The cell formats of one workbook, made once: every one carries the CJK font, so Chinese
/// never falls back to whatever the spreadsheet's default font lacks. libxlsxwriter owns
/// the formats and frees them with the workbook.
final class WorkbookFormats {
    typealias Format = UnsafeMutablePointer<lxw_format>

    private let workbook: UnsafeMutablePointer<lxw_workbook>
    let font: String
    let header: Format?
    let text: Format?
    let wrapped: Format?
    let integer: Format?
    let share: Format?
    let date: Format?
    let moment: Format?
    let link: Format?
    let title: Format?
    let label: Format?
    private var swatches: [HeatmapFills.Swatch: Format?] = [:]
    private var legendSwatches: [HeatmapFills.Swatch: Format?] = [:]

    /// The header fill and rule: the brief's panel and rule colours.
    static let headerFill: UInt32 = 0xEAF0F6
    static let rule: UInt32 = 0xC5CDD6
    static let linkColor: UInt32 = 0x1F4E79

    init(workbook: UnsafeMutablePointer<lxw_workbook>, font: String) {
        self.workbook = workbook
        self.font = font
        func make(_ configure: (Format) -> Void = { _ in }) -> Format? {
            guard let format = workbook_add_format(workbook) else { return nil }
            format_set_font_name(format, font)
            format_set_font_size(format, 10)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            configure(format)
            return format
        }
        header = make { format in
            format_set_bold(format)
            format_set_bg_color(format, Self.headerFill)
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_bottom_color(format, Self.rule)
        }
        text = make()
        wrapped = make { format_set_text_wrap($0) }
        integer = make { format_set_num_format($0, "0") }
        share = make { format_set_num_format($0, "0.0%") }
        date = make { format_set_num_format($0, "yyyy-mm-dd") }
        moment = make { format_set_num_format($0, "yyyy-mm-dd hh:mm:ss") }
        link = make { format in
            format_set_font_color(format, Self.linkColor)
            format_set_underline(format, UInt8(LXW_UNDERLINE_SINGLE.rawValue))
        }
        title = make { format in
            format_set_bold(format)
            format_set_font_size(format, 14)
        }
        label = make { format_set_bold($0) }
    }

    /// A heatmap cell: the scale's fill, its text colour, the number centred.
    func heat(_ swatch: HeatmapFills.Swatch) -> Format? { filled(swatch, outlined: false) }

    /// A legend entry: the swatch with its label, outlined so that the lightest fill shows.
    func legend(_ swatch: HeatmapFills.Swatch) -> Format? { filled(swatch, outlined: true) }

    private func filled(_ swatch: HeatmapFills.Swatch, outlined: Bool) -> Format? {
        if let format = (outlined ? legendSwatches : swatches)[swatch] { return format }
        let format = workbook_add_format(workbook)
        if let format {
            format_set_font_name(format, font)
            format_set_font_size(format, 10)
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            format_set_bg_color(format, swatch.fill)
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_font_color(format, swatch.ink)
            if outlined {
                format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
                format_set_border_color(format, Self.rule)
            } else {
                format_set_num_format(format, "0")
            }
        }
        if outlined { legendSwatches[swatch] = format } else { swatches[swatch] = format }
        return format
    }
}
