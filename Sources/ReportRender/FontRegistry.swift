import CPangoCairo
import Foundation

/// The fonts that a group of shapers used, under handles that mean the same font in all
/// of them, so that text shaped on different threads is painted from one table.
///
/// A font is known by its Pango description (family, weight, style, size); its face (the
/// description without the size) decides which fonts share one subset in the PDF.
public final class FontRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var fonts: [UnsafeMutablePointer<PangoFont>] = []
    private var faces: [String] = []
    private var keys: [String] = []
    private var handles: [String: Int32] = [:]

    public init() {}

    deinit {
        for font in fonts { report_object_unref(font) }
    }

    /// The handle for a font a shaper used; the first shaper to report a font lends it to
    /// the registry for painting.
    func handle(for font: UnsafeMutablePointer<PangoFont>) -> Int32 {
        let description = pango_font_describe_with_absolute_size(font)
        defer { pango_font_description_free(description) }
        let key = Self.string(description)
        pango_font_description_unset_fields(description, PANGO_FONT_MASK_SIZE)
        let face = Self.string(description)
        lock.lock()
        defer { lock.unlock() }
        if let handle = handles[key] { return handle }
        _ = report_object_ref(font)
        fonts.append(font)
        faces.append(face)
        keys.append(key)
        let handle = Int32(fonts.count - 1)
        handles[key] = handle
        return handle
    }

    private static func string(_ description: OpaquePointer?) -> String {
        guard let pointer = pango_font_description_to_string(description) else { return "" }
        defer { g_free(pointer) }
        return String(cString: pointer)
    }

    var count: Int { lock.withLock { fonts.count } }

    func font(_ handle: Int32) -> UnsafeMutablePointer<PangoFont>? {
        lock.withLock { handle >= 0 && Int(handle) < fonts.count ? fonts[Int(handle)] : nil }
    }

    /// Which face a handle's font is (`Noto Sans CJK TC Bold`): fonts of one face at several
    /// sizes share a subset.
    func face(_ handle: Int32) -> String {
        lock.withLock { handle >= 0 && Int(handle) < faces.count ? faces[Int(handle)] : "" }
    }

    /// The font's full description with its size (`Noto Sans CJK TC Bold 10.5px`). Handles
    /// are numbered in the order shapers first meet fonts, which on two threads changes from
    /// run to run; anything that decides the order of bytes in the PDF sorts by this instead.
    func key(_ handle: Int32) -> String {
        lock.withLock { handle >= 0 && Int(handle) < keys.count ? keys[Int(handle)] : "" }
    }

    /// Cairo's font for a handle, as Pango made it.
    func scaledFont(_ handle: Int32) -> OpaquePointer? {
        font(handle).flatMap { pango_cairo_font_get_scaled_font(OpaquePointer($0)) }
    }

    /// The font's description, for messages and tests.
    public func description(_ handle: Int32) -> String {
        guard let font = font(handle) else { return "?" }
        let description = pango_font_describe(font)
        defer { pango_font_description_free(description) }
        return Self.string(description)
    }
}
