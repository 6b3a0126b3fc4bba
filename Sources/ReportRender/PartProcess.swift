#if canImport(Glibc)
import Glibc
#endif
import CPangoCairo
import InputSupport
import Dispatch
import Foundation

/// Paints part of a document in a child process while the parent paints the rest.
///
/// Why a process and not a thread: Cairo 1.16 keeps one glyph cache for the whole process.
/// When it is full, a thread that holds its own font's lock evicts a page of another font
/// and takes that font's lock too; a second thread painting with that other font, and
/// waiting for the cache, deadlocks with it. A long brief with many distinct characters
/// fills the cache. A child process has Cairo's state to itself.
///
/// The child is forked before anything is painted (in `report pdf` no other thread is at
/// work then); it paints, writes its PDF into an anonymous in-memory file, reports each
/// finished page over a pipe (for the progress line), and exits without running any
/// clean-up. The parent gives up on a child that fails or takes far longer than its own
/// half (it is killed: say a lock another thread held at the fork), and the caller then
/// paints the whole document itself.
final class PartProcess {
    private let pid: pid_t
    private let output: Int32
    private let pages: Int32
    private let started = DispatchTime.now().uptimeNanoseconds
    private let reader = DispatchGroup()
    /// The child's peak resident memory in bytes, once it has exited, and how much of its
    /// memory at the end was its own rather than shared with the parent (for `--verbose`
    /// and the benchmark: the parent's peak plus this is what both used at once).
    private(set) var peakMemory = 0
    private(set) var privateMemory = 0

    /// Forks a child that runs `paint` with a page counter of its own; nil if the child
    /// could not be started. Pages the child finishes are counted on `counter`.
    static func start(counting counter: PageCounter, total: Int,
                      _ paint: (PageCounter) throws(RenderError) -> [UInt8]) -> PartProcess? {
        let output = report_memory_file()
        guard output >= 0 else { return nil }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(output)
            return nil
        }
        let pid = report_fork()
        if pid == 0 {
            // The child: no signal clean-up of the parent's files, no return.
            for signal in [SIGINT, SIGTERM, SIGHUP] { Glibc.signal(signal, SIG_DFL) }
            close(pipeEnds[0])
            let progress = pipeEnds[1]
            let childCounter = PageCounter(total: total) { _, _ in
                var byte: UInt8 = 1
                _ = Glibc.write(progress, &byte, 1)
            }
            do {
                let bytes = try paint(childCounter)
                // First the memory that is the child's own (not shared with the parent), then the PDF.
                var header = [UInt8](repeating: 0, count: 8)
                let own = Self.privateMemory()
                for index in 0..<8 { header[index] = UInt8(truncatingIfNeeded: own >> (8 * index)) }
                _exit(DescriptorWriter.write(header, to: output) == nil && DescriptorWriter.write(bytes, to: output) == nil ? 0 : 1)
            } catch {
                _exit(1)
            }
        }
        close(pipeEnds[1])
        guard pid > 0 else {
            close(pipeEnds[0])
            close(output)
            return nil
        }
        let process = PartProcess(pid: pid, output: output, pages: pipeEnds[0])
        process.countPages(on: counter)
        return process
    }

    private init(pid: pid_t, output: Int32, pages: Int32) {
        self.pid = pid
        self.output = output
        self.pages = pages
    }

    deinit {
        close(output)
        close(pages)
    }

    /// Reads the child's page reports until it closes the pipe (on exit).
    private func countPages(on counter: PageCounter) {
        let pages = self.pages
        DispatchQueue.global().async(group: reader) {
            var buffer = [UInt8](repeating: 0, count: 64)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(pages, $0.baseAddress, 64) }
                if count > 0 {
                    for _ in 0..<count { counter.pageDone() }
                } else if count == 0 || errno != EINTR {
                    return
                }
            }
        }
    }

    /// The child's PDF, once it has exited; nil if it failed, or did not finish within
    /// `timeout` seconds (then it is killed).
    func finish(timeout: Double) -> [UInt8]? {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeout) * 1e9)
        var status: Int32 = 0
        var usage = rusage()
        while true {
            let result = wait4(pid, &status, WNOHANG, &usage)
            if result == pid {
                peakMemory = Int(usage.ru_maxrss) * 1024
                break
            }
            if result < 0, errno != EINTR { return nil }
            if DispatchTime.now().uptimeNanoseconds > deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                return nil
            }
            usleep(500)
        }
        reader.wait()
        guard (status & 0x7f) == 0, (status >> 8) & 0xff == 0 else { return nil }   // exited, with status 0
        let size = lseek(output, 0, SEEK_END)
        guard size > 8, lseek(output, 0, SEEK_SET) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return Glibc.read(output, base + done, buffer.count - done)
            }
            if count <= 0 {
                if count < 0, errno == EINTR { continue }
                return nil
            }
            done += count
        }
        privateMemory = bytes.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        return Array(bytes.dropFirst(8))
    }

    /// Private_Clean + Private_Dirty of this process, in bytes (0 if /proc cannot say).
    private static func privateMemory() -> Int {
        let file = open("/proc/self/smaps_rollup", O_RDONLY)
        guard file >= 0 else { return 0 }
        defer { close(file) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
        guard count > 0 else { return 0 }
        var total = 0
        for line in String(decoding: buffer.prefix(count), as: UTF8.self).split(separator: "\n")
        where line.hasPrefix("Private_Clean:") || line.hasPrefix("Private_Dirty:") {
            total += line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 * 1024 } ?? 0
        }
        return total
    }

    /// Stops the child and reaps it (the parent's own half failed).
    func stop() {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        reader.wait()
    }

    /// Seconds since the child was started.
    var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }
}
