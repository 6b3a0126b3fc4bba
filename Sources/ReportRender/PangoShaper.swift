import CPangoCairo
import ReportLayout

/// Shapes text with Pango (HarfBuzz under it) for the layout, and keeps the fonts it used
/// so the PDF painter can draw the very same glyphs: every paragraph is shaped once.
///
/// One Pango context set up as the notes require: 72 dpi (sizes are absolute points),
/// language `zh-tw` so the Traditional Chinese forms and punctuation are chosen, unhinted
/// metrics and unrounded glyph positions for even spacing in print.
public final class PangoShaper: TextShaper, @unchecked Sendable {
    /// Handles for the fonts this shaper uses, shared with the other shapers of a run.
    public let registry: FontRegistry
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    /// Reused for every item: Pango grows it as needed.
    private let glyphString: UnsafeMutablePointer<PangoGlyphString>?
    private var descriptions: [FontSpec: OpaquePointer] = [:]
    /// Handles already asked of the registry, by font.
    private var handles: [UnsafeMutableRawPointer: Int32] = [:]
    /// Text shaped before: the same words in the same styles shape the same way, so a
    /// heading, a label or a repeated paragraph is shaped once and its result shared (it
    /// cannot change: `ShapedText` is immutable).
    private var shaped: [ShapeKey: ShapedText] = [:]

    private struct ShapeKey: Hashable {
        var text: RichText
        var cjkLatinSpacing: Bool
    }

    /// A shaper with its own Pango font map and context (Pango objects are not shared
    /// between threads), reporting fonts to `registry`.
    public init(language: String = "zh-tw", registry: FontRegistry = FontRegistry()) {
        self.registry = registry
        fontMap = pango_cairo_font_map_new()
        pango_cairo_font_map_set_resolution(OpaquePointer(fontMap), 72)
        context = pango_font_map_create_context(fontMap)
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_language(context, pango_language_from_string(language))
        pango_context_set_round_glyph_positions(context, 0)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        glyphString = pango_glyph_string_new()
    }

    deinit {
        for description in descriptions.values { pango_font_description_free(description) }
        pango_glyph_string_free(glyphString)
        report_object_unref(UnsafeMutableRawPointer(context))
        report_object_unref(fontMap)
    }

    public func hasFamily(_ family: String) -> Bool {
        installedFamilies().contains { $0.caseInsensitiveCompare(family) == .orderedSame }
    }

    /// Font families installed on this machine, as fontconfig names them.
    public func installedFamilies() -> Set<String> {
        var families: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        pango_font_map_list_families(fontMap, &families, &count)
        defer { g_free(families) }
        var names = Set<String>()
        for index in 0..<Int(count) {
            if let family = families?[index], let name = pango_font_family_get_name(family) { names.insert(String(cString: name)) }
        }
        return names
    }

    private func description(for font: FontSpec) -> OpaquePointer? {
        if let cached = descriptions[font] { return cached }
        guard let description = pango_font_description_new() else { return nil }
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
        descriptions[font] = description
        return description
    }

    private func handle(for font: UnsafeMutablePointer<PangoFont>?) -> Int32 {
        guard let font else { return -1 }
        let key = UnsafeMutableRawPointer(font)
        if let handle = handles[key] { return handle }
        let handle = registry.handle(for: font)
        handles[key] = handle
        return handle
    }

    public func shape(_ text: RichText, cjkLatinSpacing: Bool) -> ShapedText {
        let key = ShapeKey(text: text, cjkLatinSpacing: cjkLatinSpacing)
        if let known = shaped[key] { return known }
        let result = shapeAnew(text, cjkLatinSpacing: cjkLatinSpacing)
        shaped[key] = result
        return result
    }

