/// A PDF as Cairo writes it, read into its objects so that it can be re-packed (object
/// streams) or merged with another part painted at the same time.
///
/// It relies only on what Cairo always writes: a classic cross-reference table giving each
/// object's offset, objects one after another, streams whose dictionary is followed by
/// `stream` and whose data ends with `endstream`, and no encryption or updates. Anything
/// else fails to parse (nil), and the caller keeps Cairo's own file.
struct CairoPDF {
    struct Object {
        /// The value (for a stream: its dictionary), as bytes.
        var body: [UInt8]
        /// A stream's data, from the line after `stream` up to `endstream`.
        var streamData: ArraySlice<UInt8>?
    }

    var objects: [Int: Object]
    /// Object numbers in the order they appear in the file.
    var order: [Int]
    var root: Int
    var info: Int?
    var size: Int

    init?(_ input: [UInt8]) {
        guard let trailer = PDFObjectPacker.Trailer(input) else { return nil }
        root = trailer.root
        info = trailer.info
        size = trailer.size
        objects = [:]
        order = []
        let ordered = trailer.offsets.sorted { $0.value < $1.value }
        for (index, entry) in ordered.enumerated() {
            let end = index + 1 < ordered.count ? ordered[index + 1].value : trailer.xrefOffset
            guard entry.value < end, end <= input.count else { return nil }
            let bytes = input[entry.value..<end]
            let header = Array("\(entry.key) 0 obj".utf8)
            guard bytes.starts(with: header), let endobj = PDFObjectPacker.lastRange(of: "endobj", in: bytes) else { return nil }
            let value = bytes[(bytes.startIndex + header.count)..<endobj.lowerBound]
            if let endstream = PDFObjectPacker.lastRange(of: "endstream", in: value),
               value[endstream.upperBound...].allSatisfy(PDFObjectPacker.isWhitespace) {
                guard let keyword = Self.firstRange(of: "stream", in: value) else { return nil }
                var dataStart = keyword.upperBound
                if dataStart < value.endIndex, value[dataStart] == 0x0D { dataStart += 1 }
                guard dataStart < value.endIndex, value[dataStart] == 0x0A else { return nil }
                dataStart += 1
                objects[entry.key] = Object(body: Array(PDFObjectPacker.trim(value[value.startIndex..<keyword.lowerBound])),
                                            streamData: value[dataStart..<endstream.lowerBound])
            } else {
                objects[entry.key] = Object(body: Array(PDFObjectPacker.trim(value)), streamData: nil)
            }
            order.append(entry.key)
        }
    }

    static func firstRange(of word: String, in bytes: ArraySlice<UInt8>) -> Range<Int>? {
        let pattern = Array(word.utf8)
        var index = bytes.startIndex
        while index + pattern.count <= bytes.endIndex {
            if bytes[index] == pattern[0], bytes[index..<index + pattern.count].elementsEqual(pattern) { return index..<index + pattern.count }
            index += 1
        }
        return nil
    }
}
