#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes to an open file descriptor in full: `write(2)` may take only part of them,
/// or be interrupted by a signal.
public enum DescriptorWriter {
    /// nil when every byte was written; otherwise the system's reason (disk full, file too
    /// large), for the caller's message.
    public static func write(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                #if canImport(Glibc)
                return Glibc.write(descriptor, base + written, buffer.count - written)
                #else
                return Darwin.write(descriptor, base + written, buffer.count - written)
                #endif
            }
            if result < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            written += result
        }
        return nil
    }
}
