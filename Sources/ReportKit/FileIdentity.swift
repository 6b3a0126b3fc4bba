#if canImport(Glibc)
import Glibc
#endif

/// A file as the system knows it (device and inode), whatever path reaches it.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    /// The file `path` names, following links; nil when there is none.
    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
