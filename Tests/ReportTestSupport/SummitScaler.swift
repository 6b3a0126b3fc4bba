import Foundation

/// Makes a summit file `copies` times the 2021 one, in the same raw form (page headers and
/// rows broken across pages kept): rows renumbered, copy k's places and names marked `#k`,
/// as the bench peers' scale.py does. For growth and kill tests.
public enum SummitScaler {
    public static func scaled(copies: Int, from path: String = Repository.summit2021) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let headerIndex = lines.firstIndex(where: { $0.hasPrefix("編號\t") }) else { return text }
        let preamble = lines[...headerIndex], body = lines[(headerIndex + 1)...]
        let perCopy = body.filter { $0.contains("\t") && Int($0.split(separator: "\t").first ?? "") != nil }.count
        var output = Array(preamble)
        for copy in 1...max(1, copies) {
            for line in body {
                var cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                if cells.count >= 2, copy > 1 {
                    if let number = Int(cells[0]) { cells[0] = String(number + (copy - 1) * perCopy) }
                    cells[1] = mark(cells[1], copy)
                }
                output.append(cells.joined(separator: "\t"))
            }
        }
        return output.joined(separator: "\n")
    }

    /// `<p>臺北市 市長 柯文哲</p>` → `<p>臺北市#2 市長 柯文哲 #2</p>`.
    static func mark(_ cell: String, _ copy: Int) -> String {
        guard cell.contains(where: { !$0.isWhitespace }) else { return cell }
        var text = cell
        var suffix = ""
        if text.hasSuffix("</p>") { text.removeLast(4); suffix = "</p>" }
        let start = text.hasPrefix("<p>") ? text.index(text.startIndex, offsetBy: 3) : text.startIndex
        guard let space = text[start...].firstIndex(of: " ") else { return cell }
        text.insert(contentsOf: "#\(copy)", at: space)
        return text + " #\(copy)" + suffix
    }

    /// Writes the scaled file to a temporary folder and returns its path.
    public static func write(copies: Int) throws -> String {
        let path = Repository.temporaryFolder("scaled") + "/summit-\(copies * 13).txt"
        try scaled(copies: copies).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
