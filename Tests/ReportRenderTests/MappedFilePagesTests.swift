import Foundation
import Testing
@testable import ReportRender

/// Giving back a font file's pages must never lose data: only read-only mappings of files
/// are dropped, and reading them again gives the file's bytes.
@Suite("Pages of mapped font files given back")
struct MappedFilePagesTests {
    let size = 1 << 20

    /// A temporary file of `size` bytes with a pattern in it, opened for reading.
    func patternFile() throws -> (path: String, descriptor: Int32, bytes: [UInt8]) {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 12) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let descriptor = open(path, O_RDWR)
        try #require(descriptor >= 0)
        return (path, descriptor, bytes)
    }

    @Test func aReadOnlyFileMappingIsDroppedAndReadsBackTheSame() throws {
        let file = try patternFile()
        defer { close(file.descriptor); unlink(file.path) }
        let mapping = try #require(mmap(nil, size, PROT_READ, MAP_PRIVATE, file.descriptor, 0))
        try #require(mapping != MAP_FAILED)
        defer { munmap(mapping, size) }
        let view = UnsafeRawBufferPointer(start: mapping, count: size)
        #expect(Array(view) == file.bytes)   // every page read, so resident
        let released = MappedFilePages.release(UnsafeRawPointer(mapping), count: size, in: MappedFilePages.readOnlyFileMappings())
        #expect(released == size)
        #expect(Array(view) == file.bytes, "read again from the file")
    }

    @Test func memoryThatIsNotAReadOnlyFileMappingIsLeftAlone() throws {
        // A copy in the heap (as a library that reads a font into memory would have).
        let heap = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 4096)
        defer { heap.deallocate() }
        for index in 0..<size { heap[index] = UInt8(truncatingIfNeeded: index &* 7) }
        let expected = Array(heap)
        #expect(MappedFilePages.release(UnsafeRawPointer(heap.baseAddress!), count: size, in: MappedFilePages.readOnlyFileMappings()) == 0)
        #expect(Array(heap) == expected)

        // A writable private mapping of a file, changed: dropping it would lose the change.
        let file = try patternFile()
        defer { close(file.descriptor); unlink(file.path) }
        let mapping = try #require(mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, file.descriptor, 0))
        try #require(mapping != MAP_FAILED)
        defer { munmap(mapping, size) }
        mapping.storeBytes(of: 0xAB, toByteOffset: 5000, as: UInt8.self)
        #expect(MappedFilePages.release(UnsafeRawPointer(mapping), count: size, in: MappedFilePages.readOnlyFileMappings()) == 0)
        #expect(mapping.load(fromByteOffset: 5000, as: UInt8.self) == 0xAB)
    }
}
