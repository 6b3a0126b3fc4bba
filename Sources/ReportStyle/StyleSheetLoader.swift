import InputSupport

/// Reads a style sheet, checking every key: a wrong type, an impossible value or a colour
/// that is not a colour stops the run with the file, line and key; an unknown key is a
/// warning (usually a typo) and is otherwise ignored.
public struct StyleSheetLoader: Sendable {
    /// Folders that hold the named styles (`default`, `print-grayscale`, `large-print`), searched
    /// in order: the first that has a style by a name provides it.
    public var stylesFolders: [String]

    /// The first styles folder, as messages name it.
    public var stylesFolder: String { stylesFolders.first ?? "Styles" }

    /// Styles by name from one folder only.
    public init(stylesFolder: String = "Styles") {
        self.stylesFolders = [stylesFolder]
    }

    /// Styles looked up in `stylesFolders`, in order (`./Styles`, then the installed ones).
    public init(stylesFolders: [String]) {
        self.stylesFolders = stylesFolders
    }

    /// The styles in the folders, by name, sorted, each once.
    public func availableStyles() -> [String] {
        Set(stylesFolders.flatMap { InputFolder.files(in: $0, withExtension: "yaml") }.map { String($0.dropLast(5)) }).sorted()
    }

    /// Where the styles are looked up, for messages: `Styles/` or `Styles/, /usr/share/report/Styles/`.
    private var foldersText: String {
        stylesFolders.isEmpty ? "Styles/" : stylesFolders.map { $0 + "/" }.joined(separator: ", ")
    }

    /// `NAME` (a style in the styles folder) or a path to a `.yaml` file.
    public func load(_ nameOrPath: String) throws(InputError) -> (style: StyleSheet, warnings: [InputWarning]) {
        var visited: [String] = []
        return try load(nameOrPath, visited: &visited)
    }

    /// `--style`: a name in the styles folder, or the path of a `.yaml` (or `.yml`) file.
    public func path(for nameOrPath: String) throws(InputError) -> String {
        if nameOrPath.contains("/") || Self.isStyleFileName(nameOrPath) {
            guard Self.isStyleFileName(nameOrPath) else {
                throw InputError("the style \(Excerpt.quoted(nameOrPath)) is neither a style name nor a .yaml file",
                                 hint: "Give a style in \(foldersText) by name (\(availableStyles().joined(separator: ", "))) or the path of a .yaml style sheet.")
            }
            return nameOrPath
        }
        return try namedPath(nameOrPath)
    }

    private static func isStyleFileName(_ path: String) -> Bool { path.hasSuffix(".yaml") || path.hasSuffix(".yml") }

    /// A style in the styles folder by its name.
    private func namedPath(_ name: String, at location: SourceLocation? = nil, beside file: String? = nil) throws(InputError) -> String {
        if !name.isEmpty, !name.hasPrefix(".") {
            for folder in stylesFolders where InputFolder.isFile(folder + "/" + name + ".yaml") { return folder + "/" + name + ".yaml" }
            // `extends: base` with no such style in the styles folders: a sheet beside the extending one.
            if let file, InputFolder.isFile(Self.folder(of: file) + "/" + name + ".yaml") { return Self.folder(of: file) + "/" + name + ".yaml" }
        }
        let names = availableStyles()
        let nearest = NearestName.find(name, in: names).map { " Did you mean '\($0)'?" } ?? ""
        let hint = names.isEmpty
            ? "No style sheets were found (looked in ./Styles and the installed share/report/Styles): run `make install`, work in a folder with Styles/, or give the path of a .yaml file."
            : "Styles in \(foldersText): \(names.joined(separator: ", ")); or give the path of a .yaml file."
        throw InputError("unknown style \(Excerpt.quoted(name)).\(nearest)", at: location, hint: hint)
    }

    /// The folder of `file` (`.` for a bare name).
    private static func folder(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        let folder = String(file[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// `extends:` in `file`: a style by name, looked up in the styles folders and then beside the
    /// extending file, or a `.yaml` style sheet by a path relative to the extending file. Nothing else is opened, so a style sheet cannot make
    /// the tool read (and quote in a message) an arbitrary file such as `/etc/passwd`.
    private func extendedPath(_ value: YAMLValue, from file: String) throws(InputError) -> String {
        let text = try value.string()
        guard text.contains("/") || Self.isStyleFileName(text) else { return try namedPath(text, at: value.location, beside: file) }
        guard Self.isStyleFileName(text), !text.hasPrefix("/") else {
            throw InputError("`extends` must name a style in \(foldersText) or a .yaml style sheet by a path relative to this file, found \(Excerpt.quoted(text))",
                             at: value.location, hint: "e.g. `extends: default` or `extends: base.yaml`.")
        }
        let folder = file.contains("/") ? String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)]) : "."
        let path = (folder.isEmpty ? "" : folder) + "/" + text
        guard InputFolder.isFile(path) else {
            throw InputError("`extends` names \(Excerpt.quoted(text)), and there is no such style sheet beside this file", at: value.location,
                             hint: "The path is read relative to the folder of the style sheet that extends it.")
        }
        return path
    }

