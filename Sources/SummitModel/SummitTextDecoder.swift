import InputSupport

/// Turns the bytes of a summit file into lines of text, accepting the encodings and
/// line ends that other programs save (UTF-8 with or without BOM, UTF-16, CRLF, CR),
/// and refusing binary or broken files with the position of the problem.
struct SummitTextDecoder {
    let file: String

    func decode(_ bytes: [UInt8]) throws(InputError) -> (lines: [SourceLine], warnings: [InputWarning]) {
        let location = SourceLocation(file: file)
        guard !bytes.isEmpty else {
            throw InputError("the file is empty", at: location, hint: "Expected the text extraction of the summit's summary table.")
        }
        let scalars = try decodeScalars(bytes)
        var warnings: [InputWarning] = []
        var lines: [SourceLine] = []
        var lineStart = 0
        var lineNumber = 1
        var controlCount = 0
        var firstControl: (line: Int, column: Int, value: UInt32)?
        var cleaned: [Unicode.Scalar] = []
        cleaned.reserveCapacity(scalars.count)
        var index = 0
        // Normalise line ends to LF and replace stray control characters as we go.
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar.value {
            case 0x0D:
                if index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                cleaned.append("\n")
            case 0x0A, 0x0C:
                cleaned.append("\n")
            case 0x09:
                cleaned.append(scalar)
            case 0x00...0x1F, 0x7F:
                controlCount += 1
                if firstControl == nil {
                    let lineIndex = cleaned.lastIndex(of: "\n").map { cleaned.distance(from: $0, to: cleaned.endIndex) } ?? cleaned.count + 1
                    firstControl = (cleaned.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }, lineIndex, scalar.value)
                }
                cleaned.append(" ")
            default:
                cleaned.append(scalar)
            }
            index += 1
        }
        if let firstControl {
            let share = Double(controlCount) / Double(max(scalars.count, 1))
            let where_ = SourceLocation(file: file, line: firstControl.line, column: firstControl.column)
            if controlCount > 16 && share > 0.001 {
                throw InputError("looks like a binary file: \(controlCount) control characters (the first is U+\(hex(firstControl.value)))",
                                 at: where_, hint: "Give the text extraction of the summary table, saved as UTF-8 text.")
            }
            warnings.append(InputWarning("\(controlCount) control character(s) replaced by spaces (the first is U+\(hex(firstControl.value)))", at: where_))
        }
        for (offset, scalar) in cleaned.enumerated() where scalar == "\n" {
            lines.append(SourceLine(number: lineNumber, scalars: cleaned[lineStart..<offset]))
            lineStart = offset + 1
            lineNumber += 1
        }
        if lineStart < cleaned.count {
            lines.append(SourceLine(number: lineNumber, scalars: cleaned[lineStart...]))
        }
        return (lines, warnings)
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private func decodeScalars(_ bytes: [UInt8]) throws(InputError) -> [Unicode.Scalar] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try decodeUTF8(bytes[3...])
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try decodeUTF16(bytes[2...], littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try decodeUTF16(bytes[2...], littleEndian: false) }
        if let firstNUL = bytes.firstIndex(of: 0) {
            if let littleEndian = looksLikeUTF16(bytes) { return try decodeUTF16(bytes[...], littleEndian: littleEndian) }
            let (line, column) = UTF8Validation.lineAndColumn(of: firstNUL, in: bytes[...])
            throw InputError("looks like a binary file: it contains a NUL byte (offset \(firstNUL))",
                             at: SourceLocation(file: file, line: line, column: column),
                             hint: "Give the text extraction of the summary table, saved as UTF-8 text.")
        }
        return try decodeUTF8(bytes[...])
    }

    private func decodeUTF8(_ bytes: ArraySlice<UInt8>) throws(InputError) -> [Unicode.Scalar] {
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            let (line, column) = UTF8Validation.lineAndColumn(of: offset, in: bytes)
            let byte = bytes[bytes.startIndex + offset]
            throw InputError("not valid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset) cannot start or continue a character",
                             at: SourceLocation(file: file, line: line, column: column),
                             hint: "Save the file as UTF-8 (in most editors: Save As… → Encoding: UTF-8).")
        }
        // Validated above, so each sequence is well formed: decode it directly.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = UInt32(bytes[index])
            var value: UInt32
            var length: Int
            switch lead {
            case 0..<0x80: value = lead; length = 1
            case 0xC0..<0xE0: value = lead & 0x1F; length = 2
            case 0xE0..<0xF0: value = lead & 0x0F; length = 3
            default: value = lead & 0x07; length = 4
            }
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            index += length
        }
        return scalars
    }

    /// Big- or little-endian UTF-16 without a byte-order mark shows as zero bytes on one side
    /// of most pairs when the text has ASCII (tabs, digits, tags) in it.
    private func looksLikeUTF16(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(8192)
        guard sample.count >= 4, sample.count % 2 == 0 || bytes.count > sample.count else { return nil }
        var evenZeros = 0, oddZeros = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        if oddZeros * 5 > pairs && evenZeros * 20 < pairs { return true }
        if evenZeros * 5 > pairs && oddZeros * 20 < pairs { return false }
        return nil
    }

    private func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) throws(InputError) -> [Unicode.Scalar] {
        guard bytes.count % 2 == 0 else {
            throw InputError("looks like UTF-16 but has an odd number of bytes (\(bytes.count)); the file may be cut short",
                             at: SourceLocation(file: file), hint: "Save the file again as UTF-8.")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(units.count)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var unitOffset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                scalars.append(scalar)
                unitOffset += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput:
                break loop
            case .error:
                let line = scalars.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                throw InputError("not valid UTF-16: a lone surrogate at code unit \(unitOffset)",
                                 at: SourceLocation(file: file, line: line), hint: "Save the file again as UTF-8.")
            }
        }
        return scalars
    }
}
