import Dispatch

/// Wall time of the painter's steps, for `report pdf --verbose`.
public final class PainterTimings: @unchecked Sendable {
    public private(set) var steps: [(step: String, seconds: Double)] = []
    private var mark = DispatchTime.now().uptimeNanoseconds

    public init() {}

    public func lap(_ step: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        steps.append((step, Double(now - mark) / 1e9))
        mark = now
    }
}
