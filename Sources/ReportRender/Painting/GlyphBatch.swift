import CPangoCairo
import ReportStyle

/// Glyphs in one font and colour, with their text and cluster map (so that the PDF's text
/// can be copied and searched), waiting to be drawn in one call.
struct GlyphBatch {
    var font: Int32 = -1
    var color = Color.black
    var glyphs: [cairo_glyph_t] = []
    var clusters: [cairo_text_cluster_t] = []
    var bytes: [UInt8] = []

    mutating func flush(on cr: OpaquePointer, fonts: FontTable) {
        defer {
            glyphs.removeAll(keepingCapacity: true)
            clusters.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
        }
        guard !glyphs.isEmpty, let scaledFont = fonts.font(font) else { return }
        cairo_set_scaled_font(cr, scaledFont)
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { text in
                cairo_show_text_glyphs(cr, text.baseAddress, Int32(text.count), glyphs, Int32(glyphs.count), clusters,
                                       Int32(clusters.count), cairo_text_cluster_flags_t(0))
            }
        }
    }
}
