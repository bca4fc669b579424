import ArgumentParser
import Foundation
import RampartCore
import Synchronization

/// The time budget of commands that do not run through the scan engine (`sbom`, `import`):
/// their work runs on a thread of its own, and when the budget runs out the command stops
/// waiting, says what was not done, and exits 3. No command runs unbounded on hostile input.
enum CommandBudget {
    static func run<T: Sendable>(seconds: Double, doing what: String, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread {
            let result = Result { try work() }
            outcome.withLock { $0 = result }
            done.signal()
        }.start()
        let deadline = ContinuousClock.now + .milliseconds(Int64(max(0.001, seconds) * 1000))
        // Polled off the cooperative pool's hot path: a short sleep between looks at the semaphore.
        while done.wait(timeout: .now()) == .timedOut {
            if ContinuousClock.now >= deadline {
                Terminal.writeStderr("error: the time budget of \(String(format: "%g", seconds)) s ran out while \(what); nothing was written (raise it with --timeout)\n")
                throw ExitCode(3)
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        guard let result = outcome.withLock({ $0 }) else { throw ExitCode(3) }
        return try result.get()
    }
}
