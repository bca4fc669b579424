import Foundation
import RampartCore
@testable import RampartTasks
import RampartTestSupport
import Testing

@Suite struct TaskGroupingTests {
    static func code(_ rule: RuleID, _ path: String, line: Int, severity: Severity = .high, fingerprint: String? = nil) -> Finding {
        Finding(ruleId: rule, title: "subprocess call with shell=True", message: "shell=True at \(line) | `x`", severity: severity, confidence: .high,
                location: .source(SourceLocation(path: path, line: line, snippet: "run(cmd, shell=True)")), cwe: [78],
                fingerprint: fingerprint ?? "\(rule)-\(path)-\(line)")
    }

    static let docs: @Sendable (RuleID) -> String? = { "https://docs.example/rules/\($0.rawValue).md" }

    @Test func fiftyHitsOfOneRuleInOneFileAreOneTask() {
        let findings = (1...50).map { Self.code("python/B602", "app/views.py", line: $0) }
            + [Self.code("python/B602", "app/admin.py", line: 3, severity: .critical), Self.code("python/B105", "app/views.py", line: 9, severity: .low)]
        let tasks = TaskGrouping.tasks(for: findings, docs: Self.docs) { "rampart sast \($0.component)" }
        #expect(tasks.count == 3)
        #expect(tasks.map(\.severity) == [.critical, .high, .low])
        let views = tasks[1]
        #expect(views.findings.count == 50 && views.component == "app/views.py" && views.ruleId == "python/B602")
        #expect(views.title == "[high] python/B602: subprocess call with shell=True in app/views.py (50 findings)")
        #expect(views.findings.map { $0.location.display } == (1...50).map { "app/views.py:\($0):1" })
        #expect(views.body.contains("[`python/B602`](https://docs.example/rules/python/B602.md)"))
        #expect(views.body.contains("rampart sast app/views.py"))
        #expect(views.body.contains("[CWE-78]"))
        // Pipes and backticks of messages do not break the table.
        #expect(views.body.contains(#"shell=True at 1 \| `x`"#))
        #expect(views.labels == ["rampart", views.key, "severity:high"])
        #expect(TaskMarker.parse(views.body)! == (views.key, "python"))
        // Stable across runs and orders; another component, another key.
        let again = TaskGrouping.tasks(for: findings.reversed(), docs: Self.docs) { "rampart sast \($0.component)" }
        #expect(again == tasks)
        #expect(Set(tasks.map(\.key)).count == 3 && tasks.allSatisfy { $0.key.hasPrefix("rampart-") && $0.key.count == 20 })
    }

    @Test func packagesSitesAndHostsAreComponents() {
        func advisory(_ id: String, _ package: String, _ severity: Severity) -> Finding {
            var finding = Finding(ruleId: RuleID(scanner: "deps", code: id), title: "\(id) in \(package)", message: id, severity: severity, confidence: .high,
                                  location: .source(SourceLocation(path: "requirements.txt", line: 2)), helpUri: "https://osv.dev/vulnerability/\(id)", fingerprint: id)
            finding.tags = ["dependency", "deps/vulnerable-dependency"]
            finding.component = Component(name: package, version: "1.0", ecosystem: "PyPI", fixedVersions: ["2.0"])
            return finding
        }
        let web = ["http://127.0.0.1:8080/a?x=1", "http://127.0.0.1:8080/b", "https://shop.example/c"].map { url in
            Finding(ruleId: "web/10038", title: "CSP header not set", message: "no CSP", severity: .medium, confidence: .high,
                    location: .web(WebLocation(url: url)), fingerprint: url)
        }
        let host = Finding(ruleId: "host/sshd-07", title: "root login", message: "PermitRootLogin yes", severity: .high, confidence: .high,
                           location: .host(HostLocation(host: "web01", control: "sshd-07")), fingerprint: "h")
        let tasks = TaskGrouping.tasks(for: [advisory("GHSA-1", "jinja2", .medium), advisory("PYSEC-2", "jinja2", .critical), advisory("GHSA-3", "flask", .high)] + web + [host], docs: Self.docs)
        let jinja = tasks.first { $0.component == "jinja2" }
        #expect(jinja?.findings.count == 2 && jinja?.severity == .critical && jinja?.ruleId == "deps/vulnerable-dependency")
        #expect(jinja?.docsURL == "https://docs.example/rules/deps/vulnerable-dependency.md")
        // Each advisory keeps its own link.
        #expect(jinja?.body.contains("](https://osv.dev/vulnerability/PYSEC-2)") == true)
        #expect(tasks.filter { $0.ruleId == "web/10038" }.map(\.component).sorted() == ["http://127.0.0.1:8080", "https://shop.example"])
        #expect(tasks.first { $0.scanner == "host" }?.component == "web01")
        #expect(tasks.count == 5)
    }
}

