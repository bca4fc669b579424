import Foundation
import RampartCore
import RampartEngine
import RampartTestSupport
import Testing

/// Runs the engine on a folder with the test scanners.
func scan(
    _ dir: TemporaryDirectory, configuration: Configuration = Configuration(), scanners: [any SecurityScanner] = [TokenScanner()],
    baseline: Baseline? = nil, since: String? = nil, today: String = "2026-11-29", grace: Duration = .seconds(10)
) async throws -> ScanReport {
    try await ScanEngine(toolVersion: "test").run(.init(
        root: dir.path, configuration: configuration, scanners: scanners, baseline: baseline,
        since: since, today: today, gracePeriod: grace
    ))
}

@Suite struct ScanEngineTests {
    @Test func findsAndCompletesFindings() async throws {
        let dir = TemporaryDirectory()
        try dir.write("app/main.py", "import os\nx = eval(data)\n# TODO-SECURITY fix\n")
        try dir.write("README.md", "eval( in markdown is not scanned\n")
        let report = try await scan(dir)
        #expect(report.files == 1)
        #expect(report.findings.map(\.ruleId.rawValue) == ["test/T001", "test/T002"])
        let first = try #require(report.findings.first)
        #expect(first.scanner == "test")
        #expect(first.helpUri == Configuration.defaultDocsBaseURL + "/test/T001.md")
        #expect(first.fingerprint.count == 32)
        guard case .source(let location) = first.location else { Issue.record("not a source finding"); return }
        #expect(location.line == 2)
        #expect(location.column == 5)
        #expect(location.snippet == "x = eval(data)")
        #expect(report.exitCode == 1)
        #expect(report.gatingFindings.count == 1)
    }

    @Test func emptyFolderIsClean() async throws {
        let dir = TemporaryDirectory()
        let report = try await scan(dir)
        #expect(report.findings.isEmpty)
        #expect(report.files == 0)
        #expect(report.exitCode == 0)
    }

