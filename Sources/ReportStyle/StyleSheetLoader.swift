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

        if let paper = root["paper"] {
            if let named = try? paper.string() {
                guard let found = Self.papers[named.lowercased()] else {
                    throw InputError("`paper` must be a4, letter or {width, height}, found \(Excerpt.quoted(named))", at: paper.location)
                }
                style.paper = found
            } else {
                let size = try paper.object()
                warnings += size.unknownKeys(allowed: ["width", "height"])
                style.paper = StyleSheet.Paper(name: "custom", width: try Length.points(size.required("width")),
                                               height: try Length.points(size.required("height")))
                for (key, value) in [("width", style.paper.width), ("height", style.paper.height)] where value < 144 || value > 14400 {
                    throw InputError("`paper.\(key)` must be between 2in and 200in, found \(value)pt", at: paper.location)
                }
            }
        }
        if let margins = try root["margins"]?.object() {
            warnings += margins.unknownKeys(allowed: ["top", "bottom", "left", "right"])
            for key in ["top", "bottom", "left", "right"] {
                guard let value = margins[key] else { continue }
                let points = try Length.points(value)
                guard points >= 0 else {
                    throw InputError("`margins.\(key)` must not be negative, found \(Excerpt.of(try value.string()))", at: value.location)
                }
                switch key {
                case "top": style.margins.top = points
                case "bottom": style.margins.bottom = points
                case "left": style.margins.left = points
                default: style.margins.right = points
                }
            }
        }
        if let inset = root["printable-inset"] {
            style.printableInset = try Length.points(inset)
            guard style.printableInset >= 0 else { throw InputError("`printable-inset` must not be negative", at: inset.location) }
        }
        if let fonts = try root["fonts"]?.object() {
            warnings += fonts.unknownKeys(allowed: ["family", "heading", "package"])
            if let family = fonts["family"] { style.fonts.family = try nonEmpty(family) }
            if let heading = fonts["heading"] { style.fonts.headingFamily = try nonEmpty(heading) }
            if let package = fonts["package"] { style.fonts.package = try package.string() }
        }
        if let sizes = try root["sizes"]?.object() {
            let keys: [(String, WritableKeyPath<StyleSheet.Sizes, Double>)] = [
                ("body", \.body), ("small", \.small), ("table", \.table), ("heatmap", \.heatmap), ("header", \.header),
                ("title", \.title), ("h1", \.h1), ("h2", \.h2), ("h3", \.h3),
            ]
            warnings += sizes.unknownKeys(allowed: Set(keys.map(\.0)))
            for (key, path) in keys {
                guard let value = sizes[key] else { continue }
                let size = try value.double()
                guard (6...96).contains(size) else {
                    throw InputError("`sizes.\(key)` must be between 6 and 96 points, found \(size)", at: value.location)
                }
                style.sizes[keyPath: path] = size
            }
        }
        if let leading = root["leading"] {
            style.leading = try leading.double()
            guard (1...3).contains(style.leading) else { throw InputError("`leading` must be between 1 and 3 (times the font size)", at: leading.location) }
        }
        if let spacing = root["paragraph-spacing"] {
            style.paragraphSpacing = try spacing.double()
            guard (0...4).contains(style.paragraphSpacing) else { throw InputError("`paragraph-spacing` must be between 0 and 4 (times the body size)", at: spacing.location) }
        }
        if let colors = try root["colors"]?.object() {
            let keys: [(String, WritableKeyPath<StyleSheet.Colors, Color>)] = [
                ("text", \.text), ("muted", \.muted), ("accent", \.accent), ("on-accent", \.onAccent), ("rule", \.rule),
                ("zebra", \.zebra), ("panel", \.panel), ("link", \.link),
            ]
            warnings += colors.unknownKeys(allowed: Set(keys.map(\.0)))
            for (key, path) in keys {
                if let value = colors[key] { style.colors[keyPath: path] = try color(value) }
            }
        }
        if let heatmap = try root["heatmap"]?.object() {
            warnings += heatmap.unknownKeys(allowed: ["thresholds", "colors", "dark-text", "light-text"])
            if let thresholds = heatmap["thresholds"] {
                var values: [Int] = []
                for item in try thresholds.list() { values.append(try item.int()) }
                guard !values.isEmpty, values.first ?? 0 >= 1, zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) else {
                    throw InputError("`heatmap.thresholds` must be increasing whole numbers from 1, e.g. [1, 2, 3, 5, 8]", at: thresholds.location)
                }
                style.heatmap.thresholds = values
            }
            if let colors = heatmap["colors"] {
                var values: [Color] = []
                for item in try colors.list() { values.append(try color(item)) }
                style.heatmap.colors = values
            }
            if let dark = heatmap["dark-text"] { style.heatmap.darkText = try color(dark) }
            if let light = heatmap["light-text"] { style.heatmap.lightText = try color(light) }
            guard style.heatmap.colors.count == style.heatmap.thresholds.count + 1 else {
                throw InputError("`heatmap.colors` needs one colour more than `heatmap.thresholds` (one for 0, one per threshold): "
                                 + "\(style.heatmap.thresholds.count) thresholds, \(style.heatmap.colors.count) colours", at: heatmap.location)
            }
            let lightness = style.heatmap.colors.map(\.greyscale.luminance)
            if !zip(lightness, lightness.dropFirst()).allSatisfy({ $0 > $1 }) {
                warnings.append(InputWarning("`heatmap.colors` do not get darker step by step, so the heatmap will not read in black-and-white print",
                                             at: heatmap.location, hint: "Order the colours from light to dark."))
            }
        }
        if let typography = try root["typography"]?.object() {
            warnings += typography.unknownKeys(allowed: ["justify", "cjk-latin-spacing", "cjk-latin-gap"])
            if let justify = typography["justify"] { style.typography.justify = try justify.bool() }
            if let spacing = typography["cjk-latin-spacing"] { style.typography.cjkLatinSpacing = try spacing.bool() }
            if let gap = typography["cjk-latin-gap"] {
                style.typography.cjkLatinGap = try gap.double()
                guard (0...1).contains(style.typography.cjkLatinGap) else { throw InputError("`typography.cjk-latin-gap` must be between 0 and 1 em", at: gap.location) }
            }
        }
        if let proportions = try root["proportions"]?.object() {
            warnings += try readProportions(proportions, into: &style.proportions)
        }
        try validateGeometry(style, root: root)
        style.sourceFiles.append(file)
        return (style, warnings)
    }

    /// `proportions:`: each key with the range that still makes a brief.
    private func readProportions(_ object: YAMLObject, into proportions: inout StyleSheet.Proportions) throws(InputError) -> [InputWarning] {
        let keys: [(String, WritableKeyPath<StyleSheet.Proportions, Double>, ClosedRange<Double>)] = [
            ("minimum-size", \.minimumSize, 4...24), ("header-left-share", \.headerLeftShare, 0.1...0.9),
            ("header-right-share", \.headerRightShare, 0.1...0.9), ("leader-pitch", \.leaderPitch, 0.2...3),
            ("leader-dot-radius", \.leaderDotRadius, 0.01...0.5), ("contents-number-column", \.contentsNumberColumn, 1...10),
            ("panel-accent", \.panelAccent, 0...20), ("list-marker-column", \.listMarkerColumn, 0.5...6),
            ("list-marker-gap", \.listMarkerGap, 0...3), ("heatmap-place-column", \.heatmapPlaceColumn, 3...30),
            ("heatmap-stacked-line", \.heatmapStackedLine, 0.8...3), ("heatmap-stacked-width", \.heatmapStackedWidth, 1...4),
            ("heatmap-cell-gap", \.heatmapCellGap, 0...10), ("cover-label-column", \.coverLabelColumn, 2...30),
            ("cover-top-space", \.coverTopSpace, 0...10),
        ]
        let warnings = object.unknownKeys(allowed: Set(keys.map(\.0) + ["comparison-columns"]))
        for (key, path, range) in keys {
            guard let value = object[key] else { continue }
            let number = try value.double()
            guard range.contains(number) else {
                throw InputError("`proportions.\(key)` must be between \(range.lowerBound) and \(range.upperBound), found \(number)", at: value.location)
            }
            proportions[keyPath: path] = number
        }
        if proportions.headerLeftShare + proportions.headerRightShare > 1 {
            throw InputError("`proportions.header-left-share` and `header-right-share` add up to more than the column",
                             at: object["header-left-share"]?.location ?? object.location)
        }
        if let columns = object["comparison-columns"] {
            var weights: [Double] = []
            for item in try columns.list() { weights.append(try item.double()) }
            guard weights.count == 4, weights.allSatisfy({ (0.1...10).contains($0) }) else {
                throw InputError("`proportions.comparison-columns` must be four weights from 0.1 to 10 (place, speakers, themes, figures)",
                                 at: columns.location)
            }
            proportions.comparisonColumns = weights
        }
        return warnings
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

    private func nonEmpty(_ value: YAMLValue) throws(InputError) -> String {
        let text = try value.string()
        guard !text.trimmingCharacters(in: " ").isEmpty else { throw InputError("`\(value.keyPath)` must not be empty", at: value.location) }
        return text
    }

    private func color(_ value: YAMLValue) throws(InputError) -> Color {
        let text = try value.string()
        guard let color = Color(hex: text) else {
            throw InputError("`\(value.keyPath)` must be a colour written #RRGGBB, found \(Excerpt.quoted(text))", at: value.location)
        }
        return color
    }
}
