import ReportLayout

/// Attributes of one structure element that Cairo's tag API cannot write, added by the
/// finishing step: a language where it differs from the document's, a description for a
/// figure, replacement text, the scope of a table header cell, and the description of a
/// link's annotation (PDF/UA wants `/Contents` on every annotation).
public struct StructureAttributes: Sendable, Equatable {
    /// `/Lang`, BCP 47, for an element in another language than the document.
    public var language: String?
    /// `/Alt`: what a figure shows, for someone who cannot see it.
    public var alt: String?
    /// `/ActualText`: the text the element's content stands for.
    public var actualText: String?
    /// For a `TH`: the cells it is the header of (`/A << /O /Table /Scope … >>`).
    public var scope: StructureRole.HeaderScope?
    /// For a `Link`: the `/Contents` of its annotation (found through the element's OBJR).
    public var linkContents: String?

    public init(language: String? = nil, alt: String? = nil, actualText: String? = nil, scope: StructureRole.HeaderScope? = nil,
                linkContents: String? = nil) {
        self.language = language
        self.alt = alt
        self.actualText = actualText
        self.scope = scope
        self.linkContents = linkContents
    }
}
