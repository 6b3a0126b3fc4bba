import ArgumentParser
import ReportKit

/// What the brief holds and how it looks, for `report pdf` and `report png`.
struct BriefOptions: ParsableArguments {
    @Option(help: ArgumentHelp("'all', places by slug, Chinese or English name, or countries (country:CZ or a name), comma-separated.",
                               valueName: "names"),
            completion: Completions.cities)
    var cities = "all"

    @Option(help: ArgumentHelp("A style by name (default, print-grayscale, large-print; ./Styles, then the installed styles) or a .yaml file.",
                               valueName: "name|file"),
            completion: Completions.styles)
    var style = "default"

    @Option(help: ArgumentHelp("Language of the brief, in any case: zh-TW, en (the English summaries where a translation exists) or zh-TW+en (the original and the translation side by side, labels in both).", valueName: "lang"))
    var lang = LanguageOption.zhTW

    @Option(help: ArgumentHelp("Paper size, overriding the style, in any case.", valueName: "size"))
    var paper: PaperOption?

    @Flag(name: .customLong("no-original"), help: "In the English brief, leave out the original Chinese below each translated summary.")
    var noOriginal = false

    /// The options for the PDF pipeline; `output` and the rest as given.
    func options(output: String? = nil, allowMissingGlyphs: Bool = false) -> PDFOptions {
        var options = PDFOptions(cities: cities, style: style, language: lang.code, paper: paper?.rawValue, output: output,
                                 allowMissingGlyphs: allowMissingGlyphs)
        options.showsOriginal = !noOriginal
        return options
    }
}
