import Foundation
import ReportKit
import ReportStyle
import ReportTestSupport
import Testing

/// Where data and styles are found: the installed tree beside the binary, the styles folders
/// in order, and `extends` by name among them and then beside the extending sheet.
@Suite("Finding data and styles")
struct ResourceLocatorTests {
    func folder(_ label: String, files: [String: String]) throws -> String {
        let root = Repository.temporaryFolder(label)
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: false, encoding: .utf8)
        }
        return root
    }

    @Test func theInstalledTreeIsBesideTheBinary() throws {
        let prefix = try folder("prefix", files: ["bin/report": "", "share/report/Data/extra.yaml": "x: 1\n",
                                                  "share/report/Data/summit-2030-01-01.txt": "", "share/report/Styles/house.yaml": ""])
        let share = try #require(ResourceLocator.installedShareFolder(executable: prefix + "/bin/report"))
        #expect(share == prefix + "/share/report")
        let bare = try folder("bare", files: ["bin/report": ""])
        #expect(ResourceLocator.installedShareFolder(executable: bare + "/bin/report") == nil, "not installed: no share/report")
        let locator = ResourceLocator(installedFolder: share)
        #expect(locator.dataFile("extra.yaml") == share + "/Data/extra.yaml")
        #expect(locator.dataFile("nowhere.yaml") == "Data/nowhere.yaml", "a file found nowhere is expected in ./Data")
        #expect(locator.stylesFolders.last == share + "/Styles")
        #expect(locator.searched("Data").hasSuffix(", " + share + "/Data"))
    }

    @Test func theRunningBinaryIsFoundFromProc() throws {
        let path = try #require(ResourceLocator.executablePath())
        #expect(FileManager.default.isExecutableFile(atPath: path))
    }

    @Test func aStyleByNameComesFromTheFirstFolderThatHasIt() throws {
        let first = try folder("styles-a", files: ["house.yaml": "sizes: {body: 11}\n"])
        let second = try folder("styles-b", files: ["house.yaml": "sizes: {body: 12}\n", "other.yaml": "sizes: {body: 13}\n"])
        let loader = StyleSheetLoader(stylesFolders: [first, second])
        #expect(try loader.load("house").style.sizes.body == 11)
        #expect(try loader.load("other").style.sizes.body == 13)
        #expect(loader.availableStyles() == ["house", "other"])
    }

    @Test func extendsByNameLooksInTheStylesFoldersThenBesideTheSheet() throws {
        let styles = try folder("styles", files: ["house.yaml": "sizes: {body: 11}\n"])
        let own = try folder("own", files: ["mine.yaml": "extends: house\nsizes: {small: 8}\n",
                                            "sibling.yaml": "extends: base\n", "base.yaml": "sizes: {body: 15}\n",
                                            "house.yaml": "sizes: {body: 20}\n"])
        let loader = StyleSheetLoader(stylesFolders: [styles])
        let mine = try loader.load(own + "/mine.yaml").style
        #expect(mine.sizes.body == 11, "the styles folder's house, not the one beside")
        #expect(mine.sizes.small == 8)
        #expect(try loader.load(own + "/sibling.yaml").style.sizes.body == 15, "base beside the sheet")
        #expect(throws: (any Error).self) { try StyleSheetLoader(stylesFolders: []).load(own + "/missing.yaml") }
    }
}
