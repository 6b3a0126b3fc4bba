#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes the legacy Chinese encodings (CP950, Big5-HKSCS) with the C library's iconv,
/// which every Linux and macOS has: no table of our own to get wrong.
enum IconvDecoder {
    /// Where and why decoding stopped.
    struct Failure: Error {
        /// Byte offset of the first byte that could not be decoded.
        var offset: Int
        /// 1-based line and column (in characters) of that byte.
        var line: Int
        var column: Int
        /// Up to two bytes from there, for the message.
        var bytes: [UInt8]
        /// True when the file ends inside a character.
        var truncated: Bool
    }

    /// The scalars of `bytes` in `encoding`, or where they stop being valid. Nil when this
    /// C library has no converter for the encoding.
    static func decode(_ bytes: ArraySlice<UInt8>, from encoding: String) -> Result<[Unicode.Scalar], Failure>? {
        let converter = iconv_open("UTF-32LE", encoding)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = Array(bytes)
        // Every input byte gives at most one scalar of four bytes.
        var output = [UInt8](repeating: 0, count: input.count * 4 + 4)
        var failed = false
        var consumed = 0
        var produced = 0
        var errorNumber: Int32 = 0
        input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                guard let inputBase = inputBuffer.baseAddress, let outputBase = outputBuffer.baseAddress else { return }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBase).assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBase).assumingMemoryBound(to: CChar.self)
                var outLeft = outputBuffer.count
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                    failed = true
                    errorNumber = errno
                }
                consumed = inputBuffer.count - inLeft
                produced = outputBuffer.count - outLeft
            }
        }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(produced / 4)
        var index = 0
        while index + 4 <= produced {
            let value = UInt32(output[index]) | UInt32(output[index + 1]) << 8 | UInt32(output[index + 2]) << 16 | UInt32(output[index + 3]) << 24
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            index += 4
        }
        guard failed else { return .success(scalars) }
        var line = 1, column = 1
        var previous: Unicode.Scalar?
        for scalar in scalars {
            if scalar == "\n" {
                if previous != "\r" { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previous = scalar
        }
        let shown = Array(input[consumed..<min(input.count, consumed + 2)])
        return .failure(Failure(offset: consumed, line: line, column: column, bytes: shown, truncated: errorNumber == EINVAL))
    }
}
