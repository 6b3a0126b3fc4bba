#if canImport(Glibc)
import Glibc
#endif
import CPangoCairo
import InputSupport
import Foundation
import Dispatch
import ReportLayout
import ReportStyle

/// Paints laid-out pages into one Cairo PDF surface, tagged: it draws what the layout
/// placed, with the glyphs the shaper chose, in reading order, inside the structure
/// elements the layout gave each line (see `StructurePlan`), and does nothing else: no
/// measuring, no decisions.
///
/// Each page's shapes (fills, rules, leaders) are painted first, while only grouping
/// elements are open, so that they are not content of any element; then its text, element
/// by element. Links go to named destinations (links by page number come out dead) and
/// their text is inside them; the creation date is set, so output is byte-identical run to
/// run. What Cairo 1.16 cannot write (artifacts, languages, header scopes, link
/// descriptions, XMP) is recorded in `Painting.attributes` for the finishing step.
public struct PDFPainter: Sendable {
    /// The fonts the text was shaped with.
    public let registry: FontRegistry

    public init(registry: FontRegistry) { self.registry = registry }

    /// Cairo's PDF and what the finishing step is to add to its structure elements.
    public struct Painting {
        public var pdf: [UInt8]
        /// By the element's place in the order Cairo's elements were begun (its preorder
        /// index in the structure tree).
        public var attributes: [Int: TagAttributes]
    }

    /// What an element needs that Cairo cannot write.
    public struct TagAttributes: Sendable, Equatable {
        public var language: String?
        public var scope: StructureRole.HeaderScope?
        /// A link's text, for its annotation's description.
        public var linkContents: String?
    }

    /// Cairo 1.16 keeps its glyph caches and font ids in globals: two surfaces painted at
    /// once in one process can deadlock, or number their fonts in either order (a test run
    /// paints briefs on several threads). `report` paints one surface per process; painting
    /// is one at a time.
    private static let cairoLock = NSLock()

