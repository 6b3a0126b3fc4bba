/// Finds where a byte sequence stops being UTF-8, so errors can point at the spot
/// instead of saying "could not decode".
public enum UTF8Validation {
    /// Offset (from the start of `bytes`) of the first byte that is not part of a valid
    /// UTF-8 sequence, or nil if all of it is valid.
    public static func firstInvalidOffset(in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidOffset(in: $0) }
    }

    /// The same over raw bytes: the importer validates whole files, so this loop must be tight.
    public static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return index - bytes.startIndex
            }
            guard index + length <= end else { return index - bytes.startIndex }
            var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length {
                let byte = bytes[index + k]
                guard byte & 0xC0 == 0x80 else { return index - bytes.startIndex }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return index - bytes.startIndex
            }
            index += length
        }
        return nil
    }

    /// 1-based line and column (in characters) of a byte offset. Lines end at LF, CR or CRLF.
    public static func lineAndColumn(of offset: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = bytes.startIndex
        let stop = bytes.startIndex + offset
        while index < stop {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1; column = 1
            } else if byte == 0x0D {
                if index + 1 < stop, bytes[index + 1] == 0x0A { index += 1 }
                line += 1; column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }
}
