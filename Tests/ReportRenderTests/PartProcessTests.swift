import Foundation
import Testing
@testable import ReportRender

@Suite("A part painted in a child process")
struct PartProcessTests {
    @Test func theChildsBytesAndPagesComeBack() throws {
        let counted = Counted()
        let counter = PageCounter(total: 3) { done, _ in counted.set(done) }
        let child = try #require(PartProcess.start(counting: counter, total: 3) { childCounter in
            for _ in 0..<3 { childCounter.pageDone() }
            return Array("%PDF-1.5 from the child".utf8)
        })
        #expect(child.finish(timeout: 10) == Array("%PDF-1.5 from the child".utf8))
        #expect(counted.value == 3, "the parent counts the child's pages")
    }

    @Test func aChildThatFailsGivesNothing() throws {
        let child = try #require(PartProcess.start(counting: PageCounter(total: 1, report: nil), total: 1) { _ throws(RenderError) in
            throw RenderError("cannot paint")
        })
        #expect(child.finish(timeout: 10) == nil)
    }

    @Test func aChildThatTakesTooLongIsStopped() throws {
        let child = try #require(PartProcess.start(counting: PageCounter(total: 1, report: nil), total: 1) { _ in
            sleep(30)
            return []
        })
        let start = Date()
        #expect(child.finish(timeout: 0.5) == nil)
        #expect(Date().timeIntervalSince(start) < 5, "killed at the deadline, not waited for")
    }
}

private final class Counted: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    func set(_ value: Int) { lock.withLock { done = max(done, value) } }
    var value: Int { lock.withLock { done } }
}