    /// Paints the document; throws with Cairo's reason if it cannot. Without `tagged` (for
    /// measuring what tagging costs) there is no structure, only the links.
    public func paint(_ document: LaidOutDocument, tagged: Bool = true, timings: PainterTimings? = nil,
                      progress: (@Sendable (Int, Int) -> Void)? = nil) throws(RenderError) -> Painting {
        Self.cairoLock.lock()
        defer { Self.cairoLock.unlock() }
        let subsetter = FontSubsetter()
        subsetter.prepare(document, registry: registry)
        timings?.lap("subset fonts")
        let fonts = FontTable(registry: registry, subsetter: subsetter)
        let plan = StructurePlan(document, tagged: tagged)
        timings?.lap("plan the structure")
        let sink = PDFBuffer()
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        guard let firstSize = document.pages.first?.size,
              let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
                  guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                  Unmanaged<PDFBuffer>.fromOpaque(closure).takeUnretainedValue().bytes
                      .append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                  return CAIRO_STATUS_SUCCESS
              }, unmanaged.toOpaque(), firstSize.width, firstSize.height) else {
            throw RenderError("cannot create a PDF surface")
        }
        defer { cairo_surface_destroy(surface) }
        setMetadata(document.metadata, on: surface)
        guard let cr = cairo_create(surface) else { throw RenderError("cannot create a Cairo context") }
        var tags = TagStack()
        // Untagged, links still need an element around them (cairo 1.16 writes a broken
        // cross-reference table for a link outside any).
        if !tagged { cairo_tag_begin(cr, "Document", nil) }
        var currentSize = firstSize
        for (index, page) in document.pages.enumerated() {
            if page.size != currentSize {
                cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
                currentSize = page.size
            }
            paint(page, runs: plan.pages[index], linkAreas: plan.linkAreas[index], on: cr, fonts: fonts, tags: &tags)
            if !tagged {
                for case let .link(rect, destination) in page.items {
                    cairo_tag_begin(cr, CAIRO_TAG_LINK, "rect=[\(rect.x) \(rect.y) \(rect.width) \(rect.height)] dest='\(Self.escape(destination))'")
                    cairo_tag_end(cr, CAIRO_TAG_LINK)
                }
            }
            cairo_show_page(cr)
            progress?(index + 1, document.pages.count)
        }
        tags.closeAll(on: cr)
        if !tagged { cairo_tag_end(cr, "Document") }
        addOutline(document.outline, to: surface)
        cairo_destroy(cr)
        // Cairo embeds the fonts when the surface finishes: the subset faces must live until then.
        cairo_surface_finish(surface)
        withExtendedLifetime(subsetter) {}
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError("Cairo could not write the PDF: \(String(cString: cairo_status_to_string(status)))")
        }
        timings?.lap("paint pages")
        return Painting(pdf: sink.bytes, attributes: tags.attributes)
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

    /// Shapes first (those of one paint as one path), then destinations, then the
    /// text runs in reading order; the page ends with no leaf element open.
    func paint(_ page: Page, runs: [StructurePlan.Run], linkAreas: [Int: Rect], on cr: OpaquePointer, fonts: FontTable,
               tags: inout TagStack) {
        for group in ShapePaint.groups(page.items) {
            paintShapes(group.paint, group.items.lazy.map { page.items[$0] }, on: cr)
        }
        for case let .destination(name, point) in page.items {
            cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(Self.escape(name))' x=\(point.x) y=\(point.y)")
            cairo_tag_end(cr, CAIRO_TAG_DEST)
        }
        var batch = GlyphBatch()
        var offsets: (item: Int, xs: [Double])?
        for run in runs {
            guard case let .text(line) = page.items[run.item] else { continue }
            if tags.differs(from: run.structure) {
                batch.flush(on: cr, fonts: fonts)
                tags.sync(to: run.structure, on: cr, linkAreas: linkAreas)
            }
            tags.addText(line.shaped.text(of: run.clusters))
            if line.rotation != .none {
                // Turned text: drawn in its own rotated coordinate system.
                batch.flush(on: cr, fonts: fonts)
                cairo_save(cr)
                cairo_translate(cr, line.origin.x, line.origin.y)
                cairo_rotate(cr, -Double.pi / 2)
                var rotated = line
                rotated.origin = Point(x: 0, y: 0)
                var single = GlyphBatch()
                add(run.clusters, of: rotated, xs: rotated.offsets.map { $0 }, to: &single, on: cr, fonts: fonts)
                single.flush(on: cr, fonts: fonts)
                cairo_restore(cr)
                continue
            }
            if offsets?.item != run.item { offsets = (run.item, line.offsets.map { line.origin.x + $0 }) }
            add(run.clusters, of: line, xs: offsets?.xs ?? [], to: &batch, on: cr, fonts: fonts)
        }
        batch.flush(on: cr, fonts: fonts)
        tags.closeLeaf(on: cr)
    }

    /// Paints shapes of one paint as one path: one Cairo call however many there are.
    private func paintShapes(_ paint: ShapePaint, _ items: some Sequence<PageItem>, on cr: OpaquePointer) {
        for item in items {
            switch item {
            case let .fill(rect, _), let .stroke(rect, _, _):
                cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
            case let .line(from, to, _, _):
                cairo_move_to(cr, from.x, from.y)
                cairo_line_to(cr, to.x, to.y)
            case let .leader(x, maxX, baseline, pitch, radius, _):
                let last = x + ((maxX - x) / pitch).rounded(.down) * pitch
                cairo_move_to(cr, x, baseline - radius)
                cairo_line_to(cr, last, baseline - radius)
            case .text, .link, .destination:
                break
            }
        }
        switch paint {
        case let .fill(color):
            set(color, on: cr)
            cairo_fill(cr)
        case let .stroke(color, width):
            set(color, on: cr)
            cairo_set_line_width(cr, width)
            cairo_stroke(cr)
        case let .leader(color, pitch, radius):
            // Zero-length dashes with round caps: a row of dots in a few bytes (a circle each
            // would be four curves). Dashing starts afresh at each leader's start.
            set(color, on: cr)
            cairo_save(cr)
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
            cairo_set_line_width(cr, 2 * radius)
            var dashes = [0, pitch]
            cairo_set_dash(cr, &dashes, 2, 0)
            cairo_stroke(cr)
            cairo_restore(cr)
        }
    }

    /// Adds some clusters of a line, at the layout's x positions (`xs`, one per cluster of
    /// the line), to the batch, starting a new batch where the font or colour changes.
    func add(_ clusters: Range<Int>, of line: TextLine, xs: [Double], to batch: inout GlyphBatch, on cr: OpaquePointer, fonts: FontTable) {
        let shaped = line.shaped
        var start = clusters.lowerBound
        while start < clusters.upperBound {
            let cluster = shaped.clusters[start]
            let color = shaped.spans[Int(cluster.span)].style.color
            var end = start + 1
            while end < clusters.upperBound, shaped.clusters[end].font == cluster.font,
                  shaped.spans[Int(shaped.clusters[end].span)].style.color == color { end += 1 }
            if cluster.font != batch.font || color != batch.color {
                batch.flush(on: cr, fonts: fonts)
                batch.font = cluster.font
                batch.color = color
            }
            let first = start - line.clusters.lowerBound
            add(start..<end, of: shaped, at: xs[first..<(first + end - start)], baseline: line.origin.y, to: &batch, fonts: fonts)
            start = end
        }
    }

    /// Adds clusters of one font and colour, each at its x, to the batch.
    func add(_ clusters: Range<Int>, of shaped: ShapedText, at xs: ArraySlice<Double>, baseline: Double, to batch: inout GlyphBatch, fonts: FontTable) {
        var position = xs.startIndex
        for index in clusters {
            let cluster = shaped.clusters[index]
            var x = xs[position]
            position += 1
            for glyph in shaped.glyphs[cluster.glyphRange] {
                batch.glyphs.append(cairo_glyph_t(index: UInt(fonts.glyph(glyph.id, of: cluster.font)), x: x + Double(glyph.xOffset),
                                                  y: baseline + Double(glyph.yOffset)))
                x += Double(glyph.advance)
            }
            batch.bytes.append(contentsOf: shaped.utf8[cluster.utf8Range])
            batch.clusters.append(cairo_text_cluster_t(num_bytes: cluster.utf8End - cluster.utf8Start, num_glyphs: cluster.glyphEnd - cluster.glyphStart))
        }
    }

    /// Where Cairo's PDF bytes go until they are finished and written.
    private final class PDFBuffer {
        var bytes: [UInt8] = []
    }
}
