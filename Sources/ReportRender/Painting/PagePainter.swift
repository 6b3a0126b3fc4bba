import CPangoCairo
import ReportLayout
import ReportStyle

/// Paints one laid-out page on a Cairo context, the same for the PDF and for PNG previews:
/// shapes first (those of one paint as one path), then destinations, then the text runs
/// in reading order inside their structure elements (which an image surface ignores).
struct PagePainter {
    let fonts: FontTable

    private func set(_ color: Color, on cr: OpaquePointer) {
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
    }

    /// Shapes first (those of one paint as one path), then destinations, then the
    /// text runs in reading order; the page ends with no leaf element open.
    func paint(_ page: Page, runs: [StructurePlan.Run], linkAreas: [Int: Rect], on cr: OpaquePointer,
               tags: inout TagStack) {
        for group in ShapePaint.groups(page.items) {
            paintShapes(group.paint, group.items.lazy.map { page.items[$0] }, on: cr)
        }
        for case let .destination(name, point) in page.items {
            cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(PDFPainter.escape(name))' x=\(point.x) y=\(point.y)")
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
                add(run.clusters, of: rotated, xs: rotated.offsets.map { $0 }, to: &single, on: cr)
                single.flush(on: cr, fonts: fonts)
                cairo_restore(cr)
                continue
            }
            if offsets?.item != run.item { offsets = (run.item, line.offsets.map { line.origin.x + $0 }) }
            add(run.clusters, of: line, xs: offsets?.xs ?? [], to: &batch, on: cr)
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
    func add(_ clusters: Range<Int>, of line: TextLine, xs: [Double], to batch: inout GlyphBatch, on cr: OpaquePointer) {
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
            add(start..<end, of: shaped, at: xs[first..<(first + end - start)], baseline: line.origin.y, to: &batch)
            start = end
        }
    }

    /// Adds clusters of one font and colour, each at its x, to the batch.
    func add(_ clusters: Range<Int>, of shaped: ShapedText, at xs: ArraySlice<Double>, baseline: Double, to batch: inout GlyphBatch) {
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
