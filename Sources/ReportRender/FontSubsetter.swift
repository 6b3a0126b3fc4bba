import CPangoCairo
import ReportLayout

/// Cuts each font face down to the glyphs the document uses before Cairo embeds it.
///
/// Cairo 1.16 embeds every CFF subroutine of a face when it cannot parse a charstring,
/// which for Noto Sans CJK is about a megabyte per face. HarfBuzz's subsetter keeps only
/// the glyphs (and subroutines) in use and numbers them anew; the painter draws through
/// `glyph(_:of:)`, which maps old ids to new ones.
final class FontSubsetter {
    private var library: FT_Library?
    private var faces: [FT_Face] = []
    private var cairoFaces: [OpaquePointer] = []
    private var buffers: [UnsafeMutableRawBufferPointer] = []
    private var scaledFonts: [Int32: OpaquePointer] = [:]
    /// Old glyph id → new glyph id, per handle (shared by the handles of one face).
    private var glyphMaps: [Int32: [UInt32: UInt32]] = [:]
    /// Every glyph of the document, per handle in a fixed order, with the text it stands for.
    /// Two surfaces that draw this first give Cairo the same glyphs in the same order, so they
    /// embed byte-identical font subsets (which the merge then keeps once).
    private(set) var warmUp: [(handle: Int32, glyphs: [(glyph: UInt32, text: [UInt8])])] = []

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

    /// The Cairo font to draw a handle's glyphs with (nil: use Pango's own font).
    func font(for handle: Int32) -> OpaquePointer? { scaledFonts[handle] }

    /// The id to draw `glyph` of `handle` with.
    func glyph(_ glyph: UInt32, of handle: Int32) -> UInt32 { glyphMaps[handle]?[glyph] ?? glyph }

    /// Subsets every face used in `document` and makes a Cairo font per handle.
    func prepare(_ document: LaidOutDocument, registry: FontRegistry) {
        var glyphsByHandle: [Int32: Set<UInt32>] = [:]
        var texts: [Int32: [UInt32: [UInt8]]] = [:]
        var seen = Set<ObjectIdentifier>()
        for page in document.pages {
            for line in page.textLines where seen.insert(ObjectIdentifier(line.shaped)).inserted {
                for cluster in line.shaped.clusters {
                    let glyphs = line.shaped.glyphs[cluster.glyphRange]
                    for glyph in glyphs {
                        glyphsByHandle[cluster.font, default: []].insert(glyph.id)
                    }
                    // The text a glyph stands for: that of the first cluster it makes alone.
                    if glyphs.count == 1, let glyph = glyphs.first, texts[cluster.font]?[glyph.id] == nil {
                        texts[cluster.font, default: [:]][glyph.id] = Array(line.shaped.utf8[cluster.utf8Range])
                    }
                }
            }
        }
        // Fonts in the order of their descriptions, not of their handles (which depend on the
        // layout threads' timing): the warm-up decides the order of glyphs in the embedded
        // subsets, and the same brief must come out byte for byte the same.
        let handles = glyphsByHandle.keys.sorted { registry.key($0) < registry.key($1) }
        warmUp = handles.map { handle in
            (handle, (glyphsByHandle[handle] ?? []).sorted().map { ($0, texts[handle]?[$0] ?? []) })
        }
        // Handles that share a face (one face at several sizes) share one subset.
        var handlesByFace: [String: [Int32]] = [:]
        for handle in handles { handlesByFace[registry.face(handle), default: []].append(handle) }
        for handles in handlesByFace.values.sorted(by: { registry.key($0[0]) < registry.key($1[0]) }) {
            guard let font = registry.font(handles[0]), let hbFont = pango_font_get_hb_font(font), let face = hb_font_get_face(hbFont) else { continue }
            var glyphs = Set<UInt32>([0])
            for handle in handles { glyphs.formUnion(glyphsByHandle[handle] ?? []) }
            guard let (subset, map) = Self.subsetFace(face, glyphs: glyphs) else { continue }
            buffers.append(subset)
            guard let cairoFace = cairoFace(subset) else { continue }
            for handle in handles {
                guard let original = registry.scaledFont(handle) else { continue }
                var fontMatrix = cairo_matrix_t(), ctm = cairo_matrix_t()
                cairo_scaled_font_get_font_matrix(original, &fontMatrix)
                cairo_matrix_init_identity(&ctm)
                let options = cairo_font_options_create()
                cairo_scaled_font_get_font_options(original, options)
                if let scaled = cairo_scaled_font_create(cairoFace, &fontMatrix, &ctm, options) {
                    if cairo_scaled_font_status(scaled) == CAIRO_STATUS_SUCCESS {
                        scaledFonts[handle] = scaled
                        glyphMaps[handle] = map
                    } else {
                        cairo_scaled_font_destroy(scaled)
                    }
                }
                cairo_font_options_destroy(options)
            }
        }
    }

