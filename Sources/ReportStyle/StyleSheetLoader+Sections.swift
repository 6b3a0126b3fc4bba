import InputSupport

/// The sections of a style sheet (`paper`, `margins`, `fonts`, `sizes`, `colors`, `heatmap`,
/// `typography` …), each read and checked key by key: a wrong type or an impossible value
/// stops the run at its line; an unknown key is a warning.
extension StyleSheetLoader {

    func readPaper(_ paper: YAMLValue, into style: inout StyleSheet) throws(InputError) -> [InputWarning] {
        var warnings: [InputWarning] = []
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
        return warnings
    }

    func readMargins(_ margins: YAMLObject, into style: inout StyleSheet) throws(InputError) -> [InputWarning] {
        var warnings: [InputWarning] = []
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
        return warnings
    }

    func readPrintableInset(_ inset: YAMLValue, into style: inout StyleSheet) throws(InputError) {
        style.printableInset = try Length.points(inset)
        guard style.printableInset >= 0 else { throw InputError("`printable-inset` must not be negative", at: inset.location) }
    }

    func readFonts(_ fonts: YAMLObject, into style: inout StyleSheet) throws(InputError) -> [InputWarning] {
        var warnings: [InputWarning] = []
        warnings += fonts.unknownKeys(allowed: ["family", "heading", "package"])
        if let family = fonts["family"] { style.fonts.family = try nonEmpty(family) }
        if let heading = fonts["heading"] { style.fonts.headingFamily = try nonEmpty(heading) }
        if let package = fonts["package"] { style.fonts.package = try package.string() }
        return warnings
    }

    func readSizes(_ sizes: YAMLObject, into style: inout StyleSheet) throws(InputError) -> [InputWarning] {
        var warnings: [InputWarning] = []
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
        return warnings
    }

    func readLeading(_ leading: YAMLValue, into style: inout StyleSheet) throws(InputError) {
        style.leading = try leading.double()
        guard (1...3).contains(style.leading) else { throw InputError("`leading` must be between 1 and 3 (times the font size)", at: leading.location) }
    }

    func readParagraphSpacing(_ spacing: YAMLValue, into style: inout StyleSheet) throws(InputError) {
        style.paragraphSpacing = try spacing.double()
        guard (0...4).contains(style.paragraphSpacing) else { throw InputError("`paragraph-spacing` must be between 0 and 4 (times the body size)", at: spacing.location) }
    }

    func readColors(_ colors: YAMLObject, into style: inout StyleSheet) throws(InputError) -> [InputWarning] {
        var warnings: [InputWarning] = []
        let keys: [(String, WritableKeyPath<StyleSheet.Colors, Color>)] = [
            ("text", \.text), ("muted", \.muted), ("accent", \.accent), ("on-accent", \.onAccent), ("rule", \.rule),
            ("zebra", \.zebra), ("panel", \.panel), ("link", \.link),
        ]
        warnings += colors.unknownKeys(allowed: Set(keys.map(\.0)))
        for (key, path) in keys {
            if let value = colors[key] { style.colors[keyPath: path] = try color(value) }
        }
        return warnings
    }

    func readHeatmap(_ heatmap: YAMLObject, into style: inout StyleSheet) throws(InputError) -> [InputWarning] {
        var warnings: [InputWarning] = []
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
        return warnings
    }

    func readTypography(_ typography: YAMLObject, into style: inout StyleSheet) throws(InputError) -> [InputWarning] {
        var warnings: [InputWarning] = []
        warnings += typography.unknownKeys(allowed: ["justify", "cjk-latin-spacing", "cjk-latin-gap"])
        if let justify = typography["justify"] { style.typography.justify = try justify.bool() }
        if let spacing = typography["cjk-latin-spacing"] { style.typography.cjkLatinSpacing = try spacing.bool() }
        if let gap = typography["cjk-latin-gap"] {
            style.typography.cjkLatinGap = try gap.double()
            guard (0...1).contains(style.typography.cjkLatinGap) else { throw InputError("`typography.cjk-latin-gap` must be between 0 and 1 em", at: gap.location) }
        }
        return warnings
    }

    /// `proportions:`: each key with the range that still makes a brief.
    func readProportions(_ object: YAMLObject, into proportions: inout StyleSheet.Proportions) throws(InputError) -> [InputWarning] {
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
}
