/// A number a brief would quote: `8%`, `236 所`, `兩億英鎊`, with the clause it stands in.
public struct KeyFigure: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case percent, money, count, size, duration, rank, year, number
    }

    public var value: Double
    /// `%`, an ISO 4217 currency code for money, the measure word for counts (`所`, `個`),
    /// the unit as written for sizes and durations (`吋`, `公里`, `分鐘`), `名` for ranks,
    /// `年` for years; empty for a bare number.
    public var unit: String
    public var kind: Kind
    /// The figure as written, e.g. `兩億英鎊`, `2 萬 4 千盞`, `90 個`.
    public var text: String
    /// The clause around it, e.g. `90 個里辦公室使用智慧里辦系統`.
    public var clause: String

    public init(value: Double, unit: String, kind: Kind, text: String, clause: String) {
        self.value = value
        self.unit = unit
        self.kind = kind
        self.text = text
        self.clause = clause
    }
}