    /// A FreeType face and a Cairo face on the subset's bytes.
    private func cairoFace(_ subset: UnsafeMutableRawBufferPointer) -> OpaquePointer? {
        var ftFace: FT_Face?
        guard let library, FT_New_Memory_Face(library, subset.bindMemory(to: FT_Byte.self).baseAddress, FT_Long(subset.count), 0, &ftFace) == 0,
              let ftFace else { return nil }
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(ftFace, 0) else {
            FT_Done_Face(ftFace)
            return nil
        }
        faces.append(ftFace)
        cairoFaces.append(cairoFace)
        return cairoFace
    }

    /// The subset font's bytes (kept until the subsetter goes) and the old → new glyph ids.
    private static func subsetFace(_ face: OpaquePointer, glyphs: Set<UInt32>) -> (UnsafeMutableRawBufferPointer, [UInt32: UInt32])? {
        guard let input = hb_subset_input_create_or_fail() else { return nil }
        defer { hb_subset_input_destroy(input) }
        let glyphSet = hb_subset_input_glyph_set(input)
        for glyph in glyphs { hb_set_add(glyphSet, glyph) }
        // Hints are kept (no HB_SUBSET_FLAGS_NO_HINTING): without them a CFF glyph whose outline
        // starts with hmoveto or vmoveto carries its advance as the first of two operands
        // (`-62 44 hmoveto`), which checkers that find the width by counting operands misread
        // as "no width" and take the Private dictionary's defaultWidthX (742 for the
        // proportional Latin FD of Noto Sans CJK, where /W says 555). With the hint operators the
        // width stands before hstem/hstemhm as in the original font, and every reader agrees.
        // Costs about 40 KB in the 2021 brief; not a pixel changes (pdftoppm, all pages).
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_DESUBROUTINIZE.rawValue)
        // Layout tables are for shaping, which is done: drop them, and with them any glyphs
        // a substitution could reach (so the subset holds exactly the glyphs asked for).
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "DSIG", "morx", "kerx", "cmap"] {
            let c = Array(tag.utf8).map { CChar(bitPattern: $0) }
            hb_set_add(drop, report_hb_tag(c[0], c[1], c[2], c[3]))
        }
        hb_set_clear(hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG))
        // Glyphs are drawn by id, so the subset needs no character map; and a plan made from
        // the face with its cmap reads all 44,000 of its mappings first (a tenth of the
        // 2021 brief's run). The plan is made from a view of the face without one.
        guard let source = hb_face_create_for_tables({ _, tag, original in
            guard let original, tag != 0x636D_6170 else { return hb_blob_get_empty() }   // 'cmap'
            return hb_face_reference_table(OpaquePointer(original), tag)
        }, UnsafeMutableRawPointer(face), nil) else { return nil }
        defer { hb_face_destroy(source) }
        hb_face_set_upem(source, hb_face_get_upem(face))
        hb_face_set_glyph_count(source, hb_face_get_glyph_count(face))
        // The plan says which new id each old glyph gets (the subset may add a composite's parts).
        guard let plan = hb_subset_plan_create_or_fail(source, input) else { return nil }
        defer { hb_subset_plan_destroy(plan) }
        let oldToNew = hb_subset_plan_old_to_new_glyph_mapping(plan)
        var map: [UInt32: UInt32] = [:]
        map.reserveCapacity(glyphs.count)
        for glyph in glyphs {
            let new = hb_map_get(oldToNew, glyph)
            guard new != UInt32.max else { return nil }   // HB_MAP_VALUE_INVALID
            map[glyph] = new
        }
        guard let subset = hb_subset_plan_execute_or_fail(plan) else { return nil }
        defer { hb_face_destroy(subset) }
        let blob = hb_face_reference_blob(subset)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return nil }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Int(length), alignment: 8)
        buffer.copyMemory(from: UnsafeRawBufferPointer(start: data, count: Int(length)))
        return (buffer, map)
    }
}

