/// One element of the structure tree: its role and an identity unique in the document, so
/// that the lines of one paragraph, or the cells of one row, are known to belong together
/// even when a page break falls between them.
public struct StructureElement: Sendable, Hashable {
    public var role: StructureRole
    public var id: Int
    /// BCP 47 language of the element when it differs from the document's (`zh-TW` for a
    /// Chinese summary in the English brief).
    public var language: String?

    public init(_ role: StructureRole, id: Int, language: String? = nil) {
        self.role = role
        self.id = id
        self.language = language
    }
}