    private func shapeAnew(_ text: RichText, cjkLatinSpacing: Bool) -> ShapedText {
        var utf8: [UInt8] = []
        var spanStarts: [Int] = []
        for span in text.spans {
            spanStarts.append(utf8.count)
            utf8.append(contentsOf: span.text.utf8)
        }
        guard !utf8.isEmpty else {
            return ShapedText(utf8: [], spans: text.spans, spanStarts: spanStarts, clusters: [], glyphs: [], missingCharacters: [],
                              cjkLatinSpacing: cjkLatinSpacing)
        }
        let attributes = pango_attr_list_new()
        defer { pango_attr_list_unref(attributes) }
        for (index, span) in text.spans.enumerated() where !span.text.isEmpty {
            guard let attribute = pango_attr_font_desc_new(description(for: span.style.font)) else { continue }
            attribute.pointee.start_index = UInt32(spanStarts[index])
            attribute.pointee.end_index = UInt32(spanStarts[index] + span.text.utf8.count)
            pango_attr_list_insert(attributes, attribute)
        }

        var clusters: [ShapedCluster] = []
        var glyphs: [ShapedGlyph] = []
        var missing: [Unicode.Scalar] = []
        clusters.reserveCapacity(utf8.count / 2)
        glyphs.reserveCapacity(utf8.count / 2)
        var spanIndex = 0
        utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress else { return }
                let length = Int32(chars.count)
                // Itemize (scripts, font fallback per character) and shape each item: the
                // same work PangoLayout does, without the line breaking we do ourselves.
                let items = pango_itemize(context, base, 0, length, attributes, nil)
                defer {
                    var node = items
                    while let current = node {
                        pango_item_free(current.pointee.data?.assumingMemoryBound(to: PangoItem.self))
                        node = current.pointee.next
                    }
                    g_list_free(items)
                }
                var node = items
                while let current = node {
                    defer { node = current.pointee.next }
                    guard let item = current.pointee.data?.assumingMemoryBound(to: PangoItem.self).pointee else { continue }
                    var analysis = item.analysis
                    pango_shape_with_flags(base + Int(item.offset), item.length, base, length, &analysis, glyphString, PANGO_SHAPE_NONE)
                    guard let string = glyphString?.pointee, let infos = string.glyphs, let logClusters = string.log_clusters else { continue }
                    let font = handle(for: item.analysis.font)
                    let itemStart = Int(item.offset), itemEnd = Int(item.offset + item.length)
                    let count = Int(string.num_glyphs)
                    var g = 0
                    while g < count {
                        let clusterStart = itemStart + Int(logClusters[g])
                        var next = g + 1
                        while next < count, logClusters[next] == logClusters[g] { next += 1 }
                        let clusterEnd = next < count ? itemStart + Int(logClusters[next]) : itemEnd
                        let glyphStart = glyphs.count
                        var advance: Float = 0
                        for k in g..<next {
                            let info = infos[k]
                            var id = info.glyph
                            if id & 0x1000_0000 != 0 && id != 0x0FFF_FFFF, let scalar = Unicode.Scalar(id & 0x0FFF_FFFF),
                               !scalar.properties.isWhitespace {
                                missing.append(scalar)
                                id = 0
                            }
                            let width = Float(info.geometry.width) / Float(PANGO_SCALE)
                            glyphs.append(ShapedGlyph(id: id, advance: width, xOffset: Float(info.geometry.x_offset) / Float(PANGO_SCALE),
                                                      yOffset: Float(info.geometry.y_offset) / Float(PANGO_SCALE)))
                            advance += width
                        }
                        let lower = min(clusterStart, clusterEnd), upper = max(clusterStart, clusterEnd)
                        while spanIndex + 1 < spanStarts.count, spanStarts[spanIndex + 1] <= lower { spanIndex += 1 }
                        clusters.append(ShapedCluster(utf8: lower..<upper, glyphs: glyphStart..<glyphs.count, advance: advance, font: font,
                                                      span: Int32(spanIndex), first: Self.scalar(at: lower, in: utf8),
                                                      last: Self.scalar(before: upper, in: utf8)))
                        g = next
                    }
                }
            }
        }
        return ShapedText(utf8: utf8, spans: text.spans, spanStarts: spanStarts, clusters: clusters, glyphs: glyphs,
                          missingCharacters: missing, cjkLatinSpacing: cjkLatinSpacing)
    }

    static func scalar(at offset: Int, in utf8: [UInt8]) -> Unicode.Scalar {
        guard offset < utf8.count else { return " " }
        var iterator = utf8[offset...].makeIterator()
        var decoder = UTF8()
        if case let .scalarValue(scalar) = decoder.decode(&iterator) { return scalar }
        return " "
    }

    static func scalar(before end: Int, in utf8: [UInt8]) -> Unicode.Scalar {
        var start = max(0, end - 1)
        while start > 0, utf8[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start, in: utf8)
    }
}
