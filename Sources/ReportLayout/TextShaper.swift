/// Measures text for the layout. The Pango shaper implements it for real; tests use a
/// fake with fixed advances, so layout results can be checked as plain numbers.
public protocol TextShaper: AnyObject {
    /// Shapes rich text as one unbroken line; the layout breaks it into lines itself.
    func shape(_ text: RichText, cjkLatinSpacing: Bool) -> ShapedText
}
