#if canImport(Glibc)
import Glibc
#endif

/// The temporary files being written (and the folders made for them), so a signal handler
/// can remove them before the process dies. Plain C storage: a signal handler may not take
/// locks or allocate.
final class TemporaryFileRegistry: @unchecked Sendable {
    static let shared = TemporaryFileRegistry()
    static let capacity = 32
    /// The signals that stop a run: Ctrl-C, kill, a closed terminal, Ctrl-\.
    static let stopSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    private let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    /// Folders created for the output, in the order they were made (shallowest first).
    private let folderSlots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)

    private init() {
        slots.initialize(repeating: nil, count: Self.capacity)
        folderSlots.initialize(repeating: nil, count: Self.capacity)
        // A parent may have started us with these signals blocked (a thread pool's mask is
        // inherited); Ctrl-C must still stop the run and clean up.
        var set = sigset_t()
        sigemptyset(&set)
        for signal in Self.stopSignals { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for signal in Self.stopSignals {
            // Replaces the Swift runtime's crash reporter for SIGQUIT too: Ctrl-\ is a request
            // to stop, not a crash. `_exit` runs no atexit code, which a handler must not.
            Glibc.signal(signal) { number in
                TemporaryFileRegistry.shared.removeAll()
                _exit(128 + number)
            }
        }
    }

    func add(_ path: String) { Self.add(path, to: slots) }

    func remove(_ path: String) { Self.remove(path, from: slots) }

    /// A folder made for the output: removed by a signal, if it is still empty, after the files.
    func addFolder(_ path: String) { Self.add(path, to: folderSlots) }

    func removeFolder(_ path: String) { Self.remove(path, from: folderSlots) }

    private static func add(_ path: String, to slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) {
        for index in 0..<capacity where slots[index] == nil {
            slots[index] = strdup(path)
            return
        }
    }

    private static func remove(_ path: String, from slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) {
        for index in 0..<capacity {
            if let slot = slots[index], String(cString: slot) == path {
                slots[index] = nil
                free(slot)
            }
        }
    }

    /// Called from the signal handler: only unlink and rmdir, nothing that allocates.
    func removeAll() {
        for index in 0..<Self.capacity {
            if let slot = slots[index] { unlink(slot) }
        }
        for index in (0..<Self.capacity).reversed() {
            if let slot = folderSlots[index] { rmdir(slot) }
        }
    }
}
