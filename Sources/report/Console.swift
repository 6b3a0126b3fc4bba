import Foundation
import InputSupport
import ReportKit
import SummitModel

/// Where messages go: written paths and requested output to stdout, everything else to
/// stderr; progress only when stderr is a terminal.
struct Console: Sendable {
    var quiet: Bool
    var verbose: Bool
    let interactive = isatty(STDERR_FILENO) == 1

    /// Exit status when standard output cannot be written (EX_IOERR).
    static let outputFailedStatus: Int32 = 74

    /// Writes a line of requested output. When stdout cannot take it (`> /dev/full`, a pipe
    /// whose reader has gone, as in `report json | head -1`) the run ends with status 74: with
    /// one line on stderr, or quietly when the reader simply stopped reading (EPIPE).
    func output(_ text: String) {
        guard let reason = DescriptorWriter.write(Array((text + "\n").utf8), to: STDOUT_FILENO) else { return }
        if errno != EPIPE { Self.writeStandardError("error: cannot write to standard output: \(reason)\n") }
        exit(Self.outputFailedStatus)
    }

    func error(_ text: String) {
        Self.writeStandardError("error: \(text)\n")
    }

    /// Warnings, each kind shown a few times and then counted (a file that repeats one
    /// mistake 15,000 times gets a few lines, not 15,000).
    func warn(_ warnings: [InputWarning]) {
        guard !quiet else { return }
        for warning in WarningDigest.summarised(warnings) { Self.writeStandardError("warning: \(warning)\n") }
    }

    /// A warning of the command line itself (not of the input).
    func warn(text: String) {
        guard !quiet else { return }
        Self.writeStandardError("warning: \(text)\n")
    }

    func info(_ text: String) {
        guard verbose, !quiet else { return }
        Self.writeStandardError("\(text)\n")
    }

    /// `--verbose`: the files a run read, each with its encoding; for a summit file the one
    /// the importer read it in (CP950 too) and the bytes that decided it.
    func listRead(_ loaded: LoadedSummit, from input: InputOptions) {
        guard verbose, !quiet else { return }
        for entry in loaded.summits {
            let source = entry.summit.source
            let what = source == InputFile.standardInputName ? "summit file, " : ""
            guard let decision = loaded.encodings[source] else {
                info("read \(source) (\(what)\(Self.encoding(of: source == InputFile.standardInputName ? nil : source)))")
                continue
            }
            let name = decision.encoding == .utf8 && decision.reason.hasPrefix("byte-order mark") ? "UTF-8 with byte-order mark" : decision.encoding.displayName
            info("read \(source) (\(what)\(name))")
            info("  \(source): read as \(decision.encoding.displayName): \(decision.reason)")
        }
        let summitFiles = Set(loaded.summits.map(\.summit.source))
        for file in loaded.inputFiles where !summitFiles.contains(file) { info("read \(file) (\(Self.encoding(of: file)))") }
    }

    /// `--verbose`: the style sheets read.
    func listRead(styleFiles: [String]) {
        for file in styleFiles { info("read \(file) (style sheet, UTF-8)") }
    }

    /// The encoding a file was read in, told by its byte-order mark (the readers accept
    /// UTF-8 with or without one, and UTF-16 with one).
    static func encoding(of path: String?) -> String {
        guard let path else { return "standard input" }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return "unreadable" }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 3)
        let count = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, 3) }
        let bytes = Array(head.prefix(max(0, count)))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8 with byte-order mark" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        return "UTF-8"
    }

    /// Whether progress lines are shown: on a terminal, unless --quiet.
    var showsProgress: Bool { interactive && !quiet }

    /// A progress line that rewrites itself; silent when stderr is a file or a pipe.
    func progress(_ text: String, done: Bool = false) {
        guard showsProgress else { return }
        Self.writeStandardError("\r\u{1B}[K\(text)\(done ? "\n" : "")")
    }

    /// Times a step for `--verbose`.
    func timed<T>(_ label: String, _ body: () throws(ReportError) -> T) throws(ReportError) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        info(String(format: "%@: %.3f s", label, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }

    /// Messages are best effort: a closed or full stderr must not crash the run (FileHandle
    /// would stop the program with a fatal error).
    static func writeStandardError(_ text: String) {
        _ = DescriptorWriter.write(Array(text.utf8), to: STDERR_FILENO)
    }
}
