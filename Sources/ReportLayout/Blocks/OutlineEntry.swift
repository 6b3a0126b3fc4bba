/// A bookmark in the PDF outline (the reader's sidebar), pointing at a named destination.
public struct OutlineEntry: Sendable, Hashable {
    public var title: String
    /// 0 for top-level entries, 1 for their children, and so on.
    public var level: Int
    public var destination: String

    public init(title: String, level: Int, destination: String) {
        self.title = title
        self.level = level
        self.destination = destination
    }
}
