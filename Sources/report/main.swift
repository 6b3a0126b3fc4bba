import Foundation
import SummitModel
let places = try PlaceDirectory.load("Data/places.yaml").directory
let roles = try RoleVocabulary.load("Data/roles.yaml")
let result = try SummitImporter(places: places, roles: roles).importFile(CommandLine.arguments[1])
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
print(String(decoding: try encoder.encode(result.summit), as: UTF8.self))
for w in result.warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
