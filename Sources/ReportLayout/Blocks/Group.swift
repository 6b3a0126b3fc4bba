/// Blocks read as one element of the given role.
public struct Group: Sendable {
    public var role: StructureRole
    public var blocks: [Block]

    public init(_ role: StructureRole, _ blocks: [Block]) {
        self.role = role
        self.blocks = blocks
    }
}
