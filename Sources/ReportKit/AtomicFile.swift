#if canImport(Glibc)
import Glibc
#endif
import Foundation
import InputSupport

/// Writes files so that a reader only ever sees the old file or the complete new one:
/// the bytes go to a temporary file in the same folder, which is synced and renamed over
/// the target only when complete. A failed or interrupted run (error, Ctrl-C, SIGTERM)
/// removes its temporary file; one left by SIGKILL or a power cut is removed by the next run.
public enum AtomicFile {
    /// `.NAME.PID.tmp`: hidden, and names the process that owns it.
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
    }

    /// Creates the folder if needed, and removes temporary files of runs that are gone.
    static func prepareFolder(of path: String) throws(ReportError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw ReportError(.output, "\(folder) is a file, not a folder; choose another output path") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw ReportError(.output, "cannot create the output folder \(folder): \(Self.reason(error))")
            }
        }
        guard access(folder, W_OK | X_OK) == 0 else {
            throw ReportError(.output, "cannot write to the output folder \(folder): \(String(cString: strerror(errno)))\n  Choose another folder with --out, or make this one writable.")
        }
        removeStaleTemporaries(in: folder)
    }

    /// Temporary files whose process no longer runs (killed mid-write) are garbage.
    static func removeStaleTemporaries(in folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.dropLast(4).split(separator: ".")
            guard let last = parts.last, let pid = Int32(last), pid != getpid() else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH { unlink(folder + "/" + name) }
        }
    }

    /// Writes one file: `body` gets the descriptor of the temporary file.
    public static func write(to path: String, _ body: @escaping (Int32) throws -> Void) throws(ReportError) {
        try write([(path, body)])
    }

    /// Writes several files all or nothing: every temporary is complete before any is renamed.
    public static func write(_ files: [(path: String, body: (Int32) throws -> Void)]) throws(ReportError) {
        var temporaries: [String] = []
        defer {
            for temporary in temporaries {
                unlink(temporary)
                TemporaryFileRegistry.shared.remove(temporary)
            }
        }
        for file in files {
            try prepareFolder(of: file.path)
            let temporary = temporaryPath(for: file.path)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw ReportError(.output, "cannot create \(temporary): \(String(cString: strerror(errno)))")
            }
            temporaries.append(temporary)
            TemporaryFileRegistry.shared.add(temporary)
            do {
                try file.body(descriptor)
            } catch let error as ReportError {
                close(descriptor)
                throw error
            } catch {
                close(descriptor)
                throw ReportError(.output, "writing \(file.path) failed: \(error)\n  Check the free space on the disk (df -h) and try again; the previous file is untouched.")
            }
            if fsync(descriptor) != 0 {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw ReportError(.output, "writing \(file.path) failed: \(reason)")
            }
            close(descriptor)
        }
        for (file, temporary) in zip(files, temporaries) where rename(temporary, file.path) != 0 {
            throw ReportError(.output, "cannot replace \(file.path): \(String(cString: strerror(errno)))")
        }
        for temporary in temporaries { TemporaryFileRegistry.shared.remove(temporary) }
        temporaries = []
    }

    /// Writes bytes to a descriptor, reporting the system's reason when it fails.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(ReportError) {
        if let reason = DescriptorWriter.write(bytes, to: descriptor) { throw ReportError(.output, reason) }
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}

/// The temporary files being written, so a signal handler can remove them before the
/// process dies. Plain C storage: a signal handler may not take locks or allocate.
final class TemporaryFileRegistry: @unchecked Sendable {
    static let shared = TemporaryFileRegistry()
    static let capacity = 16
    private let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)

    private init() {
        slots.initialize(repeating: nil, count: Self.capacity)
        // A parent may have started us with these signals blocked (a thread pool's mask is
        // inherited); Ctrl-C must still stop the run and clean up.
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Glibc.signal(signal) { number in
                TemporaryFileRegistry.shared.removeAll()
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    func add(_ path: String) {
        for index in 0..<Self.capacity where slots[index] == nil {
            slots[index] = strdup(path)
            return
        }
    }

    func remove(_ path: String) {
        for index in 0..<Self.capacity {
            if let slot = slots[index], String(cString: slot) == path {
                slots[index] = nil
                free(slot)
            }
        }
    }

    /// Called from the signal handler: only unlink, nothing that allocates.
    func removeAll() {
        for index in 0..<Self.capacity {
            if let slot = slots[index] { unlink(slot) }
        }
    }
}
