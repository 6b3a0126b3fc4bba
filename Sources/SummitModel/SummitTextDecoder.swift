import InputSupport

/// Turns the bytes of a summit file into lines of text, accepting the encodings and
/// line ends that other programs save (UTF-8 with or without BOM, UTF-16, CRLF, CR),
/// and refusing binary or broken files with the position of the problem. Bytes that are not
/// UTF-8 are tried as CP950 (Big5), what Notepad on a Traditional Chinese Windows saves;
/// `forced` skips the guessing.
struct SummitTextDecoder {
    let file: String
    var forced: SummitEncoding?

    init(file: String, forced: SummitEncoding? = nil) {
        self.file = file
        self.forced = forced
    }

    func decode(_ bytes: [UInt8]) throws(InputError) -> (lines: [SourceLine], warnings: [InputWarning]) {
        let decoded = try decodeWithDecision(bytes)
        return (decoded.lines, decoded.warnings)
    }

    /// The lines, what was odd about them, and which encoding was read and why.
    func decodeWithDecision(_ bytes: [UInt8]) throws(InputError) -> (lines: [SourceLine], warnings: [InputWarning], decision: EncodingDecision) {
        let location = SourceLocation(file: file)
        guard !bytes.isEmpty else {
            throw InputError("the file is empty", at: location, hint: "Expected the text extraction of the summit's summary table.")
        }
        let (scalars, decision) = try decodeScalars(bytes)
        var warnings: [InputWarning] = []
        var lines: [SourceLine] = []
        var lineStart = 0
        var lineNumber = 1
        var controlCount = 0
        var firstControl: (line: Int, column: Int, value: UInt32)?
        var cleaned: [Unicode.Scalar] = []
        cleaned.reserveCapacity(scalars.count)
        var pageStarts = Set<Int>()
        var newlines = 0
        var index = 0
        // Normalise line ends to LF and replace stray control characters as we go.
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar.value {
            case 0x0D:
                if index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                cleaned.append("\n")
                newlines += 1
            case 0x0C:
                // A form feed is a page break (pdftotext ends each page with one). At the start
                // of a line it is dropped, so line numbers stay those an editor shows; inside a
                // line it ends the line. Either way the next line starts a page.
                if let last = cleaned.last, last != "\n" { cleaned.append("\n"); newlines += 1 }
                pageStarts.insert(newlines + 1)
            case 0x0A:
                cleaned.append("\n")
                newlines += 1
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
            lines.append(SourceLine(number: lineNumber, scalars: cleaned[lineStart..<offset], startsPage: pageStarts.contains(lineNumber)))
            lineStart = offset + 1
            lineNumber += 1
        }
        if lineStart < cleaned.count {
            lines.append(SourceLine(number: lineNumber, scalars: cleaned[lineStart...], startsPage: pageStarts.contains(lineNumber)))
        }
        return (lines, warnings, decision)
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private func decodeScalars(_ bytes: [UInt8]) throws(InputError) -> ([Unicode.Scalar], EncodingDecision) {
        if let forced { return try decodeScalars(bytes, as: forced) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (try decodeUTF8(bytes[3...]), EncodingDecision(encoding: .utf8, reason: "byte-order mark EF BB BF"))
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return (try decodeUTF16(bytes[2...], littleEndian: true), EncodingDecision(encoding: .utf16LE, reason: "byte-order mark FF FE"))
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return (try decodeUTF16(bytes[2...], littleEndian: false), EncodingDecision(encoding: .utf16BE, reason: "byte-order mark FE FF"))
        }
        if let firstNUL = bytes.firstIndex(of: 0) {
            if let littleEndian = looksLikeUTF16(bytes) {
                let side = littleEndian ? "odd" : "even"
                return (try decodeUTF16(bytes[...], littleEndian: littleEndian),
                        EncodingDecision(encoding: littleEndian ? .utf16LE : .utf16BE,
                                         reason: "no byte-order mark; zero bytes at most \(side) offsets, as UTF-16 text with ASCII in it has"))
            }
            let (line, column) = UTF8Validation.lineAndColumn(of: firstNUL, in: bytes[...])
            throw InputError("looks like a binary file: it contains a NUL byte (offset \(firstNUL))",
                             at: SourceLocation(file: file, line: line, column: column),
                             hint: "Give the text extraction of the summary table, saved as UTF-8 text.")
        }
        guard let offset = UTF8Validation.firstInvalidOffset(in: bytes[...]) else {
            return (try decodeUTF8(bytes[...]), EncodingDecision(encoding: .utf8, reason: "no byte-order mark; all \(bytes.count) bytes are valid UTF-8"))
        }
        // Not UTF-8: a Traditional Chinese Windows saves "ANSI" as code page 950.
        let (line, column) = UTF8Validation.lineAndColumn(of: offset, in: bytes[...])
        let shown = bytes[offset..<min(bytes.count, offset + 2)].map { "0x" + hexByte($0) }.joined(separator: " ")
        for legacy in [SummitEncoding.cp950, .big5HKSCS] {
            guard let name = legacy.iconvName, case let .success(scalars)? = IconvDecoder.decode(bytes[...], from: name),
                  Self.readsAsChinese(scalars) else { continue }
            let ideographs = scalars.reduce(0) { CJKText.isIdeograph($1) ? $0 + 1 : $0 }
            return (scalars, EncodingDecision(encoding: legacy, reason: "bytes \(shown) at line \(line), column \(column) are not UTF-8, "
                + "and the whole file decodes as \(legacy.displayName) (\(ideographs) Chinese characters)"))
        }
        return (try decodeUTF8(bytes[...]), EncodingDecision(encoding: .utf8, reason: "not UTF-8 (this decoding throws)"))
    }

    /// Decoding as `--encoding` says; a byte-order mark is skipped (and for UTF-16 it decides the byte order).
    private func decodeScalars(_ bytes: [UInt8], as encoding: SummitEncoding) throws(InputError) -> ([Unicode.Scalar], EncodingDecision) {
        let reason = "--encoding \(encoding.rawValue)"
        switch encoding {
        case .utf8:
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
            return (try decodeUTF8(body), EncodingDecision(encoding: .utf8, reason: reason))
        case .utf16LE, .utf16BE:
            var littleEndian = encoding == .utf16LE
            var body = bytes[...]
            if bytes.starts(with: [0xFF, 0xFE]) { littleEndian = true; body = bytes[2...] }
            if bytes.starts(with: [0xFE, 0xFF]) { littleEndian = false; body = bytes[2...] }
            return (try decodeUTF16(body, littleEndian: littleEndian),
                    EncodingDecision(encoding: littleEndian ? .utf16LE : .utf16BE, reason: reason))
        case .cp950, .big5HKSCS:
            guard let name = encoding.iconvName, let result = IconvDecoder.decode(bytes[...], from: name) else {
                throw InputError("this system's iconv cannot read \(encoding.displayName)", at: SourceLocation(file: file),
                                 hint: "Convert the file to UTF-8 first, e.g. iconv -f CP950 -t UTF-8.")
            }
            switch result {
            case let .success(scalars):
                return (scalars, EncodingDecision(encoding: encoding, reason: reason))
            case let .failure(failure):
                let shown = failure.bytes.map { "0x" + hexByte($0) }.joined(separator: " ")
                let what = failure.truncated ? "the file ends inside a character" : "bytes \(shown) at offset \(failure.offset) are not a \(encoding.displayName) character"
                throw InputError("not valid \(encoding.displayName): \(what)",
                                 at: SourceLocation(file: file, line: failure.line, column: failure.column),
                                 hint: "Check the encoding the file was saved in; --encoding accepts \(SummitEncoding.acceptedNames).")
            }
        }
    }

    /// Whether text decoded from a legacy encoding is plausibly Chinese text and not
    /// another encoding misread: it has ideographs, and almost no private-use characters
    /// (where Big5 puts its end-user area) or C1 controls.
    static func readsAsChinese(_ scalars: [Unicode.Scalar]) -> Bool {
        var ideographs = 0, odd = 0
        for scalar in scalars {
            if CJKText.isIdeograph(scalar) { ideographs += 1 }
            if (0xE000...0xF8FF).contains(scalar.value) || (0x80...0x9F).contains(scalar.value) { odd += 1 }
        }
        return ideographs > 0 && odd * 50 <= ideographs
    }

    private func hexByte(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }

    private func decodeUTF8(_ bytes: ArraySlice<UInt8>) throws(InputError) -> [Unicode.Scalar] {
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            let (line, column) = UTF8Validation.lineAndColumn(of: offset, in: bytes)
            let byte = bytes[bytes.startIndex + offset]
            throw InputError("not valid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset) cannot start or continue a character",
                             at: SourceLocation(file: file, line: line, column: column),
                             hint: "Save the file as UTF-8 (in most editors: Save As… → Encoding: UTF-8)\(forced == nil ? "; it is not CP950 (Big5) either. If it is in another encoding, name it with --encoding (\(SummitEncoding.acceptedNames))" : "").")
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