/// Runs a sync of `findings` against a tracker.
func sync(_ findings: [Finding], _ tracker: some TaskTracker, closing: ClosingScope = .all) async throws -> TaskSync.Summary {
    let tasks = TaskGrouping.tasks(for: findings, docs: TaskGroupingTests.docs) { "rampart sast \($0.component)" }
    return try await TaskSync.run(tasks, tracker: tracker, closing: closing)
}

@Suite struct MarkdownTaskFolderTests {
    @Test func createsUpdatesClosesAndReopensFiles() async throws {
        let dir = TemporaryDirectory()
        let folder = MarkdownTaskFolder(root: dir.path, folder: "tasks", extraLabels: ["security"])
        let shell = (1...3).map { TaskGroupingTests.code("python/B602", "app/views.py", line: $0) }
        let password = TaskGroupingTests.code("python/B105", "app/settings.py", line: 4, severity: .low)

        let first = try await sync(shell + [password], folder)
        #expect(first.created.count == 2 && first.unchanged == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/tasks").sorted()
        #expect(files.count == 3 && files.contains("README.md"))
        let again = try await sync(shell + [password], folder)
        #expect(again.created.isEmpty && again.updated.isEmpty && again.unchanged == 2)

        // One more hit: the task is updated, not duplicated.
        let more = try await sync(shell + [password, TaskGroupingTests.code("python/B602", "app/views.py", line: 9)], folder)
        #expect(more.updated.count == 1 && more.created.isEmpty)

        // A partial run that did not look for secrets closes nothing of the python scanner.
        let partial = try await sync(shell, folder, closing: .scanners(["secrets"]))
        #expect(partial.closed.isEmpty && partial.keptOpen == 1)
        // The password is fixed: its task is closed, and the index lists one open task.
        let fixed = try await sync(shell, folder)
        #expect(fixed.closed.count == 1)
        let tasks = try await folder.list()
        #expect(tasks.filter(\.isOpen).count == 1 && tasks.count == 2)
        let closed = try #require(tasks.first { !$0.isOpen })
        #expect(closed.body.contains("## Closed") && closed.labels.contains("security"))
        let index = try String(contentsOfFile: dir.path + "/tasks/README.md", encoding: .utf8)
        #expect(index.contains("1 open, 1 closed") && index.contains("python/B602"))
        // It comes back: reopened, the same file.
        let back = try await sync(shell + [password], folder)
        #expect(back.reopened.count == 1 && back.created.isEmpty)
        #expect(try await folder.list().allSatisfy(\.isOpen))
    }

    @Test func foreignFilesAreNotTasks() async throws {
        let dir = TemporaryDirectory()
        try dir.write("tasks/notes.md", "# my notes\n")
        try dir.write("tasks/binary.md", bytes: [0xFF, 0xFE, 0x00, 0x80])
        try dir.write("tasks/half.md", "---\nstate: open\n")
        #expect(try await MarkdownTaskFolder(root: dir.path, folder: "tasks").list().isEmpty)
    }
}

