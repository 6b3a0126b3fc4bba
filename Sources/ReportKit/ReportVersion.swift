/// The version of `report`, in one place: `report --version`, the PDF's Creator and the CSV
/// data dictionary all say this.
public enum ReportVersion {
    /// Semantic version of the tool.
    public static let number = "0.9.0"

    /// How the tool names itself in the files it writes: `report 0.9.0`.
    public static let toolName = "report \(number)"
}
