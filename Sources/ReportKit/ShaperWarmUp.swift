import Dispatch
import ReportLayout
import ReportRender
import ReportStyle

/// Starts Pango on another core while the summit file is being read.
///
/// The first text a Pango context shapes pays for fontconfig: reading its configuration and
/// caches, then sorting every installed font to build the fallback list. For the 2021 brief
/// that is about a tenth of the run; done during import, it costs no wall time. The shaper
/// it warmed is the one the layout then uses.
public final class ShaperWarmUp: @unchecked Sendable {
    private let done = DispatchGroup()
    private var shaper: PangoShaper?

    public init(options: PDFOptions) {
        DispatchQueue.global(qos: .userInitiated).async(group: done) { [self] in
            let shaper = PangoShaper(registry: FontRegistry())
            // A style that fails to load is reported by the run itself; warm up the default fonts.
            let fonts = (try? PDFReport.style(for: options).0.fonts) ?? StyleSheet.standard.fonts
            for family in Set([fonts.family, fonts.headingFamily]) {
                for bold in [false, true] {
                    let style = TextStyle(font: FontSpec(family: family, bold: bold, size: 10), color: .black)
                    _ = shaper.shape(RichText("臺北市 Taipei 2021", style), cjkLatinSpacing: false)
                }
            }
            self.shaper = shaper
        }
    }

    /// The warmed shaper, once it is ready.
    func take() -> PangoShaper? {
        done.wait()
        defer { shaper = nil }
        return shaper
    }
}
