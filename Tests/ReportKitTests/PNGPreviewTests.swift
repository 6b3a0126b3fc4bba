import Foundation
import Testing
import ReportTestSupport

/// `report png`: pages as images through the PDF's own layout and page painter.
@Suite("PNG previews")
struct PNGPreviewTests {
    /// Width and height from a PNG's header.
    static func size(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test func twoPagesAtTheAskedResolutionWithInkOnThem() throws {
        let folder = Repository.temporaryFolder("png")
        let run = try ReportBinary.run(["png", "--pages", "3-4", "--dpi", "50", "--out", folder])
        #expect(run.status == 0, "\(run.stderr)")
        let paths = run.stdout.split(separator: "\n").map(String.init)
        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["summit-2021-03-23-p03.png", "summit-2021-03-23-p04.png"])
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let size = try #require(Self.size(data))
            // A4 at 50 dpi.
            #expect(size.width == 413 && size.height == 585, "\(size)")
            // A blank page of that size compresses to about a kilobyte; a table page to tens.
            #expect(data.count > 20_000, "page looks blank: \(data.count) bytes")
        }
    }

    @Test func pagesOutsideTheBriefAndBadValuesAreUsageErrors() throws {
        for arguments in [["--pages", "30"], ["--pages", "4-3"], ["--pages", "x"], ["--dpi", "5"]] {
            let run = try ReportBinary.run(["png", "--out", Repository.temporaryFolder("png-bad")] + arguments)
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }
}