    private func load(_ nameOrPath: String, visited: inout [String]) throws(InputError) -> (style: StyleSheet, warnings: [InputWarning]) {
        try load(file: path(for: nameOrPath), visited: &visited)
    }

    private func load(file: String, visited: inout [String]) throws(InputError) -> (style: StyleSheet, warnings: [InputWarning]) {
        // The same file by another path (`./a.yaml`, a link) is the same sheet: compare identities.
        let identity = InputFile.identity(of: file) ?? file
        guard !visited.contains(identity) else {
            throw InputError("style sheets extend each other in a circle", at: SourceLocation(file: file),
                             hint: "Remove the `extends` that leads back to this sheet.")
        }
        guard visited.count < Self.maximumDepth else {
            throw InputError("style sheets extend each other more than \(Self.maximumDepth) deep", at: SourceLocation(file: file))
        }
        visited.append(identity)
        let root = try YAMLValue.load(file, what: "style sheet").object()
        var warnings = root.unknownKeys(allowed: ["name", "extends", "paper", "margins", "printable-inset", "fonts", "sizes", "leading",
                                                  "paragraph-spacing", "colors", "heatmap", "typography", "proportions"])
        var style = StyleSheet.standard
        if let parent = root["extends"] {
            let loaded = try load(file: try extendedPath(parent, from: file), visited: &visited)
            style = loaded.style
            warnings = loaded.warnings + warnings
        }
        style.name = try root["name"]?.string() ?? String((file.split(separator: "/").last ?? "style").split(separator: ".").first ?? "style")

        if let paper = root["paper"] { warnings += try readPaper(paper, into: &style) }
        if let margins = try root["margins"]?.object() { warnings += try readMargins(margins, into: &style) }
        if let inset = root["printable-inset"] { try readPrintableInset(inset, into: &style) }
        if let fonts = try root["fonts"]?.object() { warnings += try readFonts(fonts, into: &style) }
        if let sizes = try root["sizes"]?.object() { warnings += try readSizes(sizes, into: &style) }
        if let leading = root["leading"] { try readLeading(leading, into: &style) }
        if let spacing = root["paragraph-spacing"] { try readParagraphSpacing(spacing, into: &style) }
        if let colors = try root["colors"]?.object() { warnings += try readColors(colors, into: &style) }
        if let heatmap = try root["heatmap"]?.object() { warnings += try readHeatmap(heatmap, into: &style) }
        if let typography = try root["typography"]?.object() { warnings += try readTypography(typography, into: &style) }
        if let proportions = try root["proportions"]?.object() {
            warnings += try readProportions(proportions, into: &style.proportions)
        }
        try validateGeometry(style, root: root)
        style.sourceFiles.append(file)
        return (style, warnings)
    }

    /// How many sheets a chain of `extends` may hold: a real chain is two or three long.
    static let maximumDepth = 16

    public static let papers: [String: StyleSheet.Paper] = ["a4": .a4, "letter": .letter]

    private func validateGeometry(_ style: StyleSheet, root: YAMLObject) throws(InputError) {
        let margins = style.margins
        let location = root["margins"]?.location ?? root.location
        if margins.left + margins.right > style.paper.width - 144 || margins.top + margins.bottom > style.paper.height - 144 {
            throw InputError("the margins leave less than 2 inches of the page for text", at: location)
        }
        let inset = style.printableInset
        if [margins.top, margins.bottom, margins.left, margins.right].contains(where: { $0 < inset + 18 }) {
            throw InputError("each margin must be at least the printable inset (\(Int(inset))pt) plus room for the running header and footer (18pt)",
                             at: location, hint: "Printers cannot print to the edge of the paper.")
        }
    }

    func nonEmpty(_ value: YAMLValue) throws(InputError) -> String {
        let text = try value.string()
        guard !text.trimmingCharacters(in: " ").isEmpty else { throw InputError("`\(value.keyPath)` must not be empty", at: value.location) }
        return text
    }

    func color(_ value: YAMLValue) throws(InputError) -> Color {
        let text = try value.string()
        guard let color = Color(hex: text) else {
            throw InputError("`\(value.keyPath)` must be a colour written #RRGGBB, found \(Excerpt.quoted(text))", at: value.location)
        }
        return color
    }
}
