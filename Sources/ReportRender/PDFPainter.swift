#if canImport(Glibc)
import Glibc
#endif
import CPangoCairo
import Dispatch
import ReportLayout
import ReportStyle

/// Paints laid-out pages into a PDF with Cairo. It draws what the layout placed, with the
/// glyphs the shaper chose, and does nothing else: no measuring, no decisions.
///
/// The whole document is wrapped in a `Document` structure tag (links outside one break
/// the cross-reference table in cairo 1.16); links go to named destinations (links by page
/// number come out dead); the creation date is set, so output is byte-identical run to run.
public struct PDFPainter {
    /// The fonts the text was shaped with.
    public let registry: FontRegistry

    public init(registry: FontRegistry) { self.registry = registry }

    /// Writes the PDF to an open file descriptor; throws with the system's reason if a
    /// write fails (disk full, file too large).
    public func paint(_ document: LaidOutDocument, to descriptor: Int32, timings: PainterTimings? = nil,
                      progress: ((Int, Int) -> Void)? = nil) throws(RenderError) {
        let sink = PDFBuffer()
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        let first = document.pages.first?.size ?? Size(width: 595.2756, height: 841.8898)
        guard let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<PDFBuffer>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, unmanaged.toOpaque(), first.width, first.height) else {
            throw RenderError("cannot create a PDF surface")
        }
        defer { cairo_surface_destroy(surface) }
        setMetadata(document.metadata, on: surface)
        guard let cr = cairo_create(surface) else { throw RenderError("cannot create a Cairo context") }

        let subsetter = FontSubsetter()
        subsetter.prepare(document, registry: registry)
        timings?.lap("subset fonts")
        let fonts = FontTable(registry: registry, subsetter: subsetter)
        cairo_tag_begin(cr, "Document", nil)
        var currentSize = first
        for (index, page) in document.pages.enumerated() {
            if page.size != currentSize {
                cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
                currentSize = page.size
            }
            paint(page, on: cr, fonts: fonts)
            cairo_show_page(cr)
            progress?(index + 1, document.pages.count)
        }
        cairo_tag_end(cr, "Document")
        timings?.lap("paint pages")
        addOutline(document.outline, to: surface)
        cairo_destroy(cr)
        // Cairo embeds the fonts when the surface finishes: the subset faces must live until then.
        withExtendedLifetime(subsetter) { cairo_surface_finish(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError("Cairo could not write the PDF: \(String(cString: cairo_status_to_string(status)))")
        }
        timings?.lap("embed fonts, write structure")
        let packed = PDFObjectPacker.pack(sink.bytes) ?? sink.bytes
        timings?.lap("pack objects")
        if let reason = Self.write(packed, to: descriptor) { throw RenderError("writing the PDF failed: \(reason)") }
        timings?.lap("write file")
    }

