#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input file whole, turning every way that can fail into an `InputError`
/// that names the file and says what to do.
public enum InputFile {
    /// The largest input we accept. Summit files are kilobytes; a gigabyte is a mistake.
    public static let maximumSize = 256 * 1024 * 1024

    /// How standard input is named in messages (`--data -`).
    public static let standardInputName = "<stdin>"

    /// Reads standard input to its end (`--data -`).
    public static func readStandardInput() throws(InputError) -> [UInt8] {
        try readAll(STDIN_FILENO, location: SourceLocation(file: standardInputName))
    }

    public static func read(_ path: String, what: String = "file") throws(InputError) -> [UInt8] {
        let location = SourceLocation(file: path)
        // O_NONBLOCK: opening a FIFO that no program writes to must not hang the run; it is
        // cleared at once, so a pipe that has a writer (`--data <(…)`) is read to its end.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            switch code {
            case ENOENT:
                throw InputError("no such \(what)", at: location, hint: "Check the path; it is read relative to the current folder.")
            case EACCES:
                throw InputError("permission denied: cannot read this \(what)", at: location, hint: "Make it readable (chmod +r) or copy it somewhere you can read.")
            default:
                throw InputError("cannot open: \(String(cString: strerror(code)))", at: location)
            }
        }
        defer { close(fd) }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw InputError("cannot read: \(String(cString: strerror(errno)))", at: location)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw InputError("is a folder, not a \(what)", at: location, hint: "Give the path of a file inside it.")
        }
        if Int(info.st_size) > maximumSize {
            throw InputError("is \(Int(info.st_size) / 1_048_576) MiB; the limit is \(maximumSize / 1_048_576) MiB", at: location)
        }
        return try readAll(fd, location: location, expected: Int(info.st_size))
    }

    /// Reads `fd` to its end, up to `maximumSize`.
    private static func readAll(_ fd: Int32, location: SourceLocation, expected: Int = 0) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, min(expected, maximumSize)))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError("cannot read: \(String(cString: strerror(errno)))", at: location)
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > maximumSize {
                throw InputError("is larger than \(maximumSize / 1_048_576) MiB", at: location)
            }
        }
        return bytes
    }

    /// `device:inode` of the file `path` names (links followed), nil when there is none: the
    /// same file reached by two paths has one identity.
    public static func identity(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_dev):\(info.st_ino)"
    }

    /// Reads a small UTF-8 text file (a style sheet, a YAML data file).
    public static func readText(_ path: String, what: String = "file") throws(InputError) -> String {
        let bytes = try read(path, what: what)
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let offset = UTF8Validation.firstInvalidOffset(in: body) {
            let (line, column) = UTF8Validation.lineAndColumn(of: offset, in: body)
            throw InputError("is not valid UTF-8 (byte 0x\(String(body[body.startIndex + offset], radix: 16, uppercase: true)))",
                             at: SourceLocation(file: path, line: line, column: column),
                             hint: "Save the file as UTF-8.")
        }
        return String(decoding: body, as: UTF8.self)
    }
}
