import Foundation
@testable import RampartCLI
import RampartCore
import RampartTestSupport
import Testing

/// `rampart tasks` and `rampart pipeline run --tasks` end to end: real scans of a small project,
/// tasks kept in a Markdown folder or in the issues of the fake GitHub and GitLab APIs on 127.0.0.1.
@Suite struct TasksCommandTests {
    static let vulnerable = "import subprocess\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n    subprocess.call(cmd + '1', shell=True)\n    subprocess.call(cmd + '2', shell=True)\n"
    static let fixed = "import subprocess\n\ndef run(cmd):\n    subprocess.call([cmd])\n"

    /// A fresh environment variable holding `token`, given to the command through
    /// `CommandEnvironment.$override` (never `setenv`, which races with threads reading it).
    static func tokenVariable(_ token: String) -> (name: String, environment: [String: String]) {
        let name = "RAMPART_TEST_TOKEN_\(UUID().uuidString.replacingOccurrences(of: "-", with: "_"))"
        return (name, ProcessInfo.processInfo.environment.merging([name: token]) { $1 })
    }

    @Test func twoRunsCreateOneGitHubIssueAndFixingClosesIt() async throws {
        let server = try await FakeIssueServer(.github)
        defer { Task { await server.stop() } }
        let dir = TemporaryDirectory()
        try dir.write("app/jobs.py", Self.vulnerable)
        let (variable, environment) = Self.tokenVariable(server.token)
        func tasks() async -> Int32 {
            await CommandEnvironment.$override.withValue(environment) {
                await rampart("tasks", dir.path, "-q", "--target", "github", "--repository", "acme/shop", "--api-url", server.baseURL,
                              "--token-env", variable, "--label", "security", scanners: ScannerCatalog.builtIn)
            }
        }
        #expect(await tasks() == 0)
        #expect(server.issues.count == 1)
        let issue = try #require(server.issues.first)
        // Three B602 hits in one file: one task with the three, its documentation and a command.
        #expect(issue.title == "[high] python/B602: subprocess call with shell=True in app/jobs.py (3 findings)")
        #expect(issue.body.contains("(https://github.com/rampart-sec/rampart/blob/main/docs/rules/python/B602.md)"))
        #expect(issue.body.contains("`app/jobs.py:4`") && issue.body.contains("`app/jobs.py:6`"))
        #expect(issue.body.contains("rampart sast app/jobs.py"))
        #expect(issue.labels.contains("security") && issue.labels.contains("severity:high"))
        let writes = server.writes.count
        #expect(await tasks() == 0)
        #expect(server.issues.count == 1 && server.writes.count == writes, "a second run changes nothing")

        try dir.write("app/jobs.py", Self.fixed)
        #expect(await tasks() == 0)
        #expect(server.issues.count == 1 && server.issues.first?.open == false && server.issues.first?.comments.count == 1)
    }

