import Glibc

/// Gives back the pages of read-only file mappings that a library has finished reading.
///
/// The subsetter reads the charstrings of a few thousand glyphs spread over the 19 MB of a
/// Noto Sans CJK file, and the kernel maps each read with its neighbours (fault-around):
/// about 15 MB of the font files stay resident though nothing reads them again. Those pages
/// are clean copies of the file, so dropping them loses nothing: a later read maps them
/// again. Anything that is not a read-only mapping of a file (a library that copied the
/// font into memory, say) is left alone, since dropping it would lose its contents.
enum MappedFilePages {
    /// Drops the resident pages of `[start, start + count)` that lie in any of `mappings`
    /// (from `readOnlyFileMappings()`); returns how many bytes were released.
    @discardableResult
    static func release(_ start: UnsafeRawPointer, count: Int, in mappings: [(start: UInt, end: UInt)]) -> Int {
        let pageSize = UInt(sysconf(Int32(_SC_PAGESIZE)))
        let low = UInt(bitPattern: start), high = low + UInt(count)
        var released = 0
        for mapping in mappings where mapping.end > low && mapping.start < high {
            // Whole pages only, inside both the mapping and the range.
            let from = (max(mapping.start, low) + pageSize - 1) / pageSize * pageSize
            let to = min(mapping.end, high) / pageSize * pageSize
            guard to > from, let pointer = UnsafeMutableRawPointer(bitPattern: from) else { continue }
            if madvise(pointer, Int(to - from), MADV_DONTNEED) == 0 { released += Int(to - from) }
        }
        return released
    }

    /// The lines of `/proc/self/maps` (`start-end perms offset dev inode path`) with no write
    /// permission and an inode other than 0: read-only mappings of files. Parsed as bytes: a
    /// process has hundreds of mappings.
    static func readOnlyFileMappings() -> [(start: UInt, end: UInt)] {
        let descriptor = open("/proc/self/maps", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        var result: [(start: UInt, end: UInt)] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1].count == 4, !fields[1].contains(UInt8(ascii: "w")),
                  !fields[4].allSatisfy({ $0 == UInt8(ascii: "0") }) else { continue }
            let bounds = fields[0].split(separator: UInt8(ascii: "-"))
            guard bounds.count == 2, let start = hex(bounds[0]), let end = hex(bounds[1]) else { continue }
            result.append((start, end))
        }
        return result
    }

    private static func hex(_ digits: ArraySlice<UInt8>) -> UInt? {
        var value: UInt = 0
        for digit in digits {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt(digit - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        return digits.isEmpty ? nil : value
    }
}
