#if canImport(Glibc)
import Glibc
#endif
import CPangoCairo
import InputSupport
import Foundation
import Dispatch
import ReportLayout
import ReportStyle

/// Paints laid-out pages into a PDF with Cairo. It draws what the layout placed, with the
/// glyphs the shaper chose, and does nothing else: no measuring, no decisions.
///
/// The document is wrapped in a `Document` structure tag (links outside one break the
/// cross-reference table in cairo 1.16; painted in two halves, the tag spans the first,
/// which holds every link); links go to named destinations (links by page number come out
/// dead); the creation date is set, so output is byte-identical run to run.
public struct PDFPainter: Sendable {
    /// The fonts the text was shaped with.
    public let registry: FontRegistry

    public init(registry: FontRegistry) { self.registry = registry }

    /// Writes the PDF to an open file descriptor; throws with the system's reason if a
    /// write fails (disk full, file too large).
    ///
    /// With `parts: 2` a long document is painted in two halves at once, the second in a
    /// child process (Cairo paints a surface on one thread, and two threads of one process
    /// can deadlock in its glyph cache: see `PartProcess`), and the halves are merged; the
    /// result is the same document as painting it whole. Returns the number of parts that
    /// were merged (1 when the document was painted whole).
    @discardableResult
    public func paint(_ document: LaidOutDocument, to descriptor: Int32, parts: Int = 1, timings: PainterTimings? = nil,
                      progress: (@Sendable (Int, Int) -> Void)? = nil) throws(RenderError) -> Int {
        let subsetter = FontSubsetter()
        subsetter.prepare(document, registry: registry)
        timings?.lap("subset fonts")
        let fonts = FontTable(registry: registry, subsetter: subsetter)
        var output: [UInt8]?
        var painted = 1
        if parts >= 2, let split = Self.splitPoint(document) {
            let counter = PageCounter(total: document.pages.count, report: progress)
            let total = document.pages.count
            let child = PartProcess.start(counting: counter, total: total) { childCounter throws(RenderError) in
                try paintPart(document, split..<total, first: false, warmUp: true, fonts: fonts, counter: childCounter)
            }
            if let child {
                let start = DispatchTime.now().uptimeNanoseconds
                let first: [UInt8]
                do {
                    first = try paintPart(document, 0..<split, first: true, warmUp: true, fonts: fonts, counter: counter)
                } catch {
                    child.stop()
                    throw error
                }
                let own = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                // The child paints about as much: far longer means something is wrong with it.
                let second = child.finish(timeout: max(10, 4 * own))
                timings?.lap(String(format: "paint pages 1–%d here and %d–%d in a child process (%.2f s, %.2f s; child: peak %.0f MiB, own %.0f MiB)",
                                    split, split + 1, total, own, child.seconds, Double(child.peakMemory) / 1_048_576,
                                    Double(child.privateMemory) / 1_048_576))
                if let second, let merged = PDFMerger.merge(first: first, second: second, secondFrom: split, document: document) {
                    output = PDFObjectPacker.write(merged)
                    painted = 2
                    timings?.lap("merge and pack objects")
                } else {
                    timings?.lap("the halves could not be merged: painting whole")
                }
            }
        }
        if output == nil {
            let counter = PageCounter(total: document.pages.count, report: progress)
            let bytes = try paintPart(document, 0..<document.pages.count, first: true, warmUp: false, fonts: fonts, counter: counter)
            timings?.lap("paint pages")
            output = PDFObjectPacker.pack(bytes) ?? bytes
            timings?.lap("pack objects")
        }
        withExtendedLifetime(subsetter) {}
        if let reason = DescriptorWriter.write(output ?? [], to: descriptor) { throw RenderError("writing the PDF failed: \(reason)") }
        timings?.lap("write file")
        return painted
    }

    /// Where to cut a document in two: about half the painting work on each side, and every
    /// link on the first side (links are structure elements, which only the first part has).
    static func splitPoint(_ document: LaidOutDocument) -> Int? {
        let pages = document.pages
        guard pages.count >= 4 else { return nil }
        var lastLink = 0
        var costs: [Double] = []
        for (index, page) in pages.enumerated() {
            var cost = PaintingCost.page
            for item in page.items {
                switch item {
                case let .text(line): cost += PaintingCost.line + PaintingCost.glyph * Double(line.clusters.count)
                case .link:
                    cost += PaintingCost.link
                    lastLink = index
                case .destination: break
                default: cost += PaintingCost.shape
                }
            }
            costs.append(cost)
        }
        let total = costs.reduce(0, +)
        var running = 0.0
        for (index, cost) in costs.enumerated() {
            running += cost
            if running * 2 >= total {
                let split = max(index + 1, lastLink + 1)
                return split < pages.count ? split : nil
            }
        }
        return nil
    }

    /// What painting a page costs Cairo, in microseconds on the machine of BENCHMARKS.md
    /// (fitted to per-page timings of the 1,446-page brief). Only the ratios matter.
    enum PaintingCost {
        static let page = 100.0
        static let glyph = 1.4
        static let line = 9.0
        static let shape = 10.0
        static let link = 150.0
    }

