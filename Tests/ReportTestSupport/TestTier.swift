import Foundation
import Testing

extension Tag {
    /// Tests that take seconds each (timing growth, kill and signal runs, big briefs, the PDF
    /// checkers): `make test` runs them; `make test-fast` leaves them out.
    @Tag public static var slow: Self
}

/// Which tests to run: all of them (`make test`, CI), or the fast tier while working
/// (`make test-fast`, which sets `REPORT_FAST_TESTS=1`).
public enum TestTier {
    public static var fast: Bool { ProcessInfo.processInfo.environment["REPORT_FAST_TESTS"] == "1" }
}

extension Trait where Self == ConditionTrait {
    /// Leaves a slow test out of the fast tier.
    public static var slowTier: Self { .disabled(if: TestTier.fast, "slow: `make test` runs it") }
}
