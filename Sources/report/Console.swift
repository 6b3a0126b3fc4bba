import Foundation
import InputSupport
import ReportKit

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

    func info(_ text: String) {
        guard verbose, !quiet else { return }
        Self.writeStandardError("\(text)\n")
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