    /// Paints a range of pages on a surface of its own. The first part carries the document's
    /// metadata, structure, links, destinations and outline; the second only pages (the
    /// merge adds its destinations). `warmUp` draws every glyph once on a page the merge drops.
    func paintPart(_ document: LaidOutDocument, _ range: Range<Int>, first: Bool, warmUp: Bool, fonts: FontTable,
                   counter: PageCounter) throws(RenderError) -> [UInt8] {
        let sink = PDFBuffer()
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        let firstSize = document.pages[range.lowerBound].size
        guard let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<PDFBuffer>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, unmanaged.toOpaque(), firstSize.width, firstSize.height) else {
            throw RenderError("cannot create a PDF surface")
        }
        defer { cairo_surface_destroy(surface) }
        if first { setMetadata(document.metadata, on: surface) }
        guard let cr = cairo_create(surface) else { throw RenderError("cannot create a Cairo context") }
        if warmUp {
            paintWarmUp(on: cr, fonts: fonts)
            cairo_show_page(cr)
        }
        if first { cairo_tag_begin(cr, "Document", nil) }
        var currentSize = firstSize
        for index in range {
            let page = document.pages[index]
            if page.size != currentSize {
                cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
                currentSize = page.size
            }
            paint(page, on: cr, fonts: fonts, destinations: first)
            cairo_show_page(cr)
            counter.pageDone()
        }
        if first {
            cairo_tag_end(cr, "Document")
            addOutline(document.outline, to: surface)
        }
        cairo_destroy(cr)
        // Cairo embeds the fonts when the surface finishes: the subset faces must live until then.
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError("Cairo could not write the PDF: \(String(cString: cairo_status_to_string(status)))")
        }
        return sink.bytes
    }

    /// Every glyph of the document, font by font in a fixed order, each with its text.
    private func paintWarmUp(on cr: OpaquePointer, fonts: FontTable) {
        for (handle, glyphs) in fonts.subsetter.warmUp {
            var batch = GlyphBatch()
            batch.font = handle
            for (index, glyph) in glyphs.enumerated() {
                batch.glyphs.append(cairo_glyph_t(index: UInt(fonts.glyph(glyph.glyph, of: handle)), x: 20 + Double(index % 40) * 12,
                                                  y: 40 + Double(index / 40) * 12))
                batch.bytes.append(contentsOf: glyph.text)
                batch.clusters.append(cairo_text_cluster_t(num_bytes: Int32(glyph.text.count), num_glyphs: 1))
            }
            batch.flush(on: cr, fonts: fonts)
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

    func paint(_ page: Page, on cr: OpaquePointer, fonts: FontTable, destinations: Bool = true) {
        var batch = GlyphBatch()
        for step in PaintPlan(page.items).steps {
            switch step {
            case let .shapes(paint, indices):
                paintShapes(paint, indices.lazy.map { page.items[$0] }, on: cr)
            case let .text(ink, runs):
                batch.font = ink.font
                batch.color = ink.color
                for run in runs {
                    guard case let .text(line) = page.items[run.item] else { continue }
                    add(run.clusters, of: line.shaped, at: run.xs, baseline: line.origin.y, to: &batch, fonts: fonts)
                }
                batch.flush(on: cr, fonts: fonts)
            case let .turned(index):
                paint(page.items[index], on: cr, batch: &batch, fonts: fonts, destinations: destinations)
            case let .marks(indices), let .inOrder(indices):
                for index in indices { paint(page.items[index], on: cr, batch: &batch, fonts: fonts, destinations: destinations) }
                batch.flush(on: cr, fonts: fonts)
            }
        }
    }

    /// Paints one item; text waits in `batch` until something else must be painted.
    private func paint(_ item: PageItem, on cr: OpaquePointer, batch: inout GlyphBatch, fonts: FontTable, destinations: Bool) {
        if case let .text(line) = item, line.rotation == .none {
            add(line, to: &batch, on: cr, fonts: fonts)
            return
        }
        batch.flush(on: cr, fonts: fonts)
        switch item {
        case .fill, .stroke, .line, .leader:
            if let paint = PaintPlan.paint(of: item) { paintShapes(paint, CollectionOfOne(item), on: cr) }
        case let .link(rect, destination):
            let attributes = "rect=[\(rect.x) \(rect.y) \(rect.width) \(rect.height)] dest='\(Self.escape(destination))'"
            cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes)
            cairo_tag_end(cr, CAIRO_TAG_LINK)
        case let .destination(name, point):
            guard destinations else { return }
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

    /// Paints shapes of one paint as one path: one Cairo call however many there are.
    private func paintShapes(_ paint: PaintPlan.Paint, _ items: some Sequence<PageItem>, on cr: OpaquePointer) {
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

    /// Adds a line's glyphs at the layout's offsets to the batch, starting a new batch where
    /// the font or colour changes.
    func add(_ line: TextLine, to batch: inout GlyphBatch, on cr: OpaquePointer, fonts: FontTable) {
        let shaped = line.shaped
        guard !line.clusters.isEmpty else { return }
        let xs = line.offsets.map { line.origin.x + $0 }
        var start = line.clusters.lowerBound
        while start < line.clusters.upperBound {
            let cluster = shaped.clusters[start]
            let color = shaped.spans[Int(cluster.span)].style.color
            var end = start + 1
            while end < line.clusters.upperBound, shaped.clusters[end].font == cluster.font,
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

/// Counts pages painted by either part, for the progress line.
final class PageCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    let total: Int
    let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func pageDone() {
        let count = lock.withLock {
            done += 1
            return done
        }
        report?(count, total)
    }
}

/// Where Cairo's PDF bytes go until they are packed and written.
final class PDFBuffer {
    var bytes: [UInt8] = []
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
