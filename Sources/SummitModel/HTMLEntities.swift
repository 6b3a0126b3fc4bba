/// Decodes HTML character references (`&amp;`, `&#20013;`, `&#x4E2D;`, `&nbsp;` …).
enum HTMLEntities {
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "shy": "\u{00AD}",
        "ndash": "–", "mdash": "—", "hellip": "…", "middot": "·", "bull": "•",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
        "copy": "©", "reg": "®", "trade": "™", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷",
        "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "sect": "§", "para": "¶", "permil": "‰",
        "frac12": "½", "frac14": "¼", "frac34": "¾", "sup2": "²", "sup3": "³", "micro": "µ",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓",
    ]

    /// At `start` (an `&`): the decoded scalars and the index after the reference.
    /// `(nil, end)` with `end > start` means it has the shape of a reference but is unknown;
    /// `(nil, start)` means it is just an ampersand.
    static func decode(_ scalars: ArraySlice<Unicode.Scalar>, at start: Int) -> ([Unicode.Scalar]?, Int) {
        var index = start + 1
        let limit = min(scalars.endIndex, start + 34)
        var body: [Unicode.Scalar] = []
        while index < limit, scalars[index] != ";" {
            let scalar = scalars[index]
            guard scalar.isASCII, scalar.properties.isAlphabetic || CJKText.isASCIIDigit(scalar) || scalar == "#" else { return (nil, start) }
            body.append(scalar)
            index += 1
        }
        guard index < limit, scalars[index] == ";", !body.isEmpty else { return (nil, start) }
        let end = index + 1
        let name = String(scalars: body)
        if body.first == "#" {
            let digits = body.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(String(scalars: digits.dropFirst()), radix: 16)
            } else {
                value = UInt32(String(scalars: digits))
            }
            if let value, value != 0, let scalar = Unicode.Scalar(value) { return ([scalar], end) }
            return (nil, end)
        }
        if let scalar = named[name] ?? named[name.lowercased()] { return ([scalar], end) }
        return (nil, end)
    }
}
