#if canImport(Glibc)
import Glibc
#endif
import Foundation
import InputSupport

/// Writes files so that a reader only ever sees the old file or the complete new one, and
/// so that nobody else can steer the write.
///
/// The bytes go to a temporary file beside the target, created exclusively under an
/// unpredictable name without following links (`O_CREAT|O_EXCL|O_NOFOLLOW`), with the
/// permissions of the file it replaces; it is synced, renamed over the target, and the folder
/// is synced. A link planted at the target is replaced, never written through. A failed or
/// interrupted run (error, Ctrl-C, Ctrl-\, SIGTERM, SIGHUP) removes its temporary files and any
/// folder it created; a temporary left by SIGKILL or a power cut is removed by the next run
/// that writes the same target — and only a temporary this tool made for that target.
public enum AtomicFile {
    /// The part of a temporary's name that says this tool made it: `.NAME~report.PID.RANDOM.tmp`.
    static let marker = "~report."

    /// Bytes of the target's name kept in a temporary's name, so that the temporary's name
    /// stays within the 255 bytes a file name may have however long the target's is.
    static let nameBytesKept = 160

    /// `.NAME~report.` — the start of every temporary for the target `name`.
    static func temporaryPrefix(for name: String) -> String {
        var kept = ""
        var bytes = 0
        for scalar in name.unicodeScalars {
            let length = String(scalar).utf8.count
            if bytes + length > nameBytesKept { break }
            kept.unicodeScalars.append(scalar)
            bytes += length
        }
        return "." + kept + marker
    }

    /// A fresh temporary name for the target at `path`: hidden, names the process that owns
    /// it, and carries 64 random bits so that nobody can plant a file under it in advance.
    static func temporaryPath(for path: String) -> String {
        let (folder, name) = split(path)
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let padded = String(repeating: "0", count: 16 - random.count) + random
        return folder + "/" + temporaryPrefix(for: name) + "\(getpid()).\(padded).tmp"
    }

    /// The process that made a temporary, when `file` is one of ours for the target `name`.
    static func owner(ofTemporary file: String, for name: String) -> pid_t? {
        let prefix = temporaryPrefix(for: name)
        guard file.hasPrefix(prefix), file.hasSuffix(".tmp") else { return nil }
        let middle = file.dropFirst(prefix.count).dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard middle.count == 2, let pid = pid_t(middle[0]), pid > 0, String(pid) == middle[0],
              middle[1].count == 16, middle[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        return pid
    }

    /// Folder and file name of a path (the folder is `.` for a bare name).
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// Creates the folder if needed (returning the folders it created, deepest last), and
    /// removes stale temporaries of the target.
    static func prepareFolder(of path: String, created: inout [String]) throws(ReportError) {
        let (folder, name) = split(path)
        var info = stat()
        if stat(folder, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw ReportError(.output, "\(Excerpt.of(folder)) is a file, not a folder; choose another output path")
            }
        } else {
            var missing: [String] = []
            var current = folder
            while !current.isEmpty, current != "/", current != ".", stat(current, &info) != 0 {
                missing.append(current)
                current = split(current).folder
            }
            for folder in missing.reversed() {
                if mkdir(folder, 0o777) != 0 && errno != EEXIST {
                    let reason = String(cString: strerror(errno))
                    removeFolders(created)
                    created = []
                    throw ReportError(.output, "cannot create the output folder \(Excerpt.of(folder)): \(reason)\n"
                                      + "  Choose another folder with --out, or create this one first.")
                }
                created.append(folder)
                TemporaryFileRegistry.shared.addFolder(folder)
            }
        }
        guard access(folder, W_OK | X_OK) == 0 else {
            throw ReportError(.output, "cannot write to the output folder \(Excerpt.of(folder)): \(String(cString: strerror(errno)))\n  Choose another folder with --out, or make this one writable.")
        }
        removeStaleTemporaries(in: folder, for: name)
    }

    /// Removes folders this run created (deepest first), if they are still empty.
    static func removeFolders(_ folders: [String]) {
        for folder in folders.reversed() {
            rmdir(folder)
            TemporaryFileRegistry.shared.removeFolder(folder)
        }
    }

    /// Temporaries for the target `name` whose process no longer runs (killed mid-write) are
    /// garbage. Only files that are provably ours are touched: our naming for this very
    /// target, a regular file (not a link), owned by this user, from a process that is gone.
    static func removeStaleTemporaries(in folder: String, for name: String) {
        let prefix = temporaryPrefix(for: name)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for file in names where file.hasPrefix(prefix) {
            guard let pid = owner(ofTemporary: file, for: name), pid != getpid() else { continue }
            let path = folder + "/" + file
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == getuid() else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH { unlink(path) }
        }
    }

    /// Writes one file: `body` gets the descriptor of the temporary file. `inputs` are the
    /// files the run read: the target may not be one of them.
    public static func write(to path: String, inputs: [String] = [], _ body: @escaping (Int32) throws -> Void) throws(ReportError) {
        try write([(path, body)], inputs: inputs)
    }

