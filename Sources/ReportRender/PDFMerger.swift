import Foundation
import ReportLayout

/// Joins the two PDFs painted at once from one document (the second half in a child
/// process, see `PartProcess`) into the PDF that painting it whole would give. Cairo paints
/// one surface on one thread, and painting is most of a long brief's time: two surfaces on
/// two cores halve it.
///
/// Part one carries everything document-wide: metadata, structure tags, links, named
/// destinations and the outline; part two holds pages only. Each part opens with a warm-up
/// page that draws every glyph of the document in one order, so that both embed
/// byte-identical font subsets. The merge keeps part one's fonts and points part two's
/// pages at them, drops both warm-up pages, appends part two's pages, and adds their
/// destinations to part one's name tree. Whatever it does not recognise makes it return
/// nil, and the caller paints the document whole.
enum PDFMerger {
    static func merge(first: [UInt8], second: [UInt8], secondFrom: Int, document: LaidOutDocument) -> CairoPDF? {
        guard var merged = CairoPDF(first), let part = CairoPDF(second),
              let pages = reference(after: "/Pages", in: merged.objects[merged.root]?.body),
              let partPages = reference(after: "/Pages", in: part.objects[part.root]?.body),
              let kids = pageList(of: pages, in: merged), let partKids = pageList(of: partPages, in: part),
              kids.count == secondFrom + 1, partKids.count == document.pages.count - secondFrom + 1 else { return nil }

        // Part two's fonts that part one has too, byte for byte with all they refer to. (By
        // length first: hashing a font program of a few hundred kilobytes costs more than
        // comparing it.)
        var firstFonts: [Int: [(form: [UInt8], number: Int)]] = [:]
        for number in merged.order where isFont(merged.objects[number]) {
            if let form = canonicalForm(of: number, in: merged) { firstFonts[form.count, default: []].append((form, number)) }
        }
        var shared: [Int: Int] = [:]
        for number in part.order where isFont(part.objects[number]) {
            if let form = canonicalForm(of: number, in: part), let match = firstFonts[form.count]?.first(where: { $0.form == form }) {
                shared[number] = match.number
            }
        }

        // Part two's objects that its pages need (not its page tree, not shared fonts), numbered after part one's.
        let offset = max(merged.size, (merged.objects.keys.max() ?? 0) + 1)
        func number(_ old: Int) -> Int? {
            if old == partPages { return pages }
            if let font = shared[old] { return font }
            return part.objects[old] == nil ? nil : offset + old
        }
        let needed = reachable(from: Array(partKids.dropFirst()), in: part) { $0 != partPages && shared[$0] == nil }
        for old in part.order where needed.contains(old) {
            guard let object = part.objects[old], let new = number(old),
                  let body = PDFReferences.renumber(object.body, number) else { return nil }
            merged.objects[new] = CairoPDF.Object(body: body, streamData: object.streamData)
            merged.order.append(new)
        }

        // One page tree, without the warm-up pages.
        let partPageNumbers = partKids.dropFirst().compactMap(number)
        guard partPageNumbers.count == partKids.count - 1 else { return nil }
        let allKids = Array(kids.dropFirst()) + partPageNumbers
        merged.objects[pages] = CairoPDF.Object(
            body: Array("<< /Type /Pages /Kids [ \(allKids.map { "\($0) 0 R" }.joined(separator: " ")) ] /Count \(allKids.count) >>".utf8),
            streamData: nil)

        // Part two's destinations, where Cairo would have put them.
        var added: [(name: [UInt8], value: [UInt8])] = []
        for (offsetInPart, page) in document.pages[secondFrom...].enumerated() {
            for case let .destination(name, point) in page.items {
                let value = String(format: "[%d 0 R /XYZ %f %f 0]", partPageNumbers[offsetInPart], point.x, page.size.height - point.y)
                added.append((Array(name.utf8), Array(value.utf8)))
            }
        }
        guard addDestinations(added, to: &merged) else { return nil }

        // Keep what the catalog and the document information reach (drops the warm-up pages).
        let kept = reachable(from: [merged.root] + (merged.info.map { [$0] } ?? []), in: merged) { _ in true }
        merged.order.removeAll { !kept.contains($0) }
        merged.objects = merged.objects.filter { kept.contains($0.key) }
        merged.size = (merged.objects.keys.max() ?? 0) + 1
        return merged
    }

    /// The number in `/Key N 0 R` within a dictionary's text.
    static func reference(after key: String, in body: [UInt8]?) -> Int? {
        guard let body, let range = CairoPDF.firstRange(of: key + " ", in: body[...]) else { return nil }
        let rest = Array(body[range.upperBound...].prefix(32))
        guard let first = PDFReferences.numbers(in: rest).first,
              String(decoding: rest, as: UTF8.self).trimmingCharacters(in: .whitespaces).hasPrefix("\(first) ") else { return nil }
        return first
    }