    private func setMetadata(_ metadata: DocumentMetadata, on surface: OpaquePointer) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, metadata.subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords.joined(separator: ", "))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, metadata.creator)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, metadata.date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, metadata.date)
    }

    private func addOutline(_ entries: [OutlineEntry], to surface: OpaquePointer) {
        var parents: [Int32] = []   // outline id at each level
        for entry in entries {
            let level = min(entry.level, parents.count)
            parents.removeSubrange(level...)
            let parent = parents.last ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
            let flags = entry.level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0)
            let id = cairo_pdf_surface_add_outline(surface, parent, entry.title, "dest='\(Self.escape(entry.destination))'", flags)
            parents.append(id)
        }
    }

    static func escape(_ name: String) -> String {
        name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }

    private func set(_ color: Color, on cr: OpaquePointer) {
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
    }

    func paint(_ page: Page, on cr: OpaquePointer, fonts: FontTable) {
        var batch = GlyphBatch()
        for item in page.items {
            if case let .text(line) = item, line.rotation == .none {
                add(line, to: &batch, on: cr, fonts: fonts)
                continue
            }
            // Anything else is painted in order, so the text gathered so far goes first.
            batch.flush(on: cr, fonts: fonts)
            switch item {
            case let .fill(rect, color):
                set(color, on: cr)
                cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
                cairo_fill(cr)
            case let .stroke(rect, color, width):
                set(color, on: cr)
                cairo_set_line_width(cr, width)
                cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
                cairo_stroke(cr)
            case let .line(from, to, color, width):
                set(color, on: cr)
                cairo_set_line_width(cr, width)
                cairo_move_to(cr, from.x, from.y)
                cairo_line_to(cr, to.x, to.y)
                cairo_stroke(cr)
            case let .leader(x, maxX, baseline, pitch, radius, color):
                // One dashed line of zero-length dashes with round caps: a row of dots in a
                // few bytes (a circle each would be four curves).
                set(color, on: cr)
                cairo_save(cr)
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
                cairo_set_line_width(cr, 2 * radius)
                var dashes = [0, pitch]
                cairo_set_dash(cr, &dashes, 2, 0)
                let last = x + ((maxX - x) / pitch).rounded(.down) * pitch
                cairo_move_to(cr, x, baseline - radius)
                cairo_line_to(cr, last, baseline - radius)
                cairo_stroke(cr)
                cairo_restore(cr)
            case let .link(rect, destination):
                let attributes = "rect=[\(rect.x) \(rect.y) \(rect.width) \(rect.height)] dest='\(Self.escape(destination))'"
                cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes)
                cairo_tag_end(cr, CAIRO_TAG_LINK)
            case let .destination(name, point):
                cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(Self.escape(name))' x=\(point.x) y=\(point.y)")
                cairo_tag_end(cr, CAIRO_TAG_DEST)
            case let .text(line):
                // Turned text: drawn in its own rotated coordinate system.
                cairo_save(cr)
                cairo_translate(cr, line.origin.x, line.origin.y)
                cairo_rotate(cr, -Double.pi / 2)
                var rotated = line
                rotated.origin = Point(x: 0, y: 0)
                var single = GlyphBatch()
                add(rotated, to: &single, on: cr, fonts: fonts)
                single.flush(on: cr, fonts: fonts)
                cairo_restore(cr)
            }
        }
        batch.flush(on: cr, fonts: fonts)
    }

    /// Adds a line's glyphs at the layout's offsets to the batch, starting a new batch where
    /// the font or colour changes. Consecutive lines in the same font and colour become one
    /// Cairo call: each call costs Cairo a recording, an analysis and a replay.
    func add(_ line: TextLine, to batch: inout GlyphBatch, on cr: OpaquePointer, fonts: FontTable) {
        let shaped = line.shaped
        guard !line.clusters.isEmpty else { return }
        let offsets = line.offsets
        for index in line.clusters {
            let cluster = shaped.clusters[index]
            let color = shaped.spans[Int(cluster.span)].style.color
            if cluster.font != batch.font || color != batch.color {
                batch.flush(on: cr, fonts: fonts)
                batch.font = cluster.font
                batch.color = color
            }
            var x = line.origin.x + offsets[index - line.clusters.lowerBound]
            for glyph in shaped.glyphs[cluster.glyphRange] {
                batch.glyphs.append(cairo_glyph_t(index: UInt(fonts.glyph(glyph.id, of: cluster.font)), x: x + Double(glyph.xOffset),
                                                  y: line.origin.y + Double(glyph.yOffset)))
                x += Double(glyph.advance)
            }
            batch.bytes.append(contentsOf: shaped.utf8[cluster.utf8Range])
            batch.clusters.append(cairo_text_cluster_t(num_bytes: cluster.utf8End - cluster.utf8Start, num_glyphs: cluster.glyphEnd - cluster.glyphStart))
        }
    }
}

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

/// The Cairo font for each shaper handle: the subset face when there is one.
struct FontTable {
    let registry: FontRegistry
    let subsetter: FontSubsetter

    func font(_ handle: Int32) -> OpaquePointer? { subsetter.font(for: handle) ?? registry.scaledFont(handle) }

    func glyph(_ glyph: UInt32, of handle: Int32) -> UInt32 { subsetter.glyph(glyph, of: handle) }
}

/// Wall time of the painter's steps, for `report pdf --verbose`.
public final class PainterTimings: @unchecked Sendable {
    public private(set) var steps: [(step: String, seconds: Double)] = []
    private var mark = DispatchTime.now().uptimeNanoseconds

    public init() {}

    func lap(_ step: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        steps.append((step, Double(now - mark) / 1e9))
        mark = now
    }
}

/// Where Cairo's PDF bytes go until they are packed and written.
final class PDFBuffer {
    var bytes: [UInt8] = []
}

extension PDFPainter {
    /// Writes all of `bytes`; the system's reason when it cannot (disk full, file too large).
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            written += result
        }
        return nil
    }
}

public struct RenderError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
