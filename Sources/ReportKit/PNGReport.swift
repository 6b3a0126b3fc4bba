import Foundation
import InputSupport
import ReportLayout
import ReportRender

/// What `report png` was asked for: the brief's own options, which pages, how sharp.
public struct PNGOptions: Sendable {
    public var brief: PDFOptions
    /// Pages from 1, as printed in the footers.
    public var pages: ClosedRange<Int>
    public var dpi: Double
    public var folder: String

    public init(brief: PDFOptions, pages: ClosedRange<Int> = 1...1, dpi: Double = 110, folder: String = "Output") {
        self.brief = brief
        self.pages = pages
        self.dpi = dpi
        self.folder = folder
    }

    /// The resolutions a preview may have: below 30 nothing reads, above 600 an A4 page is
    /// a 35-megapixel image.
    public static let dpiRange: ClosedRange<Double> = 30...600
}

/// `report png`: pages of the brief as images, through the same layout and page painter as
/// the PDF, for a quick look or a slide.
public struct PNGReport {
    public var loaded: LoadedSummit
    public var options: PNGOptions
    public var clock: ReportClock

    public init(loaded: LoadedSummit, options: PNGOptions, clock: ReportClock = ReportClock()) {
        self.loaded = loaded
        self.options = options
        self.clock = clock
    }

    /// Writes one PNG per page asked for, all or none, and returns their paths.
    public func run() throws(ReportError) -> (paths: [String], warnings: [InputWarning]) {
        guard PNGOptions.dpiRange.contains(options.dpi) else {
            throw ReportError(.usage, "--dpi \(options.dpi) is out of range: use \(Int(PNGOptions.dpiRange.lowerBound))–\(Int(PNGOptions.dpiRange.upperBound))")
        }
        let shaper = PangoShaper(registry: FontRegistry())
        let brief = PDFReport(loaded: loaded, options: options.brief, clock: clock)
        let (document, style, warnings) = try brief.layout(shapers: [shaper])
        guard options.pages.lowerBound >= 1, options.pages.upperBound <= document.pages.count else {
            throw ReportError(.usage, "--pages \(options.pages.lowerBound)-\(options.pages.upperBound): the brief has pages 1-\(document.pages.count)")
        }
        let images: [[UInt8]]
        do {
            images = try PNGPainter(registry: shaper.registry).render(document, pages: options.pages.map { $0 - 1 }, dpi: options.dpi)
        } catch {
            throw ReportError(.output, error.description)
        }
        let name = URL(fileURLWithPath: brief.defaultOutputPath(style: style)).deletingPathExtension().lastPathComponent
        let digits = String(document.pages.count).count
        let files = zip(options.pages, images).map { page, image in
            let number = String(repeating: "0", count: max(0, digits - String(page).count)) + String(page)
            return (path: options.folder + "/\(name)-p\(number).png", body: { (descriptor: Int32) throws in try AtomicFile.writeAll(image, to: descriptor) })
        }
        try AtomicFile.write(files.map { ($0.path, $0.body) })
        return (files.map(\.path), warnings)
    }
}
