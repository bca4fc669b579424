import Foundation

/// Where the web scan's tasks run: threads of its own, neither the cooperative pool nor
/// Dispatch's (whose default width is the core count). A crawl waits on timers and sockets; when
/// other scanners (or tests) keep every pool thread busy or blocked, its deadlines must still
/// fire on time, so that the budget stays a hard stop.
final class WebExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = WebExecutor(threads: max(2, ProcessInfo.processInfo.activeProcessorCount))

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var head = 0

    private init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [self] in work() }
            thread.name = "rampart-web-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == jobs.count { condition.wait() }
            let job = jobs[head]
            head += 1
            if head > 1024, head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    /// Runs `operation` (and the tasks it starts) on the web executor.
    static func run<T: Sendable>(_ operation: @Sendable () async -> T) async -> T {
        await withTaskExecutorPreference(shared, operation: operation)
    }
}
