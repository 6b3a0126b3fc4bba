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
        public var attributes: [Int: StructureAttributes]
    }

    /// Cairo 1.16 keeps its glyph caches and font ids in globals: two surfaces painted at
    /// once in one process can deadlock, or number their fonts in either order (a test run
    /// paints briefs on several threads). `report` paints one surface per process; painting
    /// is one at a time.
    static let cairoLock = NSLock()

    /// Paints the document; throws with Cairo's reason if it cannot. Without `tagged` (for
    /// measuring what tagging costs) there is no structure, only the links.
    public func paint(_ document: LaidOutDocument, tagged: Bool = true, timings: PainterTimings? = nil,
                      progress: (@Sendable (Int, Int) -> Void)? = nil) throws(RenderError) -> Painting {
        Self.cairoLock.lock()
        defer { Self.cairoLock.unlock() }
        let subsetter = FontSubsetter()
        subsetter.prepare(document, registry: registry)
        timings?.lap("subset fonts")
        let pages = PagePainter(fonts: FontTable(registry: registry, subsetter: subsetter))
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
            pages.paint(page, runs: plan.pages[index], linkAreas: plan.linkAreas[index], on: cr, tags: &tags)
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

    /// Where Cairo's PDF bytes go until they are finished and written.
    private final class PDFBuffer {
        var bytes: [UInt8] = []
    }
}
