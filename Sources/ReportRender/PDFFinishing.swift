/// What the finishing step writes into a brief that Cairo cannot: the document's language
/// and metadata (the Info dictionary and the XMP packet, which PDF/A requires to agree), and
/// attributes of structure elements.
///
/// The metadata strings should be the ones given to Cairo's `cairo_pdf_surface_set_metadata`,
/// `date` included (ISO 8601 with an offset), so the file says one thing everywhere.
public struct PDFFinishing: Sendable {
    /// The brief's language, BCP 47 (`zh-TW`, `en`): the catalog's `/Lang` and `dc:language`.
    public var language: String
    public var title: String
    public var subject: String
    public var author: String
    public var creator: String
    public var keywords: [String]
    /// Creation and modification date, ISO 8601 (`2021-03-23T00:00:00+08:00`).
    public var date: String
    /// Attributes by the element's position in a depth-first preorder walk of the structure
    /// tree from the StructTreeRoot's `/K`, counting structure elements only (0 is the first
    /// element, normally `Document`). That is the order of the painter's `cairo_tag_begin` calls.
    public var elements: [Int: StructureAttributes]
    /// The ICC profile of the sRGB output intent (PDF/A needs one for DeviceRGB).
    public var colorProfile: String

    /// The sRGB profile of Debian's `icc-profiles-free` (the Makefile installs it).
    public static let defaultColorProfile = "/usr/share/color/icc/sRGB.icc"
    /// The Debian package that holds `defaultColorProfile`, for the error when it is missing.
    public static let colorProfilePackage = "icc-profiles-free"

    public init(language: String, title: String, subject: String = "", author: String = "", creator: String = "",
                keywords: [String] = [], date: String, elements: [Int: StructureAttributes] = [:],
                colorProfile: String = PDFFinishing.defaultColorProfile) {
        self.language = language
        self.title = title
        self.subject = subject
        self.author = author
        self.creator = creator
        self.keywords = keywords
        self.date = date
        self.elements = elements
        self.colorProfile = colorProfile
    }
}
