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

    @Option(help: ArgumentHelp("Language of labels and headings, in any case (summaries stay as written).", valueName: "lang"))
    var lang = LanguageOption.zhTW

    @Option(help: ArgumentHelp("Paper size, overriding the style, in any case.", valueName: "size"))
    var paper: PaperOption?

    /// The options for the PDF pipeline; `output` and the rest as given.
    func options(output: String? = nil, allowMissingGlyphs: Bool = false) -> PDFOptions {
        PDFOptions(cities: cities, style: style, language: lang.code, paper: paper?.rawValue, output: output, allowMissingGlyphs: allowMissingGlyphs)
    }
}
