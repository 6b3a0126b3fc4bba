import Foundation
import SummitModel

/// The importer as a libFuzzer target: any bytes may be refused with an error, but none
/// may crash it or make it hang (libFuzzer's -timeout catches those).
enum ImporterFuzz {
    static let importer: SummitImporter = {
        let places = (try? PlaceDirectory.load("Data/places.yaml").directory) ?? PlaceDirectory(places: [])
        let roles = (try? RoleVocabulary.load("Data/roles.yaml")) ?? RoleVocabulary(roles: [RoleVocabulary.Role(zh: "市長", en: "Mayor")])
        return SummitImporter(places: places, roles: roles)
    }()

    static func run(_ bytes: [UInt8]) {
        _ = try? importer.importBytes(bytes, file: "fuzz-input.txt")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func importerFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    ImporterFuzz.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if FUZZING
/// libFuzzer's driver: SwiftPM links executables with their entry point renamed to
/// `ImporterFuzz_main`, so that symbol hands over to libFuzzer.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("ImporterFuzz_main")
public func importerFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, importerFuzzOneInput)
}
#else
/// Without libFuzzer: replays the files or folders given (crashers kept as regression fixtures).
@main
enum ImporterFuzzReplay {
    static func main() {
        var count = 0
        for argument in CommandLine.arguments.dropFirst() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else { continue }
            let files = isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted().map { argument + "/" + $0 }
                : [argument]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                ImporterFuzz.run(Array(data))
                count += 1
            }
        }
        print("replayed \(count) inputs without a crash")
    }
}
#endif