@Suite struct IssueTrackerTests {
    static let shell = (1...3).map { TaskGroupingTests.code("python/B602", "app/views.py", line: $0) }
    static let password = TaskGroupingTests.code("python/B105", "app/settings.py", line: 4, severity: .low)

    @Test func githubIssuesAreIdempotentAndClosedWhenFixed() async throws {
        let server = try await FakeIssueServer(.github)
        defer { Task { await server.stop() } }
        func tracker(pageSize: Int = 100) -> GitHubIssues {
            GitHubIssues(repository: "acme/shop", token: server.token, apiURL: server.baseURL, extraLabels: ["security"], pageSize: pageSize)
        }
        // A person's issue with another label is not Rampart's.
        server.add(title: "Login is slow", body: "please look", labels: ["bug"])

        let first = try await sync(Self.shell + [Self.password], tracker())
        #expect(first.created.count == 2)
        #expect(server.issues.count == 3)
        let created = server.writes
        #expect(created.count == 2 && created.allSatisfy { $0.method == "POST" && $0.uri == "/repos/acme/shop/issues" })
        let request = try #require(created.first)
        #expect(request.headers["authorization"] == "Bearer \(server.token)")
        #expect(request.headers["accept"]?.contains("application/vnd.github+json") == true && request.headers["x-github-api-version"] == "2022-11-28")
        #expect(request.headers["content-type"] == "application/json")
        let object = try #require(request.object)
        #expect((object["labels"] as? [String])?.contains("security") == true && (object["title"] as? String)?.hasPrefix("[high] python/B602") == true)

        // Second run over the same findings: one issue each, and not one write.
        let before = server.requests.count
        let second = try await sync(Self.shell + [Self.password], tracker(pageSize: 1))
        #expect(second.unchanged == 2 && second.created.isEmpty && second.updated.isEmpty)
        #expect(server.requests.dropFirst(before).allSatisfy { $0.method == "GET" })
        // Listing paged through the Link header (one issue per page) and skipped the pull request.
        #expect(server.requests.dropFirst(before).count == 2)
        #expect(server.issues.filter { $0.labels.contains("rampart") }.count == 2)

        // The password is fixed: its issue is closed as completed, with a comment.
        let third = try await sync(Self.shell, tracker())
        #expect(third.closed.count == 1)
        let closed = try #require(server.issues.first { $0.title.contains("B105") })
        #expect(!closed.open && closed.stateReason == "completed" && closed.comments.count == 1)
        #expect(server.issues.first { $0.title.contains("B602") }?.open == true)
        #expect(server.issues.first { $0.title == "Login is slow" }?.open == true)

        // It comes back: the same issue is reopened.
        let fourth = try await sync(Self.shell + [Self.password], tracker())
        #expect(fourth.reopened.count == 1 && fourth.created.isEmpty)
        #expect(server.issues.filter { $0.title.contains("B105") }.count == 1 && closed.number == server.issues.first { $0.title.contains("B105") }?.number)
        #expect(server.issues.allSatisfy { $0.open })

        // A person added a label and severity changed: labels merge, the person's stays.
        server.edit(where: { $0.title.contains("B602") }) { $0.labels.append("team:payments") }
        let critical = Self.shell.map { finding -> Finding in
            var finding = finding
            finding.severity = .critical
            return finding
        }
        let fifth = try await sync(critical + [Self.password], tracker())
        #expect(fifth.updated.count == 1)
        let labels = try #require(server.issues.first { $0.title.contains("B602") }?.labels)
        #expect(labels.contains("team:payments") && labels.contains("severity:critical") && !labels.contains("severity:high"))
    }

