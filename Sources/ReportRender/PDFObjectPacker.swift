import CPangoCairo

/// Re-packs the PDF that Cairo writes so that its many small objects (page dictionaries,
/// link annotations, structure elements, outline items) sit in compressed object streams,
/// indexed by a compressed cross-reference stream (PDF 1.5). Cairo 1.16 writes every
/// object uncompressed with a 20-byte cross-reference entry each; for a long brief those
/// objects are close to half the file.
///
/// Streams (page content, fonts) are copied byte for byte. Anything unexpected returns nil,
/// and the caller writes Cairo's file unchanged (see `CairoPDF` for what is expected).
enum PDFObjectPacker {
    /// Objects per object stream: large enough to compress well, small enough that a reader
    /// opening one page does not inflate much.
    static let objectsPerStream = 200

    static func pack(_ input: [UInt8]) -> [UInt8]? {
        CairoPDF(input).flatMap(write)
    }

    /// Writes the objects: streams as they are, everything else in object streams, then a
    /// cross-reference stream.
    static func write(_ pdf: CairoPDF) -> [UInt8]? {
        var output: [UInt8] = Array("%PDF-1.5\n%\u{B5}\u{ED}\u{AE}\u{FB}\n".utf8)
        output.reserveCapacity(pdf.objects.values.reduce(0) { $0 + $1.body.count + ($1.streamData?.count ?? 0) })
        var entries: [Int: (type: UInt8, field2: Int, field3: Int)] = [:]
        var plain: [Int] = []
        for number in pdf.order {
            guard let object = pdf.objects[number] else { continue }
            guard let data = object.streamData else {
                plain.append(number)
                continue
            }
            entries[number] = (1, output.count, 0)
            output.append(contentsOf: "\(number) 0 obj\n".utf8)
            output.append(contentsOf: object.body)
            output.append(contentsOf: "\nstream\n".utf8)
            output.append(contentsOf: data)
            output.append(contentsOf: "endstream\nendobj\n".utf8)
        }
        var nextNumber = max(pdf.size, (pdf.objects.keys.max() ?? 0) + 1)
        var start = 0
        while start < plain.count {
            let group = plain[start..<min(start + objectsPerStream, plain.count)]
            let streamNumber = nextNumber
            nextNumber += 1
            var index: [UInt8] = []
            var data: [UInt8] = []
            for (position, number) in group.enumerated() {
                index.append(contentsOf: "\(number) \(data.count) ".utf8)
                data.append(contentsOf: pdf.objects[number]?.body ?? [])
                data.append(0x0A)
                entries[number] = (2, streamNumber, position)
            }
            index.append(0x0A)
            guard let compressed = deflate(index + data) else { return nil }
            entries[streamNumber] = (1, output.count, 0)
            output.append(contentsOf: "\(streamNumber) 0 obj\n<< /Type /ObjStm /N \(group.count) /First \(index.count) /Length \(compressed.count) /Filter /FlateDecode >>\nstream\n".utf8)
            output.append(contentsOf: compressed)
            output.append(contentsOf: "\nendstream\nendobj\n".utf8)
            start += objectsPerStream
        }

        // The cross-reference stream: type (1 byte), offset or object stream (4), generation or index (2).
        let xrefNumber = nextNumber
        let size = xrefNumber + 1
        let xrefOffset = output.count
        entries[xrefNumber] = (1, xrefOffset, 0)
        var rows: [UInt8] = []
        rows.reserveCapacity(size * 7)
        for number in 0..<size {
            let entry = entries[number] ?? (0, 0, number == 0 ? 65535 : 0)
            rows.append(entry.type)
            for shift in [24, 16, 8, 0] { rows.append(UInt8((entry.field2 >> shift) & 0xFF)) }
            rows.append(UInt8((entry.field3 >> 8) & 0xFF))
            rows.append(UInt8(entry.field3 & 0xFF))
        }
        guard let compressedRows = deflate(rows) else { return nil }
        var dictionary = "<< /Type /XRef /Size \(size) /W [1 4 2] /Root \(pdf.root) 0 R"
        if let info = pdf.info { dictionary += " /Info \(info) 0 R" }
        dictionary += " /Length \(compressedRows.count) /Filter /FlateDecode >>"
        output.append(contentsOf: "\(xrefNumber) 0 obj\n\(dictionary)\nstream\n".utf8)
        output.append(contentsOf: compressedRows)
        output.append(contentsOf: "\nendstream\nendobj\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        return output
    }

    /// What the classic trailer says: where each object is, and the root.
    struct Trailer {
        var offsets: [Int: Int] = [:]
        var xrefOffset: Int
        var size: Int
        var root: Int
        var info: Int?

        init?(_ input: [UInt8]) {
            guard let startxref = PDFObjectPacker.lastRange(of: "startxref", in: input[...]) else { return nil }
            let tail = String(decoding: input[startxref.upperBound...].prefix(40), as: UTF8.self)
            guard let offset = tail.split(whereSeparator: \.isWhitespace).first.flatMap({ Int($0) }), offset < input.count else { return nil }
            xrefOffset = offset
            // Read bytes, not lines: a long brief has tens of thousands of 20-byte entries.
            var reader = ByteReader(bytes: input, index: offset, end: startxref.lowerBound)
            guard reader.word() == "xref" else { return nil }
            while true {
                reader.skipWhitespace()
                if reader.peek(is: "trailer") { break }
                guard let first = reader.integer(), let count = reader.integer() else { return nil }
                for k in 0..<count {
                    guard let position = reader.integer(), reader.integer() != nil else { return nil }
                    let kind = reader.word()
                    if kind == "n" { offsets[first + k] = position } else if kind != "f" { return nil }
                }
            }
            let trailerText = String(decoding: input[reader.index..<startxref.lowerBound], as: UTF8.self)
            guard !trailerText.contains("/Encrypt"), !trailerText.contains("/Prev"),
                  let size = Self.integer(after: "/Size", in: trailerText), let root = Self.integer(after: "/Root", in: trailerText) else { return nil }
            self.size = size
            self.root = root
            info = Self.integer(after: "/Info", in: trailerText)
        }

        static func integer(after key: String, in text: String) -> Int? {
            guard let range = text.range(of: key) else { return nil }
            return text[range.upperBound...].split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) }
        }
    }

    /// Whitespace-separated tokens of the cross-reference table.
    struct ByteReader {
        let bytes: [UInt8]
        var index: Int
        let end: Int

        mutating func skipWhitespace() {
            while index < end, PDFObjectPacker.isWhitespace(bytes[index]) { index += 1 }
        }

        mutating func word() -> String {
            skipWhitespace()
            let start = index
            while index < end, !PDFObjectPacker.isWhitespace(bytes[index]) { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func integer() -> Int? {
            skipWhitespace()
            var value = 0, digits = 0
            while index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9"), digits < 12 {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
                digits += 1
            }
            return digits > 0 && (index == end || PDFObjectPacker.isWhitespace(bytes[index])) ? value : nil
        }

        func peek(is word: String) -> Bool {
            let pattern = Array(word.utf8)
            return index + pattern.count <= end && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
        }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    static func trim(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lower = bytes.startIndex, upper = bytes.endIndex
        while lower < upper, isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return bytes[lower..<upper]
    }

    static func lastRange(of word: String, in bytes: ArraySlice<UInt8>) -> Range<Int>? {
        let pattern = Array(word.utf8)
        var index = bytes.endIndex - pattern.count
        while index >= bytes.startIndex {
            if bytes[index] == pattern[0], bytes[index..<index + pattern.count].elementsEqual(pattern) { return index..<index + pattern.count }
            index -= 1
        }
        return nil
    }

    static func deflate(_ bytes: [UInt8]) -> [UInt8]? {
        var length = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { source in
                compress2(out.baseAddress, &length, source.baseAddress, uLong(bytes.count), Z_DEFAULT_COMPRESSION)
            }
        }
        guard status == Z_OK else { return nil }
        output.removeSubrange(Int(length)...)
        return output
    }
}
