/// Hands out element identities for one piece of a document. Pieces are laid out on
/// several threads; each has its own source, whose numbers start at a base no other piece
/// uses, so identities never collide and do not depend on which thread ran first.
final class StructureIDs {
    private var next: Int

    /// Identities of piece `piece` start here; a piece has room for 2^32 elements.
    init(piece: Int) { next = (piece + 1) << 32 }

    func make(_ role: StructureRole, language: String? = nil) -> StructureElement {
        next += 1
        return StructureElement(role, id: next, language: language)
    }
}