    @Test func gitlabIssuesAreIdempotentAndClosedWhenFixed() async throws {
        let server = try await FakeIssueServer(.gitlab, project: "acme/shop")
        defer { Task { await server.stop() } }
        func tracker(pageSize: Int = 100) -> GitLabIssues {
            GitLabIssues(project: "acme/shop", token: server.token, apiURL: server.baseURL, pageSize: pageSize)
        }
        let first = try await sync(Self.shell + [Self.password], tracker())
        #expect(first.created.count == 2 && server.issues.count == 2)
        let request = try #require(server.writes.first)
        #expect(request.uri == "/api/v4/projects/acme%2Fshop/issues" && request.headers["private-token"] == server.token)
        #expect((request.object?["labels"] as? String)?.hasPrefix("rampart,rampart-") == true)

        let before = server.requests.count
        let second = try await sync(Self.shell + [Self.password], tracker(pageSize: 1))
        #expect(second.unchanged == 2 && server.requests.dropFirst(before).allSatisfy { $0.method == "GET" })
        #expect(server.requests.dropFirst(before).count == 2)

        let third = try await sync(Self.shell, tracker())
        #expect(third.closed.count == 1 && server.issues.filter { $0.open }.count == 1)
        #expect(server.issues.first { !$0.open }?.comments.count == 1)
        let fourth = try await sync(Self.shell + [Self.password], tracker())
        #expect(fourth.reopened.count == 1 && server.issues.count == 2 && server.issues.allSatisfy { $0.open })
    }

    @Test func badTokenAndWrongRepositoryStopWithAClearMessageAndNoTokenInIt() async throws {
        let server = try await FakeIssueServer(.github)
        defer { Task { await server.stop() } }
        let wrongToken = GitHubIssues(repository: "acme/shop", token: "not-the-token-abcdef", apiURL: server.baseURL)
        let error = await #expect(throws: TaskTrackerError.self) { try await sync(Self.shell, wrongToken) }
        #expect(error?.description.contains("HTTP 401") == true && error?.description.contains("token valid") == true)
        #expect(error?.description.contains("not-the-token") == false)
        let wrongRepository = GitHubIssues(repository: "acme/other", token: server.token, apiURL: server.baseURL)
        let missing = await #expect(throws: TaskTrackerError.self) { try await sync(Self.shell, wrongRepository) }
        #expect(missing?.description.contains("HTTP 404") == true)
        #expect(server.issues.isEmpty)
        // A closed port: a clear error, no hang.
        await server.stop()
        let gone = await #expect(throws: TaskTrackerError.self) { try await sync(Self.shell, GitHubIssues(repository: "acme/shop", token: "t", apiURL: server.baseURL, connectTimeout: 0.5)) }
        #expect(gone?.description.hasPrefix("GitHub: GET http://127.0.0.1:") == true)
    }

    @Test(arguments: [FakeIssueServer.Behaviour.hang, .garbage, .huge])
    func hostileServersEndWithAnError(_ behaviour: FakeIssueServer.Behaviour) async throws {
        let server = try await FakeIssueServer(.gitlab, behaviour: behaviour)
        defer { Task { await server.stop() } }
        // Short timeouts only where the server hangs: a loaded machine must not turn garbage into a timeout.
        let tracker = GitLabIssues(project: "acme/shop", token: server.token, apiURL: server.baseURL, connectTimeout: 10, readTimeout: behaviour == .hang ? 1 : 30)
        let error = await #expect(throws: TaskTrackerError.self) { try await sync(Self.shell, tracker) }
        #expect(error?.isFatal == (behaviour == .garbage))
        #expect(error?.description.hasPrefix("GitLab: ") == true)
    }

    @Test func aNextLinkToAnotherHostIsNotFollowedWithTheToken() {
        #expect(GitHubIssues.nextLink(#"<https://api.github.com/repos/a/b/issues?page=2>; rel="next", <https://api.github.com/repos/a/b/issues?page=5>; rel="last""#)
            == "https://api.github.com/repos/a/b/issues?page=2")
        #expect(RESTClient.origin("https://API.github.com/x") == RESTClient.origin("https://api.github.com"))
        #expect(RESTClient.origin("https://evil.example/x") != RESTClient.origin("https://api.github.com"))
    }
}
