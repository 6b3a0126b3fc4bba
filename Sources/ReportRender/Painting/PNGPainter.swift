import CPangoCairo
import Foundation
import ReportLayout

/// Renders pages as PNG images with the page painter the PDF uses, so a preview (a quick
/// look, a slide) shows exactly what will print, without a PDF viewer.
public struct PNGPainter: Sendable {
    /// The fonts the text was shaped with.
    public let registry: FontRegistry

    public init(registry: FontRegistry) { self.registry = registry }

    /// The PNG bytes of each page asked for (indices from 0), at `dpi`, on white.
    public func render(_ document: LaidOutDocument, pages: [Int], dpi: Double) throws(RenderError) -> [[UInt8]] {
        PDFPainter.cairoLock.lock()
        defer { PDFPainter.cairoLock.unlock() }
        let painter = PagePainter(fonts: FontTable(registry: registry, subsetter: FontSubsetter()))
        let plan = StructurePlan(document, tagged: false)
        var images: [[UInt8]] = []
        for index in pages where document.pages.indices.contains(index) {
            let page = document.pages[index]
            let scale = dpi / 72
            let width = Int32((page.size.width * scale).rounded()), height = Int32((page.size.height * scale).rounded())
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height) else {
                throw RenderError("cannot create an image of \(width) × \(height) pixels")
            }
            defer { cairo_surface_destroy(surface) }
            guard let cr = cairo_create(surface) else { throw RenderError("cannot create a Cairo context") }
            defer { cairo_destroy(cr) }
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            cairo_scale(cr, scale, scale)
            var tags = TagStack()
            painter.paint(page, runs: plan.pages[index], linkAreas: [:], on: cr, tags: &tags)
            cairo_surface_flush(surface)
            let sink = PNGBytes()
            let unmanaged = Unmanaged.passRetained(sink)
            defer { unmanaged.release() }
            let status = cairo_surface_write_to_png_stream(surface, { closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<PNGBytes>.fromOpaque(closure).takeUnretainedValue().bytes
                    .append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                return CAIRO_STATUS_SUCCESS
            }, unmanaged.toOpaque())
            guard status == CAIRO_STATUS_SUCCESS else {
                throw RenderError("Cairo could not write page \(index + 1) as PNG: \(String(cString: cairo_status_to_string(status)))")
            }
            images.append(sink.bytes)
        }
        return images
    }

    /// Where Cairo's PNG bytes go.
    private final class PNGBytes {
        var bytes: [UInt8] = []
    }
}