    @Test func aReportTakesFindingsFromAnotherJobAndAGitLabProject() async throws {
        let server = try await FakeIssueServer(.gitlab, project: "42")
        defer { Task { await server.stop() } }
        let dir = TemporaryDirectory()
        try dir.write("app/jobs.py", Self.vulnerable)
        try dir.write("app/settings.py", "password = 'hunter2hunter2'\n")
        #expect(await rampart("scan", dir.path, "-q", "--format", "json", "--output", dir.path + "/rampart.json", scanners: ScannerCatalog.builtIn) == 1)
        let (variable, environment) = Self.tokenVariable(server.token)
        func tasks(_ extra: String...) async -> Int32 {
            await CommandEnvironment.$override.withValue(environment) {
                await rampartWithAllScanners(["tasks", dir.path, "-q", "--report", dir.path + "/rampart.json", "--target", "gitlab", "--project", "42",
                                              "--api-url", server.baseURL, "--token-env", variable] + extra)
            }
        }
        // Only the high finding gates by default; --fail-on low takes the hard-coded password too.
        #expect(await tasks() == 0)
        #expect(server.issues.map(\.title).allSatisfy { $0.contains("B602") } && server.issues.count == 1)
        #expect(await tasks("--fail-on", "low") == 0)
        #expect(server.issues.map(\.title).sorted() == [
            "[high] python/B602: subprocess call with shell=True in app/jobs.py (3 findings)",
            "[low] python/B105: Hard-coded password string in app/settings.py", "[low] python/B404: Import of subprocess in app/jobs.py",
        ])
        #expect(server.requests.allSatisfy { $0.headers["private-token"] == server.token })
        // A missing token: a usage error naming the variable.
        #expect(await rampartWithAllScanners(["tasks", dir.path, "--report", dir.path + "/rampart.json", "--target", "gitlab", "--project", "42",
                                                          "--api-url", server.baseURL, "--token-env", "RAMPART_TEST_NO_SUCH_TOKEN"]) == 2)
        // Not a Rampart report: a usage error naming the file.
        try dir.write("other.json", "{\"results\": []}")
        #expect(await rampartWithAllScanners(["tasks", dir.path, "--report", dir.path + "/other.json"]) == 2)
    }

    @Test func thePipelineKeepsTasksInAMarkdownFolder() async throws {
        let dir = TemporaryDirectory()
        try dir.write("app/jobs.py", Self.vulnerable)
        try dir.write("rampart.yml", "stages:\n  commit:\n    activities: [sast]\n    gates:\n      - {name: no high findings, severity: high}\ntasks:\n  labels: [security]\n")
        #expect(await rampart("pipeline", "run", dir.path, "-q", "--no-history", "--tasks", scanners: ScannerCatalog.builtIn) == 1)
        let folder = dir.path + "/.rampart/tasks"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "README.md" }
        #expect(files.count == 1)
        let task = try #require(dir.read(".rampart/tasks/" + (files.first ?? "")))
        #expect(task.hasPrefix("---\nstate: open\nlabels: [rampart, rampart-") && task.contains("security]") && task.contains("python/B602"))
        // An incremental run (a pull request) closes nothing; a full run after the fix closes the task.
        _ = try await dir.gitDetached("init", "-q")
        _ = try await dir.gitDetached("add", "app", "rampart.yml")
        _ = try await dir.gitDetached("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "start")
        try dir.write("app/jobs.py", Self.fixed)
        #expect(await rampart("pipeline", "run", dir.path, "-q", "--no-history", "--tasks", "--since", "HEAD", scanners: ScannerCatalog.builtIn) == 0)
        #expect(dir.read(".rampart/tasks/" + (files.first ?? ""))?.hasPrefix("---\nstate: open") == true)
        #expect(await rampart("pipeline", "run", dir.path, "-q", "--no-history", "--tasks", scanners: ScannerCatalog.builtIn) == 0)
        #expect(dir.read(".rampart/tasks/" + (files.first ?? ""))?.hasPrefix("---\nstate: closed") == true)
        // A wrong tasks section is an error naming its line.
        try dir.write("rampart.yml", "stages:\n  commit:\n    activities: [sast]\ntasks:\n  target: jira\n")
        #expect(await rampart("pipeline", "plan", dir.path, scanners: ScannerCatalog.builtIn) == 2)
    }
}

/// `rampart` with every built-in scanner, arguments as an array.
func rampartWithAllScanners(_ arguments: [String]) async -> Int32 {
    await ScannerCatalog.$override.withValue(ScannerCatalog.builtIn) {
        await RampartCommand.run(arguments: arguments)
    }
}

@Suite struct RampartReportRoundTripTests {
    /// A Rampart JSON report read back and written again is the same report: every field of every finding.
    @Test func aJSONReportSurvivesImport() async throws {
        let dir = TemporaryDirectory()
        try dir.write("app/jobs.py", TasksCommandTests.vulnerable + "# nosec\nimport pickle  # nosec B403\n")
        try dir.write("app/settings.py", "AWS_KEY = 'AKIAIOSFODNN7EXAMPLF'\npassword = 'hunter2hunter2'\n")
        try dir.write("requirements.txt", "flask\n")
        let first = dir.path + "/first.json", second = dir.path + "/second.json"
        _ = await rampartWithAllScanners(["scan", dir.path, "-q", "--severity", "info", "--format", "json", "--output", first])
        _ = await rampartWithAllScanners(["import", "--tool", "rampart", first, "--root", dir.path, "-q", "--format", "json", "--output", second])
        let before = try jsonFindings(first), after = try jsonFindings(second)
        #expect(before.count >= 5)
        let encode = { (items: [[String: Any]]) throws -> [String] in
            try items.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }.sorted()
        }
        #expect(try encode(before) == encode(after))
    }
}
