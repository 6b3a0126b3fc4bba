import CPangoCairo
import ReportLayout

/// The structure elements open on the Cairo context, outermost first, and what the
/// finishing step must add to each element begun so far.
struct TagStack {
    private(set) var open: [StructureElement] = []
    /// Elements begun so far: the next one's preorder index in Cairo's structure tree.
    private(set) var begun = 0
    private(set) var attributes: [Int: StructureAttributes] = [:]
    /// The preorder index of each open element, and the text of open links.
    private var indexes: [Int] = []
    private var linkText: [Int: String] = [:]
    /// Whether the innermost open element is the one text was last painted in.
    private var leafOpen = false

    func differs(from structure: [StructureElement]) -> Bool {
        // Furniture only needs the leaf closed.
        if structure.isEmpty { return leafOpen }
        return !leafOpen || open.count != structure.count || zip(open, structure).contains { $0.id != $1.id }
    }

    /// Closes the open elements that `structure` is not inside and opens its others; an empty
    /// `structure` (furniture) closes only the leaf, as grouping elements carry no content.
    mutating func sync(to structure: [StructureElement], on cr: OpaquePointer, linkAreas: [Int: Rect] = [:]) {
        if structure.isEmpty {
            closeLeaf(on: cr)
            return
        }
        var common = 0
        while common < open.count, common < structure.count, open[common].id == structure[common].id { common += 1 }
        while open.count > common { close(on: cr) }
        for element in structure[common...] {
            var attributes = StructureAttributes()
            attributes.language = element.language
            var tagAttributes: String?
            switch element.role {
            case let .tableHeader(scope): attributes.scope = scope
            case let .link(destination):
                if let area = linkAreas[element.id] {
                    tagAttributes = "rect=[\(area.x) \(area.y) \(area.width) \(area.height)] dest='\(PDFPainter.escape(destination))'"
                } else {
                    tagAttributes = "dest='\(PDFPainter.escape(destination))'"
                }
                linkText[begun] = ""
            default: break
            }
            cairo_tag_begin(cr, element.role.tagName, tagAttributes)
            if attributes != StructureAttributes() { self.attributes[begun] = attributes }
            open.append(element)
            indexes.append(begun)
            begun += 1
        }
        leafOpen = true
    }

    /// Closes the innermost element if it holds text (a leaf), so that nothing painted next
    /// (the next page's shapes, furniture) becomes its content.
    mutating func closeLeaf(on cr: OpaquePointer) {
        guard leafOpen else { return }
        close(on: cr)
        leafOpen = false
    }

    mutating func closeAll(on cr: OpaquePointer) {
        while !open.isEmpty { close(on: cr) }
        leafOpen = false
    }

    private mutating func close(on cr: OpaquePointer) {
        guard let element = open.popLast(), let index = indexes.popLast() else { return }
        if let text = linkText.removeValue(forKey: index) {
            attributes[index, default: StructureAttributes()].linkContents = text.trimmingCharacters(in: .whitespaces)
        }
        cairo_tag_end(cr, element.role.tagName)
    }

    /// Text painted in the open elements: the open links keep it for their descriptions.
    mutating func addText(_ text: String) {
        guard !linkText.isEmpty else { return }
        for key in linkText.keys { linkText[key, default: ""] += text }
    }
}
