/// Measures text for the layout. The Pango shaper implements it for real; tests use a
/// fake with fixed advances, so layout results can be checked as plain numbers. A shaper
/// is used by one thread at a time; a parallel layout gets one per thread.
public protocol TextShaper: AnyObject, Sendable {
    /// Shapes rich text as one unbroken line; the layout breaks it into lines itself.
    func shape(_ text: RichText, cjkLatinSpacing: Bool) -> ShapedText

    /// Whether a font family a style names can be used (checked before anything is laid out).
    func hasFamily(_ family: String) -> Bool
}