    /// Writes several files all or nothing: every target is checked and every temporary is
    /// complete before any is renamed, and when a rename fails the files already renamed get
    /// their previous contents back (or are removed, when there was none).
    public static func write(_ files: [(path: String, body: (Int32) throws -> Void)], inputs: [String] = []) throws(ReportError) {
        installSignalHandlers()
        var modes: [mode_t?] = []
        for file in files {
            try OutputTarget.checkFilePath(file.path)
            modes.append(try OutputTarget.checkExisting(file.path))
            try OutputTarget.checkNotInput(file.path, inputs: inputs)
        }
        var temporaries: [String] = []
        var backups: [String?] = []
        var createdFolders: [String] = []
        var succeeded = false
        defer {
            for temporary in temporaries + backups.compactMap({ $0 }) {
                unlink(temporary)
                TemporaryFileRegistry.shared.remove(temporary)
            }
            if succeeded {
                for folder in createdFolders { TemporaryFileRegistry.shared.removeFolder(folder) }
            } else {
                removeFolders(createdFolders)
            }
        }
        for (file, mode) in zip(files, modes) {
            try prepareFolder(of: file.path, created: &createdFolders)
            let (temporary, descriptor) = try createTemporary(for: file.path, mode: mode)
            temporaries.append(temporary)
            do {
                try file.body(descriptor)
            } catch let error as ReportError {
                close(descriptor)
                throw error
            } catch {
                close(descriptor)
                throw ReportError(.output, "writing \(Excerpt.of(file.path)) failed: \(error)\n  Check the free space on the disk (df -h) and try again; the previous file is untouched.")
            }
            if fsync(descriptor) != 0 {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw ReportError(.output, "writing \(Excerpt.of(file.path)) failed: \(reason)\n  Check the free space on the disk (df -h) and try again; the previous file is untouched.")
            }
            if close(descriptor) != 0 {
                throw ReportError(.output, "writing \(Excerpt.of(file.path)) failed: \(String(cString: strerror(errno)))")
            }
        }
        // Keep the previous files reachable until every rename has worked.
        if files.count > 1 {
            for file in files { backups.append(backup(of: file.path)) }
        } else {
            backups = [nil]
        }
        for index in files.indices {
            guard rename(temporaries[index], files[index].path) == 0 else {
                let reason = String(cString: strerror(errno))
                restore(files.prefix(index).map(\.path), from: backups)
                throw ReportError(.output, "cannot replace \(Excerpt.of(files[index].path)): \(reason)"
                                  + (index > 0 ? "\n  The files already replaced were put back as they were." : ""))
            }
        }
        for temporary in temporaries { TemporaryFileRegistry.shared.remove(temporary) }
        temporaries = []
        Set(files.map { split($0.path).folder }).forEach(syncFolder)
        succeeded = true
    }

    /// Creates a temporary exclusively (never following a link, never reusing a file that is
    /// there), with the mode of the file it replaces or else 0666 less the umask.
    static func createTemporary(for path: String, mode: mode_t?) throws(ReportError) -> (path: String, descriptor: Int32) {
        for _ in 0..<16 {
            let temporary = temporaryPath(for: path)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if descriptor < 0 {
                if errno == EEXIST || errno == EINTR { continue }
                throw ReportError(.output, "cannot create a temporary file beside \(Excerpt.of(path)): \(String(cString: strerror(errno)))")
            }
            TemporaryFileRegistry.shared.add(temporary)
            if let mode, fchmod(descriptor, mode) != 0 {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                TemporaryFileRegistry.shared.remove(temporary)
                throw ReportError(.output, "cannot give the new \(Excerpt.of(path)) the permissions of the old one: \(reason)")
            }
            return (temporary, descriptor)
        }
        throw ReportError(.output, "cannot create a temporary file beside \(Excerpt.of(path)): every name tried was taken")
    }

    /// A second name (a hard link) for the file at `path`, so a failed multi-file write can
    /// put it back; nil when there is no file (or the file system has no hard links).
    static func backup(of path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        for _ in 0..<16 {
            let name = temporaryPath(for: path)
            if link(path, name) == 0 {
                TemporaryFileRegistry.shared.add(name)
                return name
            }
            if errno != EEXIST { return nil }
        }
        return nil
    }

    /// Undoes the renames of `paths`: the previous file where there was one, none where there was none.
    static func restore(_ paths: [String], from backups: [String?]) {
        for (path, backup) in zip(paths, backups) {
            if let backup {
                rename(backup, path)
            } else {
                unlink(path)
            }
        }
    }

    /// Makes a rename durable: the folder's entry is on disk, not only the file's bytes.
    static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Writes bytes to a descriptor, reporting the system's reason when it fails.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(ReportError) {
        if let reason = DescriptorWriter.write(bytes, to: descriptor) { throw ReportError(.output, reason) }
    }

    /// Makes SIGINT, SIGTERM, SIGHUP and SIGQUIT stop the run cleanly: temporaries removed,
    /// the previous files kept, exit status 128 + the signal, and no crash report. The command
    /// line calls it first thing, so a signal before anything is written is handled alike.
    public static func installSignalHandlers() {
        _ = TemporaryFileRegistry.shared
    }
}
