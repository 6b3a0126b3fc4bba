#if canImport(Glibc)
import Glibc
#endif
import CPangoCairo
import ReportLayout
import ReportStyle

/// Paints laid-out pages into a PDF with Cairo. It draws what the layout placed, with the
/// glyphs the shaper chose, and does nothing else: no measuring, no decisions.
///
/// The whole document is wrapped in a `Document` structure tag (links outside one break
/// the cross-reference table in cairo 1.16); links go to named destinations (links by page
/// number come out dead); the creation date is set, so output is byte-identical run to run.
public struct PDFPainter {
    public let shaper: PangoShaper

    public init(shaper: PangoShaper) { self.shaper = shaper }

    /// Writes the PDF to an open file descriptor; throws with the system's reason if a
    /// write fails (disk full, file too large).
    public func paint(_ document: LaidOutDocument, to descriptor: Int32, progress: ((Int, Int) -> Void)? = nil) throws(RenderError) {
        let sink = WriteSink(descriptor: descriptor)
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        let first = document.pages.first?.size ?? Size(width: 595.2756, height: 841.8898)
        guard let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<WriteSink>.fromOpaque(closure).takeUnretainedValue()
            return sink.write(data, Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
        }, unmanaged.toOpaque(), first.width, first.height) else {
            throw RenderError("cannot create a PDF surface")
        }
        defer { cairo_surface_destroy(surface) }
        setMetadata(document.metadata, on: surface)
        guard let cr = cairo_create(surface) else { throw RenderError("cannot create a Cairo context") }

        let subsetter = FontSubsetter()
        subsetter.prepare(document, shaper: shaper)
        let fonts = FontTable(shaper: shaper, subsetter: subsetter)
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
            if sink.failed { break }
        }
        cairo_tag_end(cr, "Document")
        addOutline(document.outline, to: surface)
        cairo_destroy(cr)
        // Cairo embeds the fonts when the surface finishes: the subset faces must live until then.
        withExtendedLifetime(subsetter) { cairo_surface_finish(surface) }
        if let reason = sink.failure { throw RenderError("writing the PDF failed: \(reason)") }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError("Cairo could not write the PDF: \(String(cString: cairo_status_to_string(status)))")
        }
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
        for item in page.items {
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
                set(color, on: cr)
                var dot = x
                while dot <= maxX {
                    cairo_new_sub_path(cr)
                    cairo_arc(cr, dot, baseline - radius, radius, 0, 2 * Double.pi)
                    dot += pitch
                }
                cairo_fill(cr)
            case let .link(rect, destination):
                let attributes = "rect=[\(rect.x) \(rect.y) \(rect.width) \(rect.height)] dest='\(Self.escape(destination))'"
                cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes)
                cairo_tag_end(cr, CAIRO_TAG_LINK)
            case let .destination(name, point):
                cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(Self.escape(name))' x=\(point.x) y=\(point.y)")
                cairo_tag_end(cr, CAIRO_TAG_DEST)
            case let .text(line):
                paint(line, on: cr, fonts: fonts)
            }
        }
    }

    /// Draws a line's glyphs at the layout's offsets, run by run (same font and colour),
    /// with the UTF-8 text and cluster map so that the PDF's text can be copied and searched.
    func paint(_ line: TextLine, on cr: OpaquePointer, fonts: FontTable) {
        let shaped = line.shaped
        guard !line.clusters.isEmpty else { return }
        let offsets = line.offsets
        let rotated = line.rotation == .counterClockwise
        if rotated {
            cairo_save(cr)
            cairo_translate(cr, line.origin.x, line.origin.y)
            cairo_rotate(cr, -Double.pi / 2)
        }
        let originX = rotated ? 0 : line.origin.x
        let originY = rotated ? 0 : line.origin.y
        var glyphs: [cairo_glyph_t] = []
        var clusters: [cairo_text_cluster_t] = []
        var runStart = line.clusters.lowerBound
        while runStart < line.clusters.upperBound {
            let font = shaped.clusters[runStart].font
            let span = shaped.clusters[runStart].span
            var runEnd = runStart + 1
            while runEnd < line.clusters.upperBound, shaped.clusters[runEnd].font == font, shaped.clusters[runEnd].span == span { runEnd += 1 }
            glyphs.removeAll(keepingCapacity: true)
            clusters.removeAll(keepingCapacity: true)
            for index in runStart..<runEnd {
                let cluster = shaped.clusters[index]
                var x = originX + offsets[index - line.clusters.lowerBound]
                for glyph in shaped.glyphs[cluster.glyphRange] {
                    glyphs.append(cairo_glyph_t(index: UInt(glyph.id), x: x + Double(glyph.xOffset), y: originY + Double(glyph.yOffset)))
                    x += Double(glyph.advance)
                }
                clusters.append(cairo_text_cluster_t(num_bytes: cluster.utf8End - cluster.utf8Start, num_glyphs: cluster.glyphEnd - cluster.glyphStart))
            }
            if let scaledFont = fonts.font(font) {
                cairo_set_scaled_font(cr, scaledFont)
                set(shaped.spans[Int(span)].style.color, on: cr)
                let byteStart = Int(shaped.clusters[runStart].utf8Start), byteEnd = Int(shaped.clusters[runEnd - 1].utf8End)
                shaped.utf8.withUnsafeBufferPointer { bytes in
                    bytes.baseAddress.map { base in
                        base.advanced(by: byteStart).withMemoryRebound(to: CChar.self, capacity: byteEnd - byteStart) { text in
                            cairo_show_text_glyphs(cr, text, Int32(byteEnd - byteStart), glyphs, Int32(glyphs.count), clusters,
                                                   Int32(clusters.count), cairo_text_cluster_flags_t(0))
                        }
                    }
                }
            }
            runStart = runEnd
        }
        if rotated { cairo_restore(cr) }
    }
}

/// The Cairo font for each shaper handle: the subset face when there is one.
struct FontTable {
    let shaper: PangoShaper
    let subsetter: FontSubsetter

    func font(_ handle: Int32) -> OpaquePointer? { subsetter.font(for: handle) ?? shaper.scaledFont(handle) }
}

/// Where Cairo's PDF bytes go: a file descriptor, remembering the first failure.
final class WriteSink {
    let descriptor: Int32
    private(set) var failure: String?
    var failed: Bool { failure != nil }

    init(descriptor: Int32) { self.descriptor = descriptor }

    func write(_ data: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        guard failure == nil else { return false }
        var written = 0
        while written < length {
            let result = Glibc.write(descriptor, data + written, length - written)
            if result < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return false
            }
            written += result
        }
        return true
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
