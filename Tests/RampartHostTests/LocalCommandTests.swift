import Foundation
@testable import RampartHost
import RampartTestSupport
import Testing

/// Commands on the local machine: output, status, time limits, and no hang when other programs
/// run alongside (Foundation.Process loses track of a child's end when another child it started
/// holds a descriptor; the runner must not inherit that weakness).
struct LocalCommandTests {
    @Test func outputStatusAndSignals() throws {
        let printed = try LocalCommand.run(["printf", "%s-%s", "a b", "c"], timeout: .seconds(10))
        #expect(printed == CommandResult(status: 0, stdout: "a b-c", stderr: ""))
        let failed = try LocalCommand.run(["sh", "-c", "echo no >&2; exit 7"], timeout: .seconds(10))
        #expect(failed == CommandResult(status: 7, stdout: "", stderr: "no\n"))
        let killed = try LocalCommand.run(["sh", "-c", "kill -TERM $$"], timeout: .seconds(10))
        #expect(killed.status == 128 + SIGTERM)
        let long = try LocalCommand.run(["sh", "-c", "head -c 100000 /dev/zero"], timeout: .seconds(10), outputLimit: 1000)
        #expect(long.stdout.utf8.count == 1000)
        #expect(throws: HostError.self) { try LocalCommand.run(["/nonexistent/program"], timeout: .seconds(10)) }
        #expect(throws: HostError.self) { try LocalCommand.run([], timeout: .seconds(10)) }
    }

    @Test func overrunningCommandsAreKilled() throws {
        let started = ContinuousClock.now
        #expect(throws: HostError.self) { try LocalCommand.run(["sleep", "30"], timeout: .milliseconds(300)) }
        #expect(ContinuousClock.now - started < .seconds(5))
        // A command that leaves a child holding its output: the command's end still counts.
        let detached = ContinuousClock.now
        let result = try LocalCommand.run(["sh", "-c", "sleep 3 & echo started"], timeout: .seconds(20))
        #expect(result.stdout == "started\n" && result.status == 0)
        #expect(ContinuousClock.now - detached < .seconds(15))
    }

    @Test func aLongLivedFoundationChildDoesNotStallCommands() throws {
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/bin/sleep")
        other.arguments = ["20"]
        let pipe = Pipe()
        other.standardError = pipe
        try other.run()
        // SIGKILL: children of Foundation.Process on Linux may start with SIGTERM blocked.
        defer {
            kill(other.processIdentifier, SIGKILL)
            other.waitUntilExit()
        }
        let started = ContinuousClock.now
        let path = try LocalCommand.run(["printenv", "PATH"], timeout: .seconds(10))
        #expect(path.status == 0)
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}
