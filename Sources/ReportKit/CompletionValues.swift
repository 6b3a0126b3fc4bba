import ReportStyle
import SummitModel

/// Values a shell completes for options (`report pdf --style <TAB>`), found by the same lookup
/// as a run (`ResourceLocator`). Nothing here may fail loudly: a completion that cannot read its
/// data offers nothing.
public enum CompletionValues {
    /// The style names in `./Styles` and the installed styles.
    public static func styles(locator: ResourceLocator = .current) -> [String] {
        StyleSheetLoader(stylesFolders: locator.stylesFolders).availableStyles()
    }

    /// `all`, the curated places' slugs and `country:XX` for their countries.
    public static func cities(locator: ResourceLocator = .current) -> [String] {
        guard let places = try? PlaceDirectory.load(locator.dataFile("places.yaml")).directory.places else { return ["all"] }
        let countries = Set(places.map(\.country.iso).filter { !$0.isEmpty }).sorted().map { "country:" + $0 }
        return ["all"] + places.map(\.slug) + countries
    }
}
