/// Finds and renumbers the indirect references (`12 0 R`) in a PDF object's text.
///
/// It reads PDF tokens rather than matching patterns, so that digits inside a string, a
/// hex string, a name (`/f-0-0`) or a comment (Cairo writes `/Type /Page % 3`) are never
/// taken for a reference.
enum PDFReferences {
    /// The object numbers `body` refers to, in order of appearance.
    static func numbers(in body: [UInt8]) -> [Int] {
        var numbers: [Int] = []
        scan(body) { number, _ in numbers.append(number) }
        return numbers
    }

    /// `body` with each reference `N 0 R` replaced by `map(N) 0 R`; nil when `map` has no
    /// number for one of them.
    static func renumber(_ body: [UInt8], _ map: (Int) -> Int?) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(body.count + 16)
        var copied = 0
        var failed = false
        scan(body) { number, range in
            guard !failed, let new = map(number) else {
                failed = true
                return
            }
            output.append(contentsOf: body[copied..<range.lowerBound])
            output.append(contentsOf: "\(new) 0 R".utf8)
            copied = range.upperBound
        }
        if failed { return nil }
        output.append(contentsOf: body[copied...])
        return output
    }

    /// Calls `visit` with each reference's object number and the range of `N G R`.
    private static func scan(_ body: [UInt8], visit: (Int, Range<Int>) -> Void) {
        let count = body.count
        var index = 0
        while index < count {
            let byte = body[index]
            switch byte {
            case UInt8(ascii: "("):
                // A literal string: balanced parentheses, backslash escapes.
                var depth = 1
                index += 1
                while index < count, depth > 0 {
                    switch body[index] {
                    case UInt8(ascii: "\\"): index += 1
                    case UInt8(ascii: "("): depth += 1
                    case UInt8(ascii: ")"): depth -= 1
                    default: break
                    }
                    index += 1
                }
            case UInt8(ascii: "<"):
                if index + 1 < count, body[index + 1] == UInt8(ascii: "<") {
                    index += 2
                } else {
                    while index < count, body[index] != UInt8(ascii: ">") { index += 1 }
                    index += 1
                }
            case UInt8(ascii: "%"):
                while index < count, body[index] != 0x0A, body[index] != 0x0D { index += 1 }
            case UInt8(ascii: "/"):
                index += 1
                while index < count, isRegular(body[index]) { index += 1 }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                let numberEnd = tokenEnd(body, from: index)
                index = numberEnd
                guard let number = integer(body[start..<numberEnd]) else { continue }
                // `N G R`: whitespace, a generation, whitespace, `R` ending its token.
                var cursor = skipWhitespace(body, from: numberEnd)
                guard cursor > numberEnd else { continue }
                let generationEnd = tokenEnd(body, from: cursor)
                guard integer(body[cursor..<generationEnd]) != nil else { continue }
                cursor = skipWhitespace(body, from: generationEnd)
                guard cursor > generationEnd, cursor < count, body[cursor] == UInt8(ascii: "R"),
                      cursor + 1 == count || !isRegular(body[cursor + 1]) else { continue }
                visit(number, start..<(cursor + 1))
                index = cursor + 1
            default:
                index = isRegular(byte) ? tokenEnd(body, from: index) : index + 1
            }
        }
    }

    private static func isRegular(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20: false
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"): false
        default: true
        }
    }

    private static func tokenEnd(_ body: [UInt8], from start: Int) -> Int {
        var index = start
        while index < body.count, isRegular(body[index]) { index += 1 }
        return index
    }

    private static func skipWhitespace(_ body: [UInt8], from start: Int) -> Int {
        var index = start
        while index < body.count, PDFObjectPacker.isWhitespace(body[index]) || body[index] == 0x0C { index += 1 }
        return index
    }

    /// A token of digits only, as a number (no sign, no point: object numbers).
    private static func integer(_ token: ArraySlice<UInt8>) -> Int? {
        guard !token.isEmpty, token.count <= 10 else { return nil }
        var value = 0
        for byte in token {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
