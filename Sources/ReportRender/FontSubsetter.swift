import CPangoCairo
import ReportLayout

/// Cuts each font face down to the glyphs the document uses before Cairo embeds it.
///
/// Cairo 1.16 embeds every CFF subroutine of a face when it cannot parse a charstring,
/// which for Noto Sans CJK is about a megabyte per face. HarfBuzz's subsetter keeps only
/// the glyphs (and subroutines) in use; glyph ids are kept, so the glyphs the shaper chose
/// draw unchanged from the small face, and Cairo's own subset of it is small too.
final class FontSubsetter {
    private var library: FT_Library?
    private var faces: [FT_Face] = []
    private var cairoFaces: [OpaquePointer] = []
    private var buffers: [UnsafeMutableRawBufferPointer] = []
    private var scaledFonts: [Int32: OpaquePointer] = [:]

    init() {
        FT_Init_FreeType(&library)
    }

    deinit {
        for font in scaledFonts.values { cairo_scaled_font_destroy(font) }
        for face in cairoFaces { cairo_font_face_destroy(face) }
        for face in faces { FT_Done_Face(face) }
        if let library { FT_Done_FreeType(library) }
        for buffer in buffers { buffer.deallocate() }
    }

    /// The Cairo font to draw a shaper handle's glyphs with (nil: use the shaper's own).
    func font(for handle: Int32) -> OpaquePointer? { scaledFonts[handle] }

    /// Subsets every face used in `document` and makes a Cairo font per shaper handle.
    func prepare(_ document: LaidOutDocument, shaper: PangoShaper) {
        var glyphsByHandle: [Int32: Set<UInt32>] = [:]
        var seen = Set<ObjectIdentifier>()
        for page in document.pages {
            for line in page.textLines where seen.insert(ObjectIdentifier(line.shaped)).inserted {
                for cluster in line.shaped.clusters {
                    for glyph in line.shaped.glyphs[cluster.glyphRange] {
                        glyphsByHandle[cluster.font, default: []].insert(glyph.id)
                    }
                }
            }
        }
        // Handles that share a face (one face at several sizes) share one subset.
        var handlesByFace: [UnsafeMutableRawPointer: [Int32]] = [:]
        var faceOf: [UnsafeMutableRawPointer: OpaquePointer] = [:]
        for handle in glyphsByHandle.keys.sorted() {
            guard let font = shaper.font(handle), let hbFont = pango_font_get_hb_font(font), let face = hb_font_get_face(hbFont) else { continue }
            let key = UnsafeMutableRawPointer(face)
            handlesByFace[key, default: []].append(handle)
            faceOf[key] = face
        }
        for (key, handles) in handlesByFace.sorted(by: { $0.value[0] < $1.value[0] }) {
            guard let face = faceOf[key] else { continue }
            var glyphs = Set<UInt32>([0])
            for handle in handles { glyphs.formUnion(glyphsByHandle[handle] ?? []) }
            guard let cairoFace = subsetFace(face, glyphs: glyphs) else { continue }
            for handle in handles {
                guard let original = shaper.scaledFont(handle) else { continue }
                var fontMatrix = cairo_matrix_t(), ctm = cairo_matrix_t()
                cairo_scaled_font_get_font_matrix(original, &fontMatrix)
                cairo_matrix_init_identity(&ctm)
                let options = cairo_font_options_create()
                cairo_scaled_font_get_font_options(original, options)
                if let scaled = cairo_scaled_font_create(cairoFace, &fontMatrix, &ctm, options),
                   cairo_scaled_font_status(scaled) == CAIRO_STATUS_SUCCESS {
                    scaledFonts[handle] = scaled
                }
                cairo_font_options_destroy(options)
            }
        }
    }

    private func subsetFace(_ face: OpaquePointer, glyphs: Set<UInt32>) -> OpaquePointer? {
        guard let library, let input = hb_subset_input_create_or_fail() else { return nil }
        defer { hb_subset_input_destroy(input) }
        let glyphSet = hb_subset_input_glyph_set(input)
        for glyph in glyphs { hb_set_add(glyphSet, glyph) }
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue | HB_SUBSET_FLAGS_NO_HINTING.rawValue)
        // Layout tables are for shaping, which is done: drop them.
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "DSIG"] {
            let c = Array(tag.utf8).map { CChar(bitPattern: $0) }
            hb_set_add(drop, report_hb_tag(c[0], c[1], c[2], c[3]))
        }
        guard let subset = hb_subset_or_fail(face, input) else { return nil }
        defer { hb_face_destroy(subset) }
        let blob = hb_face_reference_blob(subset)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return nil }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Int(length), alignment: 8)
        buffer.copyMemory(from: UnsafeRawBufferPointer(start: data, count: Int(length)))
        var ftFace: FT_Face?
        guard FT_New_Memory_Face(library, buffer.bindMemory(to: FT_Byte.self).baseAddress, FT_Long(length), 0, &ftFace) == 0, let ftFace else {
            buffer.deallocate()
            return nil
        }
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(ftFace, 0) else {
            FT_Done_Face(ftFace)
            buffer.deallocate()
            return nil
        }
        buffers.append(buffer)
        faces.append(ftFace)
        cairoFaces.append(cairoFace)
        return cairoFace
    }
}
