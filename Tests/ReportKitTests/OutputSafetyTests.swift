import Foundation
import Testing
@testable import ReportKit
import ReportTestSupport

/// Where a run writes, tried as a hostile user (or an unlucky one) would: planted links,
/// outputs that are inputs by another path, FIFOs and folders as targets, a rename that fails
/// half-way. Nothing may be written through a link, nothing read may be replaced, and a run
/// that fails leaves every previous file as it was.
@Suite("Outputs cannot be hijacked or aimed at inputs", .serialized)
struct OutputSafetyTests {
    func pdf(_ sandbox: Sandbox, _ arguments: [String]) throws -> ToolRun {
        try ReportBinary.run(["pdf", "--cities", "taipei"] + sandbox.inputArguments + arguments)
    }

    func csv(_ sandbox: Sandbox, _ arguments: [String]) throws -> ToolRun {
        try ReportBinary.run(["csv", "--cities", "all"] + sandbox.inputArguments + arguments)
    }

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    func fileType(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    /// A process id that no process has now, for a temporary "left by a killed run".
    func deadProcessID() -> Int32 {
        var candidate: Int32 = 30_000
        while kill(candidate, 0) == 0 || errno != ESRCH { candidate -= 1 }
        return candidate
    }

    // MARK: Temporaries

    @Test func temporaryNamesAreUnpredictable() {
        let names = (0..<100).map { _ in AtomicFile.temporaryPath(for: "/tmp/out/brief.pdf") }
        #expect(Set(names).count == 100, "every temporary name is new: \(names.prefix(2))")
    }

    @Test func aLinkPlantedAtATemporaryNameIsNeverWrittenThrough() throws {
        let folder = Repository.temporaryFolder("planted")
        let victim = folder + "/victim.txt", target = folder + "/brief.pdf"
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        // Plant links where this process would put its temporary, as far as anyone can tell.
        for _ in 0..<8 { symlink(victim, AtomicFile.temporaryPath(for: target)) }
        try AtomicFile.write(to: target) { descriptor in try AtomicFile.writeAll(Array("new".utf8), to: descriptor) }
        #expect(contents(victim) == "precious", "the link's target is untouched")
        #expect(contents(target) == "new")
        #expect(fileType(target) == S_IFREG, "the target is a file, not a link")
    }

    @Test func aLinkAtTheTargetIsReplacedNeverFollowed() throws {
        let sandbox = try Sandbox("target-link")
        try sandbox.write("victim.txt", "precious")
        symlink(sandbox.path("victim.txt"), sandbox.path("brief.pdf"))
        let run = try pdf(sandbox, ["--out", sandbox.path("brief.pdf")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(contents(sandbox.path("victim.txt")) == "precious")
        #expect(fileType(sandbox.path("brief.pdf")) == S_IFREG)
    }

    @Test func theReplacedFilesPermissionsAreKept() throws {
        let folder = Repository.temporaryFolder("mode")
        let target = folder + "/brief.pdf"
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        chmod(target, 0o640)
        try AtomicFile.write(to: target) { descriptor in try AtomicFile.writeAll(Array("new".utf8), to: descriptor) }
        var info = stat()
        stat(target, &info)
        #expect(info.st_mode & 0o777 == 0o640, "\(String(info.st_mode & 0o777, radix: 8))")
    }

    @Test func aNewFileGetsTheModeTheUmaskAllows() throws {
        let sandbox = try Sandbox("umask")
        let out = sandbox.path("brief.pdf")
        let run = try ReportBinary.run(after: "umask 002", ["pdf", "--cities", "taipei"] + sandbox.inputArguments + ["--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        var info = stat()
        stat(out, &info)
        #expect(info.st_mode & 0o777 == 0o664, "0666 less the umask: \(String(info.st_mode & 0o777, radix: 8))")
    }

    @Test func theSweepRemovesOnlyThisToolsTemporariesForTheTarget() throws {
        let sandbox = try Sandbox("sweep")
        let dead = deadProcessID()
        let ours = ".brief.pdf~report.\(dead).0123456789abcdef.tmp"
        let others = [
            ".notes.txt.\(dead).tmp",                      // another program's, in the old pattern
            ".brief.pdf.\(dead).tmp",                      // looks like the old naming, but is not provably ours
            ".other.pdf~report.\(dead).0123456789abcdef.tmp",   // ours, but for another target
            ".brief.pdf~report.\(dead).not-hex-at-all.tmp",
        ]
        for name in [ours] + others { try sandbox.write(name, "left behind") }
        symlink(sandbox.path("summit-2021-03-23.txt"), sandbox.path(".brief.pdf~report.\(dead).fedcba9876543210.tmp"))
        let run = try pdf(sandbox, ["--out", sandbox.path("brief.pdf")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!sandbox.names.contains(ours), "a temporary of a killed run for this target is removed")
        for name in others { #expect(sandbox.names.contains(name), "\(name) is not ours to delete") }
        #expect(sandbox.names.contains(".brief.pdf~report.\(dead).fedcba9876543210.tmp"), "a link is never ours")
        #expect(FileManager.default.fileExists(atPath: sandbox.path("summit-2021-03-23.txt")))
    }

    /// 250 bytes of name, in ASCII or in three-byte CJK: the temporary's name must still fit in 255.
    @Test(arguments: [String(repeating: "b", count: 246) + ".pdf", String(repeating: "簡", count: 82) + ".pdf"])
    func aVeryLongFileNameStillGetsATemporary(_ name: String) throws {
        let sandbox = try Sandbox("long-name")
        let run = try pdf(sandbox, ["--out", sandbox.path(name)])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(sandbox.names.filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    // MARK: Paths that cannot name the output

    @Test(arguments: [
        ("pdf", "", "--out is empty"), ("pdf", ".", "names a folder"), ("pdf", "..", "names a folder"),
        ("pdf", "Output/", "ends with '/'"), ("pdf", "Output/.", "names a folder"), ("csv", "", "--out is empty"),
    ])
    func anOutPathThatNamesNoFileIsAUsageError(_ command: String, _ out: String, _ message: String) throws {
        let sandbox = try Sandbox("bad-out")
        symlink(Repository.path("Styles"), sandbox.path("Styles"))
        let arguments = ["--out", out.isEmpty || out.hasPrefix(".") ? out : sandbox.path(out)]
        let run = try ReportBinary.run([command, "--cities", "all"] + sandbox.inputArguments + arguments, in: sandbox.folder)
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("error: ") && run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "/speakers.csv") || command == "pdf")
        #expect(sandbox.names.allSatisfy { !$0.hasSuffix(".pdf") && !$0.hasSuffix(".csv") && !$0.hasSuffix(".tmp") }, "\(sandbox.names)")
    }

    @Test func aFIFOAtTheTargetIsRefusedAndLeftAlone() throws {
        let sandbox = try Sandbox("fifo")
        mkfifo(sandbox.path("brief.pdf"), 0o644)
        let run = try pdf(sandbox, ["--out", sandbox.path("brief.pdf")])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("is a FIFO"), "\(run.stderr)")
        #expect(fileType(sandbox.path("brief.pdf")) == S_IFIFO)
        mkfifo(sandbox.path("places.csv"), 0o644)
        let csvRun = try csv(sandbox, ["--out", sandbox.folder])
        #expect(csvRun.status == 64, "\(csvRun.stderr)")
        #expect(fileType(sandbox.path("places.csv")) == S_IFIFO)
        #expect(!sandbox.names.contains("speakers.csv"), "all or nothing")
    }

    @Test func aLinkToADeviceOrAFolderAtTheTargetIsRefusedAndKept() throws {
        let sandbox = try Sandbox("device-link")
        // As root, renaming over such a link once replaced it (think of /dev/stdout) with the PDF.
        symlink("/dev/null", sandbox.path("brief.pdf"))
        symlink(sandbox.folder, sandbox.path("folder.pdf"))
        for name in ["brief.pdf", "folder.pdf"] {
            let run = try pdf(sandbox, ["--out", sandbox.path(name)])
            #expect(run.status == 64, "\(name): \(run.stderr)")
            #expect(run.stderr.contains("is a link to a"), "\(run.stderr)")
            #expect(fileType(sandbox.path(name)) == S_IFLNK, "\(name) is still the link")
        }
    }

    @Test func aFolderAtTheTargetIsAUsageError() throws {
        let sandbox = try Sandbox("dir-target")
        try FileManager.default.createDirectory(atPath: sandbox.path("brief.pdf"), withIntermediateDirectories: false)
        let run = try pdf(sandbox, ["--out", sandbox.path("brief.pdf")])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("is a folder"), "\(run.stderr)")
    }

    // MARK: Outputs that are inputs

    @Test(arguments: [
        ("summit-2021-03-23.txt", "same path"), ("../NAME/summit-2021-03-23.txt", "another path"), ("link.txt", "a link to the summit file"),
        ("hard-link.yaml", "a hard link to places.yaml"), ("roles.yaml", "the roles"), ("themes.yaml", "the themes"),
    ])
    func anOutputThatIsAnInputIsRefused(_ out: String, _ how: String) throws {
        let sandbox = try Sandbox("out-is-input")
        symlink(sandbox.path("summit-2021-03-23.txt"), sandbox.path("link.txt"))
        link(sandbox.path("places.yaml"), sandbox.path("hard-link.yaml"))
        let before = sandbox.names.map { sandbox.bytes($0) }
        let folderName = URL(fileURLWithPath: sandbox.folder).lastPathComponent
        let run = try pdf(sandbox, ["--out", sandbox.path(out.replacingOccurrences(of: "NAME", with: folderName))])
        #expect(run.status == 64, "\(how): \(run.stderr)")
        #expect(run.stderr.contains("is the input"), "\(run.stderr)")
        #expect(sandbox.names.map { sandbox.bytes($0) } == before, "\(how): every input is as it was")
    }

    @Test func aStyleSheetAndTheSheetItExtendsAreInputs() throws {
        let sandbox = try Sandbox("out-is-style")
        try sandbox.write("child.yaml", "extends: style.yaml\nname: child\n")
        for out in ["child.yaml", "style.yaml"] {
            let before = sandbox.bytes(out)
            let run = try pdf(sandbox, ["--style", sandbox.path("child.yaml"), "--out", sandbox.path(out)])
            #expect(run.status == 64, "\(out): \(run.stderr)")
            #expect(run.stderr.contains("is the input"), "\(run.stderr)")
            #expect(sandbox.bytes(out) == before)
        }
    }

    @Test func csvIntoAFolderThatHoldsAnInputOfTheSameNameIsRefused() throws {
        let sandbox = try Sandbox("csv-input")
        try FileManager.default.copyItem(atPath: sandbox.path("summit-2021-03-23.txt"), toPath: sandbox.path("speakers.csv"))
        let before = sandbox.bytes("speakers.csv")
        let run = try ReportBinary.run(["csv", "--cities", "all", "--data", sandbox.path("speakers.csv"), "--out", sandbox.folder])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(sandbox.bytes("speakers.csv") == before)
        #expect(!sandbox.names.contains("places.csv"), "no file is written when one cannot be")
    }

    // MARK: Several files, all or nothing

    @Test func csvFilesAreAllOrNothingWhenOneTargetIsAFolder() throws {
        let sandbox = try Sandbox("csv-all")
        for name in ["speakers.csv", "places.csv", "themes.csv", "figures.csv"] { try sandbox.write(name, "previous") }
        try FileManager.default.createDirectory(atPath: sandbox.path("heatmap.csv"), withIntermediateDirectories: false)
        let run = try csv(sandbox, ["--out", sandbox.folder])
        #expect(run.status == 64, "\(run.stderr)")
        for name in ["speakers.csv", "places.csv", "themes.csv", "figures.csv"] {
            #expect(contents(sandbox.path(name)) == "previous", "\(name) is untouched")
        }
    }

    @Test func aRenameThatFailsPutsBackTheFilesAlreadyReplaced() throws {
        let folder = Repository.temporaryFolder("rollback")
        let names = ["a.csv", "b.csv", "c.csv", "d.csv", "e.csv"]
        for name in names where name != "d.csv" { try "previous".write(toFile: folder + "/" + name, atomically: false, encoding: .utf8) }
        let files = names.map { name in
            (path: folder + "/" + name, body: { (descriptor: Int32) throws in
                // Something else makes the fourth target a folder while the files are written.
                if name == "d.csv" { try FileManager.default.createDirectory(atPath: folder + "/d.csv/x", withIntermediateDirectories: true) }
                try AtomicFile.writeAll(Array("new".utf8), to: descriptor)
            })
        }
        #expect(throws: ReportError.self) { try AtomicFile.write(files) }
        for name in names where name != "d.csv" {
            #expect(contents(folder + "/" + name) == "previous", "\(name) has its previous contents")
        }
        let left = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        #expect(left == names, "no temporary or backup is left: \(left)")
    }

    // MARK: Folders

    @Test func aFolderTreeCreatedForAFailedWriteIsRemoved() throws {
        let sandbox = try Sandbox("tree")
        let out = sandbox.path("a/b/c/brief.pdf")
        let run = try ReportBinary.run(after: "trap '' XFSZ; ulimit -f 20", ["pdf", "--cities", "all"] + sandbox.inputArguments + ["--out", out])
        #expect(run.status == 73, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("a")), "the folders made for the write are gone: \(sandbox.names)")
    }
}
