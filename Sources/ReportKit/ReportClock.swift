import Foundation

/// The moment a brief is stamped with. `SOURCE_DATE_EPOCH` (seconds since 1970, the
/// reproducible-builds convention) fixes it, so the same input gives the same bytes.
public struct ReportClock: Sendable {
    public var date: Date

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            date = Date(timeIntervalSince1970: TimeInterval(epoch))
        } else {
            date = Date()
        }
    }

    private func formatted(_ format: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter.string(from: date)
    }

    /// `2026-11-26`, for the cover.
    public var day: String { formatted("yyyy-MM-dd") }
    /// `2026-11-26T08:00:00+00:00`, for the PDF's metadata.
    public var timestamp: String { formatted("yyyy-MM-dd'T'HH:mm:ss") + "+00:00" }
}
