import InputSupport
import ReportExport

/// `report csv`: the five CSV files, written all or nothing into one folder.
public struct CSVReport {
    public var loaded: LoadedSummit
    public var cities: String
    public var folder: String

    public init(loaded: LoadedSummit, cities: String = "all", folder: String = "Output") {
        self.loaded = loaded
        self.cities = cities
        self.folder = folder
    }

    public func tables() throws(ReportError) -> (tables: [CSVTable], warnings: [InputWarning]) {
        let (places, warnings) = try CitySelection.resolve(cities, among: loaded.places)
        var exports = CSVExports(summits: loaded.summits, places: places)
        exports.translations = loaded.translations
        return (exports.tables, warnings)
    }

    /// Writes the files; returns their paths and row counts.
    public func run() throws(ReportError) -> (files: [(path: String, rows: Int)], warnings: [InputWarning]) {
        try OutputTarget.checkFolderPath(folder)
        let (tables, warnings) = try tables()
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let files = tables.map { table in (path: prefix + table.name, body: { (descriptor: Int32) throws in
            try AtomicFile.writeAll(table.bytes, to: descriptor)
        }) }
        try AtomicFile.write(files, inputs: loaded.inputFiles)
        return (zip(files, tables).map { ($0.path, $1.rows.count) }, warnings)
    }
}
