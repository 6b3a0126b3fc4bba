/// Why Cairo could not paint, or the PDF could not be finished.
public struct RenderError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
