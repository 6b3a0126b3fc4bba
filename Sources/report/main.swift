import Foundation
import SummitModel
import SummitAnalysis
let places = try PlaceDirectory.load("Data/places.yaml").directory
let roles = try RoleVocabulary.load("Data/roles.yaml")
let themes = try ThemeCatalog.load("Data/themes.yaml").catalog
let result = try SummitImporter(places: places, roles: roles).importFile(CommandLine.arguments[1])
let analysis = SummitAnalyzer(catalog: themes).analyse(result.summit)
for s in analysis.speakers {
    print(s.number, s.placeSlug, s.totalMatches, s.topThemes, s.themes.filter { $0.matches > 0 }.map { "\($0.themeID):\($0.matches)" }.joined(separator: " "))
    for f in s.figures { print("    ", f.kind, f.value, f.unit, "|", f.text, "|", f.clause) }
}
for p in analysis.places { print(p.slug, p.topThemes, p.similar.map { "\($0.slug) \($0.score)" }, p.keyFigures.map(\.text)) }
