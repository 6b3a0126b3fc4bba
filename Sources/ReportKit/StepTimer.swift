import Foundation

/// Seconds per step of a run, for `--verbose`: each `lap` closes the step since the last one.
struct StepTimer {
    private(set) var steps: [(step: String, seconds: Double)] = []
    private var mark = DispatchTime.now().uptimeNanoseconds

    mutating func lap(_ step: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        steps.append((step, Double(now - mark) / 1e9))
        mark = now
    }
}
