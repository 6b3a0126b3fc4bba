import Foundation
import InputSupport
import ReportKit

/// Where messages go: written paths and requested output to stdout, everything else to
/// stderr; progress only when stderr is a terminal.
struct Console: Sendable {
    var quiet: Bool
    var verbose: Bool
    let interactive = isatty(STDERR_FILENO) == 1

    func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    func error(_ text: String) {
        FileHandle.standardError.write(Data("error: \(text)\n".utf8))
    }

    func warn(_ warnings: [InputWarning]) {
        guard !quiet else { return }
        for warning in warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
    }

    func info(_ text: String) {
        guard verbose, !quiet else { return }
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }

    /// Whether progress lines are shown: on a terminal, unless --quiet.
    var showsProgress: Bool { interactive && !quiet }

    /// A progress line that rewrites itself; silent when stderr is a file or a pipe.
    func progress(_ text: String, done: Bool = false) {
        guard showsProgress else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)\(done ? "\n" : "")".utf8))
    }

    /// Times a step for `--verbose`.
    func timed<T>(_ label: String, _ body: () throws(ReportError) -> T) throws(ReportError) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        info(String(format: "%@: %.3f s", label, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }
}
