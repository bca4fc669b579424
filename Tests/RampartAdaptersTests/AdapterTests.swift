import Foundation
@testable import RampartAdapters
import RampartCore
import RampartTestSupport
import Testing

/// Each adapter on real output of the real tool where it installs here (Bandit, Ruff,
/// detect-secrets, Trufflehog v2 from PyPI, in .venv), on the documented shapes otherwise;
/// hostile input gives an error naming the tool, file and position.
@Suite struct AdapterTests {
    static let venv = PythonOracle.packageRoot + "/.venv/bin/"
    static func tool(_ name: String) -> String? { FileManager.default.isExecutableFile(atPath: venv + name) ? venv + name : nil }
    static let fixtures = PythonOracle.packageRoot + "/Tests/RampartAdaptersTests/Fixtures/"

    static let flawed = """
    import hashlib
    import subprocess

    def run(cmd):
        subprocess.call(cmd, shell=True)

    def digest(data):
        return hashlib.md5(data).hexdigest()

    password = "hunter2-admin-password"
    """

    func parse(_ tool: String, _ data: Data, file: String = "report.json") throws -> [Finding] {
        let adapter = try #require(ToolAdapters.named(tool))
        return try adapter.parse(data, file: file)
    }

    @Test(.enabled(if: tool("bandit") != nil, "needs bandit in .venv (.ci/run installs it)"))
    func banditJSON() throws {
        let dir = TemporaryDirectory()
        try dir.write("app/views.py", Self.flawed)
        let run = try dir.run(Self.venv + "bandit", ["-q", "-r", "app", "-f", "json", "-o", dir.path + "/bandit.json"])
        #expect(run.status == 1, "bandit exits 1 when it finds something: \(run.errors)")
        let findings = try parse("bandit", try #require(FileManager.default.contents(atPath: dir.path + "/bandit.json")))
        let byRule = Dictionary(grouping: findings, by: \.ruleId.rawValue)
        let shell = try #require(byRule["bandit/B602"]?.first)
        #expect(shell.location.display == "app/views.py:5:5" && shell.severity == .high && shell.confidence == .high)
        #expect(shell.cwe == [78] && shell.sources == [FindingSource(tool: "bandit", ruleId: "B602")])
        #expect(byRule["bandit/B324"]?.first?.location.display.hasPrefix("app/views.py:8") == true)
        #expect(byRule["bandit/B105"] != nil)
    }

    /// Bandit writes a file name that is not UTF-8 as a lone surrogate (`"\udce9"`): the report
    /// is read, the byte shown as U+FFFD, instead of the whole import failing as "cut short".
    @Test(.enabled(if: tool("bandit") != nil, "needs bandit in .venv (.ci/run installs it)"))
    func banditLoneSurrogates() throws {
        let dir = TemporaryDirectory()
        try dir.mkdir("app")
        let name = Array(dir.path.utf8) + Array("/app/caf".utf8) + [0xE9] + Array(".py".utf8)
        let fd = (name.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        try #require(fd >= 0)
        _ = "eval(input())\n".withCString { write(fd, $0, strlen($0)) }
        close(fd)
        _ = try dir.run(Self.venv + "bandit", ["-q", "-r", "app", "-f", "json", "-o", dir.path + "/bandit.json"])
        let data = try #require(FileManager.default.contents(atPath: dir.path + "/bandit.json"))
        #expect(String(decoding: data, as: UTF8.self).lowercased().contains("\\udce9"), "Bandit writes the lone surrogate")
        let findings = try parse("bandit", data)
        #expect(findings.contains { $0.ruleId.rawValue == "bandit/B307" && ($0.location.path ?? "").contains("caf\u{FFFD}.py") })
        #expect(JSONDocument.replacingLoneSurrogates(Data(#"["\\ud800", "\ud83d\ude00", "\udc00x"]"#.utf8)) == Data(#"["\\ud800", "\ud83d\ude00", "\ufffdx"]"#.utf8))
    }

    @Test(.enabled(if: tool("ruff") != nil, "needs ruff in .venv (.ci/run installs it)"))
    func ruffJSON() throws {
        let dir = TemporaryDirectory()
        try dir.write("app/views.py", Self.flawed)
        let run = try dir.run(Self.venv + "ruff", ["check", "--no-cache", "--select", "S", "--output-format", "json", "app"])
        let findings = try parse("ruff", Data(run.output.utf8))
        let shell = try #require(findings.first { $0.ruleId.code == "S602" })
        // Ruff writes absolute names; `rampart import --root` makes them relative.
        #expect(shell.location.display.hasSuffix("app/views.py:5:5"))
        #expect(findings.contains { $0.ruleId.code == "S324" })
    }

    @Test(.enabled(if: tool("detect-secrets") != nil, "needs detect-secrets in .venv (.ci/run installs it)"))
    func detectSecretsBaseline() throws {
        let dir = TemporaryDirectory()
        try dir.write("settings.py", "password = \"Zr7#kP2v!Lq9xW4m-not-real\"\nAWS_KEY = \"AKIAQYLPMN5HHHFPZAM2\"\n")
        let run = try dir.run("/bin/sh", ["-c", "cd \(dir.path) && \(Self.venv)detect-secrets scan settings.py"])
        try #require(run.status == 0, "\(run.errors)")
        let findings = try parse("detect-secrets", Data(run.output.utf8), file: ".secrets.baseline")
        #expect(Set(findings.map(\.ruleId.code)).isSuperset(of: ["AWS Access Key", "Secret Keyword"]))
        #expect(findings.allSatisfy { $0.location.path == "settings.py" && $0.secret != nil })
        #expect(!findings.contains { "\($0)".contains("AKIAQYLPMN5HHHFPZAM2") }, "only the hash of a secret is in the baseline")
    }

    @Test(.enabled(if: tool("trufflehog") != nil, "needs trufflehog (v2, from PyPI) in .venv (.ci/run installs it)"))
    func trufflehogV2() async throws {
        let dir = TemporaryDirectory()
        try await dir.gitDetached("init", "-q")
        try dir.write("deploy.env", "AWS_ACCESS_KEY_ID=AKIAQYLPMN5HHHFPZAM2\n")
        try await dir.gitDetached("add", ".")
        try await dir.gitDetached("commit", "-qm", "add keys")
        let run = try dir.run(Self.venv + "trufflehog", ["--json", "--regex", "--entropy=False", "file://" + dir.path])
        let findings = try parse("trufflehog", Data(run.output.utf8), file: "trufflehog.jsonl")
        let aws = try #require(findings.first { $0.location.path == "deploy.env" })
        #expect(aws.commit?.summary.contains("add keys") == true)
        #expect(aws.secret?.redacted.contains("AKIAQYLPMN5HHHFPZAM2") == false)
    }

    @Test func documentedShapes() throws {
        func fixture(_ name: String) throws -> Data { try #require(FileManager.default.contents(atPath: Self.fixtures + name)) }
        let semgrep = try #require(try parse("semgrep", fixture("semgrep.json")).first)
        #expect(semgrep.ruleId.rawValue == "semgrep/python.lang.security.audit.subprocess-shell-true.subprocess-shell-true")
        #expect(semgrep.cwe == [78] && semgrep.severity == .high && semgrep.location.display == "app/views.py:19:12")
        let audit = try parse("pip-audit", fixture("pip-audit.json"))
        #expect(audit.count == 1 && audit[0].component?.fixedVersions == ["0.12.3"] && audit[0].tags.contains("CVE-2018-1000656"))
        let leaks = try parse("gitleaks", fixture("gitleaks.json"))
        #expect(leaks.count == 1 && leaks[0].location.display == "deploy.env:4:14")
        guard case .source(let where_) = leaks[0].location else { Issue.record("location"); return }
        #expect(where_.snippet?.contains("ghp_Xa1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ12") == false, "the secret is redacted in the snippet")
        #expect(leaks[0].secret?.length == "ghp_Xa1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ12".count)
        let hog = try parse("trufflehog", fixture("trufflehog-v3.jsonl"))
        #expect(hog.map(\.ruleId.code) == ["Github", "AWS"])
        #expect(hog[1].severity == .critical && hog[1].secret?.validated == true && hog[1].commit?.sha.hasPrefix("0f1e2d") == true)
        #expect(hog[1].location.display == "config/settings.py:12:1")

        let osv = try #require(try parse("osv-scanner", fixture("osv-scanner.json")).first)
        #expect(osv.ruleId.code == "GHSA-562c-5r94-xh97" && osv.severity == .high && osv.component?.fixedVersions == ["0.12.3"])
        #expect(osv.location.path == "/src/app/requirements.txt" && osv.tags.contains("CVE-2018-1000656"))
        let zap = try parse("zap", fixture("zap.json"))
        #expect(zap.count == 1, "ZAP's confidence 0 is a false positive")
        #expect(zap[0].ruleId.rawValue == "zap/10038" && zap[0].severity == .medium && zap[0].confidence == .high && zap[0].instances.count == 2)
        #expect(zap[0].cwe == [693])
        let inspec = try parse("inspec", fixture("inspec.json"))
        #expect(inspec.map(\.ruleId.code) == ["sshd-06"] && inspec[0].severity == .critical)
        #expect(inspec[0].location == .host(HostLocation(host: "web1", control: "sshd-06")))
        let trivy = try parse("trivy", fixture("trivy.json"))
        #expect(trivy.map(\.ruleId.code) == ["CVE-2018-1000656", "DS002", "github-pat"])
        #expect(trivy[0].cwe == [20] && trivy[0].component?.fixedVersions == ["0.12.3"] && trivy[2].severity == .critical)
        #expect(trivy[1].location.display == "Dockerfile:1:1")
    }

    /// Rampart's own SARIF read back: the same rules and places.
    @Test func sarif() throws {
        let log = """
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "CodeQL", "rules": [
          {"id": "py/command-line-injection", "shortDescription": {"text": "Uncontrolled command line"},
           "properties": {"security-severity": "9.8", "tags": ["security", "external/cwe/cwe-078"]}}]}},
          "results": [{"ruleId": "py/command-line-injection", "level": "error", "message": {"text": "This command depends on a user-provided value."},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "app/views.py"}, "region": {"startLine": 19, "startColumn": 5}}}]},
            {"ruleIndex": 0, "message": {"text": "again"}, "locations": []}]}]}
        """
        let findings = try parse("sarif", Data(log.utf8), file: "codeql.sarif")
        #expect(findings.count == 2)
        #expect(findings[0].ruleId.rawValue == "codeql/py/command-line-injection" && findings[0].severity == .critical && findings[0].cwe == [78])
        #expect(findings[0].location.display == "app/views.py:19:5" && findings[0].title == "Uncontrolled command line")
        #expect(findings[1].ruleId.code == "py/command-line-injection")
    }

    @Test func hostileInputNamesToolFileAndPosition() {
        let cases: [(String, String, String)] = [
            ("bandit", "{\"results\": [ {\"test_id\": \"B602\", \"filename\": \"a.py\"", "line 1"),
            ("bandit", "{\"results\": [{\"test_id\": \"B602\", \"filename\": \"a.py\", \"line_number\": \"x\"}]}", "results[0].line_number"),
            ("bandit", "[]", "the top"),
            ("semgrep", "{\"results\": [{\"path\": \"a.py\"}]}", "results[0].check_id"),
            ("ruff", "{\"not\": \"a list\"}", "the top"),
            ("gitleaks", "[{\"RuleID\": 5}]", "[0].RuleID"),
            ("trufflehog", "{\"DetectorName\": \"AWS\"}\nnot json\n", "line 2"),
            ("trufflehog", "{\"something\": 1}\n", "line 1"),
            ("detect-secrets", "{\"results\": {\"a.py\": [{\"type\": \"X\"}]}}", "results.a.py[0].line_number"),
            ("pip-audit", "{\"dependencies\": [{\"vulns\": []}]}", "dependencies[0].name"),
            ("sarif", "{\"version\": \"1.0.0\", \"runs\": []}", "version"),
            ("sarif", "\u{FF}\u{FE}garbage", "line 1, column 1"),
            ("bandit", "{\"a\": 1,\n \"b\": x}", "line 2, column 7"),
        ]
        for (tool, text, position) in cases {
            do {
                _ = try parse(tool, Data(text.utf8), file: "in.json")
                Issue.record("\(tool) accepted \(text)")
            } catch let error as AdapterError {
                #expect(error.tool == tool && error.file == "in.json")
                #expect(error.position.contains(position), "\(tool): \(error)")
            } catch {
                Issue.record("\(error)")
            }
        }
        // Deep nesting and binary noise: an error, never a crash.
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: (any Error).self) { try parse("sarif", Data(deep.utf8)) }
        var random = SplitMix(seed: 11)
        for _ in 0..<200 {
            let bytes = (0..<Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            for adapter in ToolAdapters.all { _ = try? adapter.parse(Data(bytes), file: "noise") }
        }
    }

    /// The same flaw from Bandit's report and from Rampart's SAST: one finding, both sources.
    @Test func mergeKeepsOneFindingPerFlawAndPlace() {
        var own = Finding(ruleId: "python/B602", title: "shell", message: "m", severity: .high, confidence: .high,
                          location: .source(SourceLocation(path: "app/views.py", line: 5, column: 5)), cwe: [78])
        own.fingerprint = "f1"
        let bandit = Imported.finding(tool: "bandit", rule: "B602", title: "t", message: "m", severity: .high, confidence: .high, path: "./app/views.py", line: 5, cwe: [78])
        let ruff = Imported.finding(tool: "ruff", rule: "S602", title: "t", message: "m", severity: .medium, confidence: .medium, path: "app/views.py", line: 5)
        let otherLine = Imported.finding(tool: "bandit", rule: "B602", title: "t", message: "m", severity: .high, confidence: .high, path: "app/views.py", line: 9)
        let otherCheck = Imported.finding(tool: "bandit", rule: "B404", title: "t", message: "m", severity: .low, confidence: .high, path: "app/views.py", line: 5)
        let merged = FindingMerger.merge([own], [bandit, ruff, otherLine, otherCheck])
        #expect(merged.count == 3)
        #expect(merged[0].ruleId == "python/B602" && merged[0].sources.map(\.tool) == ["rampart", "bandit", "ruff"])
        #expect(merged.contains { $0.ruleId.rawValue == "bandit/B404" } && merged.contains { $0.location.display == "app/views.py:9:1" })
    }
}
