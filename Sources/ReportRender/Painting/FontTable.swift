import CPangoCairo

/// The Cairo font for each shaper handle: the subset face when there is one.
struct FontTable {
    let registry: FontRegistry
    let subsetter: FontSubsetter

    func font(_ handle: Int32) -> OpaquePointer? { subsetter.font(for: handle) ?? registry.scaledFont(handle) }

    func glyph(_ glyph: UInt32, of handle: Int32) -> UInt32 { subsetter.glyph(glyph, of: handle) }
}
