import Foundation
import RampartCore
import Testing

/// A temporary folder removed at the end of the test.
final class TemporaryFolder {
    let path = FileManager.default.temporaryDirectory.path + "/rampart-core-\(UUID().uuidString)"
    init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

@Suite struct CoreModelTests {
    @Test func severityOrderAndGate() {
        #expect(Severity.allCases.sorted() == [.info, .low, .medium, .high, .critical])
        #expect(GateThreshold(parsing: "HIGH") == .severity(.high))
        #expect(GateThreshold(parsing: "none") == GateThreshold.none)
        #expect(GateThreshold(parsing: "bad") == nil)
        #expect(GateThreshold.severity(.medium).gates(.high))
        #expect(!GateThreshold.severity(.medium).gates(.low))
        #expect(!GateThreshold.none.gates(.critical))
    }

    @Test func ruleIDParts() {
        let id: RuleID = "python/B602"
        #expect(id.scanner == "python")
        #expect(id.code == "B602")
        #expect(RuleID("plain").scanner == "")
        #expect(RuleID("deps/GHSA-x/y").code == "GHSA-x/y")
    }

    @Test func fingerprintIgnoresLinesAndWhitespaceButNotContent() {
        let a = Location.source(SourceLocation(path: "a.py", line: 3, snippet: "x = eval(data)"))
        let moved = Location.source(SourceLocation(path: "a.py", line: 40, column: 9, snippet: "    x  =  eval(data)"))
        let other = Location.source(SourceLocation(path: "a.py", line: 3, snippet: "x = eval(other)"))
        let otherFile = Location.source(SourceLocation(path: "b.py", line: 3, snippet: "x = eval(data)"))
        let id = Fingerprint.identity(ruleId: "t/1", location: a)
        #expect(id == Fingerprint.identity(ruleId: "t/1", location: moved))
        #expect(id != Fingerprint.identity(ruleId: "t/1", location: other))
        #expect(id != Fingerprint.identity(ruleId: "t/1", location: otherFile))
        #expect(id != Fingerprint.identity(ruleId: "t/2", location: a))
        #expect(Fingerprint.make(identity: id, occurrence: 0) != Fingerprint.make(identity: id, occurrence: 1))
        #expect(Fingerprint.make(identity: id, occurrence: 0).count == 32)
    }

    @Test func webFingerprintsIgnoreQueryValues() {
        let a = Location.web(WebLocation(url: "http://h/p?b=2&a=1#frag", parameter: "a"))
        let b = Location.web(WebLocation(url: "http://h/p?a=9&b=8", parameter: "a"))
        #expect(Fingerprint.identity(ruleId: "w/1", location: a) == Fingerprint.identity(ruleId: "w/1", location: b))
    }

    @Test func uuidsAreStableAndWellFormed() {
        let uuid = Fingerprint.uuid(for: "x")
        #expect(uuid == Fingerprint.uuid(for: "x"))
        #expect(uuid != Fingerprint.uuid(for: "y"))
        #expect(uuid.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
    }

    @Test func sourceTextSurvivesInvalidUTF8AndSplitsEveryLineEnding() {
        let text = SourceText(bytes: [0x61, 0xFF, 0x0D, 0x0A, 0x62, 0x0D, 0x63, 0x0A, 0x64])
        #expect(!text.isValidUTF8)
        #expect(text.lines == ["a\u{FFFD}", "b", "c", "d"])
        #expect(SourceText("").lines.isEmpty)
        #expect(SourceText("x\n").lines == ["x"])
    }

    @Test func fileReaderRefusesFIFOsAndLargeFiles() throws {
        let dir = TemporaryFolder()
        let fifo = dir.path + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: FileReadError.notRegularFile) { try FileReader.read(fifo, limit: 100) }
        let big = dir.path + "/big"
        try Data(repeating: 0x41, count: 1000).write(to: URL(fileURLWithPath: big))
        #expect(throws: FileReadError.tooLarge(size: 1000, limit: 10)) { try FileReader.read(big, limit: 10) }
        #expect(try FileReader.readPrefix(big, count: 10).count == 10)
        #expect(try FileReader.read(big, limit: 1000).count == 1000)
        #expect(throws: FileReadError.self) { try FileReader.read(dir.path + "/missing", limit: 10) }
    }

    @Test func componentPurl() {
        #expect(Component(name: "Django_Rest", version: "1.0", ecosystem: "PyPI").purl == "pkg:pypi/django-rest@1.0")
        #expect(Component(name: "x", ecosystem: "Unknown").purl == nil)
    }

    @Test func rulePageHasTheMetadataAndExamples() {
        let rule = RuleMetadata(
            id: "python/B999", aliases: ["thing_used"], title: "Thing used", severity: .medium, confidence: .high,
            cwe: [78], owasp: .a03, documentation: "## What it does\nIt does.\n",
            examples: [.triggers("thing()"), .passes("other()")]
        )
        let page = RulePage.markdown(for: rule, scannerTitle: "Python SAST")
        #expect(page.hasPrefix("# python/B999: Thing used\n"))
        #expect(page.contains("| Severity | medium |"))
        #expect(page.contains("[CWE-78](https://cwe.mitre.org/data/definitions/78.html)"))
        #expect(page.contains("A03:2021 Injection"))
        #expect(page.contains("```python\nthing()\n```"))
        #expect(page.contains("# nosec B999"))
    }
}

@Suite struct ChildProcessStreamTests {
    @Test func outputArrivesInChunksAndTheEndIsReported() throws {
        var bytes = 0, newlines = 0, chunks = 0
        let ended = try ChildProcess.stream(["sh", "-c", "seq 1 200000; echo oops >&2; exit 3"], timeout: .seconds(60)) { chunk in
            chunks += 1
            bytes += chunk.count
            newlines += chunk.count { $0 == 10 }
            return true
        }
        #expect(newlines == 200_000 && bytes == 1_288_895 && chunks >= 1)
        #expect(ended.status == 3 && ended.stderr == "oops\n" && !ended.timedOut && !ended.stopped)
    }

    /// A reader that has seen enough, or a cancelled scan, stops the program: `yes` never ends.
    @Test(.timeLimit(.minutes(1))) func aReaderOrACancellationStopsTheProgram() throws {
        let enough = try ChildProcess.stream(["yes"], timeout: .seconds(3600)) { _ in false }
        #expect(enough.stopped && enough.status == 128 + SIGKILL)
        let calls = Locked(0)
        let cancelled = try ChildProcess.stream(["yes"], timeout: .seconds(3600), isCancelled: { calls.withLock { $0 += 1; return $0 > 3 } }) { _ in true }
        #expect(cancelled.stopped && !cancelled.timedOut)
        let late = try ChildProcess.stream(["sleep", "3600"], timeout: .milliseconds(200)) { _ in true }
        #expect(late.timedOut)
        #expect(throws: ChildProcess.Failure.self) { try ChildProcess.stream(["/nonexistent/program"], timeout: .seconds(5)) { _ in true } }
    }
}
