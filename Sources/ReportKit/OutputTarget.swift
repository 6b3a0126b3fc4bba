#if canImport(Glibc)
import Glibc
#endif
import InputSupport

/// Checks where a run is about to write, before anything is written: a path that cannot
/// name a file, a target that is not a regular file, or a target that is one of the run's
/// own inputs is refused as bad usage (exit 64), with what to do instead.
public enum OutputTarget {
    /// `--out -`: standard output.
    public static let standardOutput = "-"

    /// `--out -` writes binary data to stdout: refused when stdout is a terminal, where a PDF
    /// would only garble the screen.
    public static func checkStandardOutput() throws(ReportError) {
        guard isatty(STDOUT_FILENO) != 1 else {
            throw ReportError(.usage, "--out - writes to standard output, and standard output is a terminal\n"
                              + "  Pipe it on (`report pdf --out - | lp`), redirect it (`> brief.pdf`), or give a file name.")
        }
    }

    /// `--out` for a file (`report pdf`): not empty, not `.` or `..`, not ending in `/`.
    public static func checkFilePath(_ path: String, option: String = "--out") throws(ReportError) {
        guard !path.isEmpty else {
            throw ReportError(.usage, "\(option) is empty; it needs a file name, e.g. \(option) Output/brief.pdf")
        }
        let last = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        if last.isEmpty {
            throw ReportError(.usage, "\(option) \(Excerpt.quoted(path)) ends with '/': it names a folder, and a file name is needed\n"
                              + "  Add the file's name, e.g. \(option) \(Excerpt.of(path))brief.pdf")
        }
        if last == "." || last == ".." {
            throw ReportError(.usage, "\(option) \(Excerpt.quoted(path)) names a folder, and a file name is needed\n"
                              + "  Add the file's name, e.g. \(option) \(Excerpt.of(path))/brief.pdf")
        }
        guard !path.utf8.contains(0) else { throw ReportError(.usage, "\(option) contains a NUL character") }
    }

    /// `--out` for a folder (`report csv`): not empty.
    public static func checkFolderPath(_ path: String, option: String = "--out") throws(ReportError) {
        guard !path.isEmpty else {
            throw ReportError(.usage, "\(option) is empty; it needs a folder, e.g. \(option) Output (or \(option) . for this folder)")
        }
        guard path != standardOutput else {
            throw ReportError(.usage, "\(option) - (standard output) is for `report pdf`; this command writes several files into a folder\n"
                              + "  Give a folder, e.g. \(option) Output (or \(option) . for this folder).")
        }
    }

    /// What is at `path` now (not following a link there): nothing, a regular file (its
    /// permissions are returned, for the file that replaces it) or a link to a file or to
    /// nothing (which is replaced, never written through). A folder, FIFO, socket or device, or
    /// a link to one (`/dev/stdout`), is refused: renaming over it would destroy it or fail,
    /// and writing into it is not what `--out FILE` means.
    static func checkExisting(_ path: String) throws(ReportError) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        var type = info.st_mode & S_IFMT
        if type == S_IFREG { return info.st_mode & 0o777 }
        var linked = false
        if type == S_IFLNK {
            // A link to a file (or to nothing) is replaced; a link to anything else names that
            // thing (`/dev/stdout`, a folder) and is refused like it.
            var target = stat()
            guard stat(path, &target) == 0, target.st_mode & S_IFMT != S_IFREG else { return nil }
            type = target.st_mode & S_IFMT
            linked = true
        }
        let what: String
        switch type {
        case S_IFDIR:
            throw ReportError(.usage, "\(Excerpt.of(path)) is \(linked ? "a link to " : "")a folder; it cannot be replaced by a file\n"
                              + "  Give a file name inside it, e.g. --out \(Excerpt.of(path))/brief.pdf, or remove the folder.")
        case S_IFIFO: what = "a FIFO (named pipe)"
        case S_IFSOCK: what = "a socket"
        case S_IFCHR, S_IFBLK: what = "a device"
        default: what = "something other than a file"
        }
        throw ReportError(.usage, "\(Excerpt.of(path)) is \(linked ? "a link to " : "")\(what), not a regular file; it is left alone\n"
                          + "  Choose a path for a regular file with --out.")
    }

    /// Refuses to write over an input: the same file (device and inode, so another path, a
    /// hard link or a symbolic link to it are all caught), whatever the path looks like.
    static func checkNotInput(_ path: String, inputs: [String]) throws(ReportError) {
        guard let target = FileIdentity(path) else { return }
        for input in inputs where FileIdentity(input) == target {
            throw ReportError(.usage, "\(Excerpt.of(path)) is the input \(Excerpt.of(input)); writing it would replace what was read\n"
                              + "  Choose another output path with --out.")
        }
    }
}