    @Test func bareNosecSuppressesEverythingOnTheLine() async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.py", "x = eval(data)  # nosec\ny = eval(data)\n")
        let report = try await scan(dir)
        #expect(report.findings.count == 2)
        let suppressed = report.findings.filter(\.isSuppressed)
        #expect(suppressed.count == 1)
        #expect(suppressed.first?.suppression?.kind == .nosec)
        #expect(report.gatingFindings.count == 1)
    }

    @Test func nosecWithRuleListOnlySuppressesThoseRules() async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.py", """
        a = eval(x)  # nosec T001
        b = eval(x)  # nosec B602, B607
        c = eval(x)  # nosec: eval_used reviewed by sec team
        d = eval(x)  # nosec test/T001
        e = "# nosec"; eval(x)
        """)
        let report = try await scan(dir)
        let byLine = Dictionary(uniqueKeysWithValues: report.findings.compactMap { f -> (Int, Bool)? in
            guard case .source(let s) = f.location else { return nil }
            return (s.line, f.isSuppressed)
        })
        #expect(byLine == [1: true, 2: false, 3: true, 4: true, 5: false])
        let reason = report.findings.first { if case .source(let s) = $0.location { s.line == 3 } else { false } }?.suppression?.reason
        #expect(reason == "reviewed by sec team")
    }

    @Test func rampartIgnoreCommentCarriesItsReason() async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.py", "x = eval(v)  # rampart: ignore[test/T001] input is a constant\ny = eval(v)  # rampart: ignore[test/T002] wrong rule\nz = eval(v)  # rampart: ignore\n")
        let report = try await scan(dir)
        #expect(report.findings.map(\.isSuppressed) == [true, false, true])
        #expect(report.findings[0].suppression == Suppression(kind: .inline, reason: "input is a constant"))
        #expect(report.findings[2].suppression?.reason == nil)
    }

    @Test func configuredIgnoresMatchRuleAndPathAndExpire() async throws {
        let dir = TemporaryDirectory()
        try dir.write("tests/test_a.py", "eval(x)\n")
        try dir.write("app/b.py", "eval(x)\n")
        try dir.write("old/c.py", "eval(x)\n")
        var configuration = Configuration()
        configuration.ignores = [
            IgnoreEntry(rule: "test/T001", path: "tests/", reason: "test code", expires: "2027-01-31", line: 4),
            IgnoreEntry(rule: "test/*", path: "old/**", reason: "legacy, tracked in JIRA-1", expires: "2026-11-28", line: 9),
        ]
        let report = try await scan(dir, configuration: configuration, today: "2026-11-29")
        let states = Dictionary(uniqueKeysWithValues: report.findings.map { ($0.location.path ?? "", $0.suppression) })
        #expect(states["tests/test_a.py"]??.kind == .config)
        #expect(states["tests/test_a.py"]??.reason == "test code")
        #expect(states["tests/test_a.py"]??.expires == "2027-01-31")
        #expect(states["app/b.py"]! == nil)
        #expect(states["old/c.py"]! == nil, "an expired ignore stops suppressing")
        let expired = report.diagnostics.filter { $0.code == "ignore-expired" }
        #expect(expired.count == 1)
        #expect(expired.first?.line == 9)
        #expect(expired.first?.message.contains("2026-11-28") == true)
        // The day it expires it still applies.
        let lastDay = try await scan(dir, configuration: configuration, today: "2026-11-28")
        #expect(lastDay.findings.filter(\.isSuppressed).count == 2)
    }

    @Test func ruleSettingsAndThresholds() async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.py", "eval(x)\n# TODO-SECURITY\n")
        var configuration = Configuration()
        configuration.rules["test/T002"] = RuleOverride(severity: .critical)
        var report = try await scan(dir, configuration: configuration)
        #expect(report.findings.first { $0.ruleId == "test/T002" }?.severity == .critical)

        configuration.rules["test/T001"] = RuleOverride(enabled: false)
        report = try await scan(dir, configuration: configuration)
        #expect(report.findings.map(\.ruleId) == ["test/T002"])

        configuration = Configuration()
        configuration.severityThreshold = .medium
        report = try await scan(dir, configuration: configuration)
        #expect(report.findings.map(\.ruleId) == ["test/T001"])
        #expect(report.belowThreshold == 1)

        configuration = Configuration()
        configuration.confidenceThreshold = .high
        report = try await scan(dir, configuration: configuration)
        #expect(report.findings.map(\.ruleId) == ["test/T001"])

        configuration = Configuration()
        configuration.failOn = .none
        report = try await scan(dir, configuration: configuration)
        #expect(report.exitCode == 0)
        configuration.failOn = .severity(.low)
        report = try await scan(dir, configuration: configuration)
        #expect(report.gatingFindings.count == 2)
    }

    @Test func baselineSurvivesMovedCodeAndEditsElsewhere() async throws {
        let dir = TemporaryDirectory()
        let original = "import os\n\ndef run(data):\n    return eval(data)\n"
        try dir.write("app.py", original)
        let first = try await scan(dir)
        #expect(first.findings.count == 1)
        // Round trip through the file format.
        let file = try dir.write("baseline.json", Baseline(findings: first.activeFindings).serialized(toolVersion: "test"))
        let baseline = try Baseline.load(path: file)
        #expect(baseline.fingerprints == Set(first.findings.map(\.fingerprint)))

        // 20 lines inserted above, indentation changed, an unrelated edit in the same file.
        let moved = "import os\nimport sys\n" + String(repeating: "# padding\n", count: 20) + "\ndef run(data):\n        return eval(data)\n\nprint('other change')\n"
        try dir.write("app.py", moved)
        let second = try await scan(dir, baseline: baseline)
        #expect(second.findings.isEmpty)
        #expect(second.baselined == 1)
        #expect(second.exitCode == 0)

        // A new finding is still reported.
        try dir.write("app.py", moved + "x = eval(other)\n")
        let third = try await scan(dir, baseline: baseline)
        #expect(third.findings.count == 1)
        if case .source(let s) = third.findings.first?.location { #expect(s.snippet == "x = eval(other)") }
        #expect(third.exitCode == 1)
    }

    @Test func repeatedIdenticalLinesGetDistinctFingerprints() async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.py", "eval(x)\neval(x)\n")
        let report = try await scan(dir)
        #expect(Set(report.findings.map(\.fingerprint)).count == 2)
        // Baseline of one copy: the second copy is new.
        let baseline = Baseline(entries: [Baseline.Entry(fingerprint: report.findings[0].fingerprint)])
        let again = try await scan(dir, baseline: baseline)
        #expect(again.findings.count == 1)
    }

    @Test func aFindingsReportIsAcceptedAsBaseline() async throws {
        let dir = TemporaryDirectory()
        let file = try dir.write("report.json", """
        {"schema": "rampart/findings@1", "findings": [{"fingerprint": "abc", "ruleId": "x/y"}], "summary": {}}
        """)
        let baseline = try Baseline.load(path: file)
        #expect(baseline.fingerprints == ["abc"])
        let bad = try dir.write("bad.json", "{\"schema\": \"other\", \"findings\": []}")
        #expect(throws: Baseline.LoadError.self) { try Baseline.load(path: bad) }
        let garbage = try dir.write("garbage.json", "\u{0}\u{1}not json")
        #expect(throws: Baseline.LoadError.self) { try Baseline.load(path: garbage) }
    }

    /// The slow scanner would take an hour: only the 0.5 s budget ends the scan within the time
    /// limit (generous for a loaded machine; not a timing benchmark).
    @Test(.timeLimit(.minutes(2))) func timeBudgetCancelsAndKeepsPartialResults() async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.py", "eval(x)\n")
        var configuration = Configuration()
        configuration.timeout = 0.5
        let report = try await scan(dir, configuration: configuration, scanners: [TokenScanner(), SlowScanner(duration: .seconds(3600))])
        #expect(report.timedOut)
        #expect(report.findings.count == 1, "the scanner that finished keeps its findings")
        #expect(report.diagnostics.contains { $0.code == "timeout" && $0.level == .error })
        #expect(report.scanners.first { $0.id == "slow" }?.completed == false)
        #expect(report.exitCode == 3)
    }

    @Test func aScannerIgnoringCancellationDoesNotHangTheScan() async throws {
        let dir = TemporaryDirectory()
        var configuration = Configuration()
        configuration.timeout = 0.2
        let report = try await scan(dir, configuration: configuration, scanners: [SlowScanner(duration: .seconds(120), honoursCancellation: false)], grace: .milliseconds(200))
        // Had the engine waited for the scanner, it would have finished and not be listed as unfinished.
        // (It outlasts any stall of the cooperative pool under a loaded parallel test run.)
        #expect(report.timedOut)
        #expect(report.diagnostics.first { $0.code == "timeout" }?.message.contains("did not finish: slow") == true)
        #expect(report.scanners.first?.completed == false)
    }

    @Test func failingScannerMeansExitThree() async throws {
        let dir = TemporaryDirectory()
        let report = try await scan(dir, scanners: [FailingScanner(), WebProbeScanner()])
        #expect(report.hasFailures)
        #expect(report.exitCode == 3)
        #expect(report.findings.count == 1, "other scanners still report")
    }

    @Test func disabledScannersDoNotRun() async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.py", "eval(x)\n")
        var configuration = Configuration()
        configuration.scanners = ["webtest"]
        let report = try await scan(dir, configuration: configuration, scanners: [TokenScanner(), WebProbeScanner()])
        #expect(report.findings.map(\.ruleId) == ["webtest/W001"])
        #expect(report.scanners.map(\.id) == ["webtest"])
    }

    @Test func unreadableAndHostileFilesBecomeDiagnostics() async throws {
        let dir = TemporaryDirectory()
        try dir.write("good.py", "eval(x)\n")
        // Invalid UTF-8 still scans (lossy), a NUL makes it binary, a huge file is skipped.
        _ = FileManager.default.createFile(atPath: dir.path + "/latin1.py", contents: Data([0x65, 0x76, 0x61, 0x6C, 0x28, 0xFF, 0xFE, 0x29, 0x0A]))
        _ = FileManager.default.createFile(atPath: dir.path + "/blob.py", contents: Data([0x65, 0x00, 0x01]))
        try dir.write("huge.py", String(repeating: "a", count: 4096))
        var configuration = Configuration()
        configuration.maxFileSize = 1024
        let report = try await scan(dir, configuration: configuration)
        #expect(Set(report.findings.compactMap(\.location.path)) == ["good.py", "latin1.py"])
        #expect(report.diagnostics.contains { $0.code == "binary-file" && $0.path == "blob.py" })
        #expect(report.diagnostics.contains { $0.code == "file-too-large" && $0.path == "huge.py" })
        #expect(!report.hasFailures)
    }

    @Test func sinceLimitsTheScanToChangedFiles() async throws {
        let dir = TemporaryDirectory()
        try dir.git("init", "-q")
        try dir.write("old.py", "eval(a)\n")
        try dir.write("changed.py", "x = 1\n")
        try dir.git("add", ".")
        try dir.git("commit", "-qm", "base")
        try dir.git("checkout", "-qb", "feature")
        try dir.write("changed.py", "x = eval(b)\n")
        try dir.write("new_untracked.py", "eval(c)\n")
        let report = try await scan(dir, since: "main")
        #expect(Set(report.findings.compactMap(\.location.path)) == ["changed.py", "new_untracked.py"])
        #expect(report.target.since == "main")
        await #expect(throws: ScanEngine.Failure.self) { _ = try await scan(dir, since: "no-such-branch") }
    }
}

@Suite struct SingleFileTargetTests {
    @Test func aSingleFileIsScannedWithItsFolderAsRoot() async throws {
        let dir = TemporaryDirectory()
        try dir.write("pkg/a.py", "x = eval(y)\n")
        try dir.write("pkg/b.py", "eval(z)\n")
        let report = try await ScanEngine(toolVersion: "test").run(.init(
            root: dir.path + "/pkg/a.py", configuration: Configuration(), scanners: [TokenScanner()]))
        #expect(report.findings.count == 1)
        #expect(report.findings.first?.location.path == "a.py")
        if case .source(let s) = report.findings.first?.location { #expect(s.snippet == "x = eval(y)") }
    }
}