    /// The pages of a page tree, in order (Cairo writes one flat `/Kids` array).
    static func pageList(of pages: Int, in pdf: CairoPDF) -> [Int]? {
        guard let body = pdf.objects[pages]?.body, let start = CairoPDF.firstRange(of: "/Kids", in: body[...]),
              let end = body[start.upperBound...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
        let kids = PDFReferences.numbers(in: Array(body[start.upperBound..<end]))
        return kids.allSatisfy { pdf.objects[$0] != nil } ? kids : nil
    }

    /// A font dictionary (`/Type /Font`, not `/FontDescriptor`).
    static func isFont(_ object: CairoPDF.Object?) -> Bool {
        guard let body = object?.body else { return false }
        let prefix = Array("<< /Type /Font".utf8)
        return body.starts(with: prefix) && body.count > prefix.count && PDFObjectPacker.isWhitespace(body[prefix.count])
    }

    /// An object with everything it refers to, references replaced by their order of
    /// discovery: equal for two fonts exactly when they embed the same thing.
    static func canonicalForm(of root: Int, in pdf: CairoPDF) -> [UInt8]? {
        var order = [root]
        var local = [root: 0]
        var next = 0
        while next < order.count {
            guard let body = pdf.objects[order[next]]?.body else { return nil }
            for number in PDFReferences.numbers(in: body) where local[number] == nil {
                local[number] = order.count
                order.append(number)
            }
            next += 1
        }
        var form: [UInt8] = []
        for number in order {
            guard let object = pdf.objects[number], let body = PDFReferences.renumber(object.body, { local[$0] }) else { return nil }
            form.append(contentsOf: body)
            form.append(0)
            if let data = object.streamData { form.append(contentsOf: data) }
            form.append(1)
        }
        return form
    }

    /// The objects reachable from `roots`, entering only those `follow` accepts.
    static func reachable(from roots: [Int], in pdf: CairoPDF, follow: (Int) -> Bool) -> Set<Int> {
        var seen = Set<Int>()
        var stack = roots.filter(follow)
        while let number = stack.popLast() {
            guard seen.insert(number).inserted, let body = pdf.objects[number]?.body else { continue }
            stack.append(contentsOf: PDFReferences.numbers(in: body).filter { follow($0) && !seen.contains($0) })
        }
        return seen
    }

    /// Adds named destinations to the catalog's `/Dests` name tree (Cairo's single sorted
    /// leaf), keeping it sorted; a name already there keeps its first target.
    static func addDestinations(_ added: [(name: [UInt8], value: [UInt8])], to pdf: inout CairoPDF) -> Bool {
        guard !added.isEmpty else { return true }
        guard let catalog = pdf.objects[pdf.root]?.body else { return false }
        var entries: [(name: [UInt8], value: [UInt8])] = []
        let leaf: Int
        if let names = reference(after: "/Names", in: catalog) {
            guard let dests = reference(after: "/Dests", in: pdf.objects[names]?.body), let body = pdf.objects[dests]?.body,
                  let existing = leafEntries(body) else { return false }
            entries = existing
            leaf = dests
        } else {
            // No destinations in part one: a name dictionary and a leaf of its own.
            let namesNumber = (pdf.objects.keys.max() ?? 0) + 1
            leaf = namesNumber + 1
            guard catalog.count >= 2, catalog.suffix(2).elementsEqual(Array(">>".utf8)) else { return false }
            pdf.objects[namesNumber] = CairoPDF.Object(body: Array("<< /Dests \(leaf) 0 R >>".utf8), streamData: nil)
            pdf.objects[pdf.root]?.body = Array(catalog.dropLast(2)) + Array(" /Names \(namesNumber) 0 R >>".utf8)
            pdf.order.append(contentsOf: [namesNumber, leaf])
        }
        var seen = Set(entries.map(\.name))
        for entry in added where seen.insert(entry.name).inserted { entries.append(entry) }
        entries.sort { $0.name.lexicographicallyPrecedes($1.name) }
        var body = Array("<< /Names [\n".utf8)
        for entry in entries {
            body.append(contentsOf: "   ".utf8)
            body.append(contentsOf: literal(entry.name))
            body.append(0x20)
            body.append(contentsOf: entry.value)
            body.append(0x0A)
        }
        body.append(contentsOf: "] >>".utf8)
        pdf.objects[leaf] = CairoPDF.Object(body: body, streamData: nil)
        return true
    }

    /// The `(name) [target]` pairs of a leaf `<< /Names [ … ] >>`, names unescaped.
    static func leafEntries(_ body: [UInt8]) -> [(name: [UInt8], value: [UInt8])]? {
        guard let start = CairoPDF.firstRange(of: "/Names", in: body[...]),
              let open = body[start.upperBound...].firstIndex(of: UInt8(ascii: "[")) else { return nil }
        var entries: [(name: [UInt8], value: [UInt8])] = []
        var index = open + 1
        func skipSpace() { while index < body.count, PDFObjectPacker.isWhitespace(body[index]) { index += 1 } }
        while true {
            skipSpace()
            guard index < body.count else { return nil }
            if body[index] == UInt8(ascii: "]") { return entries }
            guard body[index] == UInt8(ascii: "(") else { return nil }
            var name: [UInt8] = []
            var depth = 1
            index += 1
            while index < body.count {
                let byte = body[index]
                if byte == UInt8(ascii: "\\"), index + 1 < body.count {
                    name.append(body[index + 1])
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 { break }
                }
                name.append(byte)
                index += 1
            }
            index += 1
            skipSpace()
            guard index < body.count, body[index] == UInt8(ascii: "["),
                  let close = body[index...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
            entries.append((name, Array(body[index...close])))
            index = close + 1
        }
    }

    /// A PDF literal string for raw bytes.
    static func literal(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = [UInt8(ascii: "(")]
        for byte in bytes {
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\\") {
                output.append(UInt8(ascii: "\\"))
            }
            output.append(byte)
        }
        output.append(UInt8(ascii: ")"))
        return output
    }
}
