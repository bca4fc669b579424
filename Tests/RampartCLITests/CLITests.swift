import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import RampartCLI
import RampartCore
import RampartTestSupport
import Testing

/// Runs `rampart ARGS` in this process with the test scanners in the catalogue.
func rampart(_ arguments: String..., scanners: [any SecurityScanner] = [TokenScanner()]) async -> Int32 {
    await ScannerCatalog.$override.withValue(scanners) {
        await RampartCommand.run(arguments: arguments)
    }
}

/// The built `rampart` binary, next to the test bundle in the build folder.
let rampartBinary: String? = {
    let candidates = [
        Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("rampart").path,
        PythonOracle.packageRoot + "/.build/debug/rampart",
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

@Suite struct ExitCodeTests {
    @Test func cleanScanExitsZero() async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.py", "print('hello')\n")
        #expect(await rampart("scan", dir.path, "--quiet", "--format", "json", "--output", dir.path + "/out.json") == 0)
    }

    @Test func gatingFindingExitsOne() async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.py", "eval(x)\n")
        #expect(await rampart("scan", dir.path, "-q", "--format", "json", "--output", dir.path + "/out.json") == 1)
        // The same finding below the gate passes; --fail-on none never fails on findings.
        #expect(await rampart("scan", dir.path, "-q", "--fail-on", "critical", "--format", "json", "--output", dir.path + "/out.json") == 0)
        #expect(await rampart("scan", dir.path, "-q", "--fail-on", "none", "--format", "json", "--output", dir.path + "/out.json") == 0)
        // A low finding fails a low gate.
        try dir.write("a.py", "# TODO-SECURITY\n")
        #expect(await rampart("scan", dir.path, "-q", "--fail-on", "low", "--format", "json", "--output", dir.path + "/out.json") == 1)
        #expect(await rampart("scan", dir.path, "-q", "--format", "json", "--output", dir.path + "/out.json") == 0)
    }

    @Test func usageAndConfigurationErrorsExitTwo() async throws {
        let dir = TemporaryDirectory()
        #expect(await rampart("scan", dir.path, "--format", "pdf") == 2)
        #expect(await rampart("scan", dir.path, "--fail-on", "severe") == 2)
        #expect(await rampart("scan", dir.path + "/missing") == 2)
        #expect(await rampart("scan", "--no-such-flag") == 2)
        #expect(await rampart("frobnicate") == 2)
        try dir.write(".rampart.yml", "fail_on: high\nseverity: loud\n")
        #expect(await rampart("scan", dir.path, "-q") == 2)
        #expect(await rampart("config", "check", dir.path) == 2)
        #expect(await rampart("scan", dir.path, "-q", "--baseline", dir.path + "/no-baseline.json", "--config", "/dev/null") == 2)
    }

    @Test func scannerFailureOrTimeoutExitsThreeAndStillWritesTheReport() async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.py", "eval(x)\n")
        let out = dir.path + "/out.json"
        #expect(await rampart("scan", dir.path, "-q", "--format", "json", "--output", out, scanners: [TokenScanner(), FailingScanner()]) == 3)
        #expect(await rampart("scan", dir.path, "-q", "--timeout", "0.3", "--format", "json", "--output", out, scanners: [TokenScanner(), SlowScanner()]) == 3)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        #expect((object["findings"] as? [Any])?.count == 1, "partial results are written")
        #expect((object["errors"] as? [[String: Any]])?.contains { $0["code"] as? String == "timeout" } == true)
        #expect((object["summary"] as? [String: Any])?["timedOut"] as? Bool == true)
    }
}

@Suite struct ScanCommandTests {
    @Test func writesEveryRequestedFormat() async throws {
        let dir = TemporaryDirectory()
        try dir.write("src/app.py", "eval(x)\n")
        let base = dir.path + "/out"
        let code = await rampart(
            "scan", dir.path + "/src", "-q",
            "--format", "json", "--output", base + ".json",
            "--format", "sarif", "--output", base + ".sarif",
            "--format", "junit", "--output", base + ".xml",
            "--format", "gitlab", "--output", base + ".gitlab.json",
            "--format", "markdown", "--output", base + ".md",
            "--format", "html", "--output", base + ".html"
        )
        #expect(code == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: base + ".json"))) as? [String: Any])
        #expect(json["schema"] as? String == "rampart/findings@1")
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: base + ".sarif"))) as? [String: Any])
        let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(results.count == 1)
        #expect((results.first?["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"] != nil, "line hash read from the scanned file")
        _ = try XMLDocument(contentsOf: URL(fileURLWithPath: base + ".xml"))
        #expect(dir.read("out.md")?.contains("Gate failed") == true)
        #expect(dir.read("out.html")?.contains("test/T001") == true)
    }

    @Test func configurationFileIsFoundAndFlagsWin() async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.py", "eval(x)\n# TODO-SECURITY\n")
        try dir.write(".rampart.yml", """
        fail_on: low
        docs_base_url: https://wiki.example.test/rules
        rules:
          test/T001: off
        """)
        let out = dir.path + "/out.json"
        #expect(await rampart("scan", dir.path, "-q", "--format", "json", "--output", out) == 1)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        var findings = (object["findings"] as? [[String: Any]]) ?? []
        #expect(findings.map { $0["ruleId"] as? String } == ["test/T002"])
        #expect(findings.first?["helpUri"] as? String == "https://wiki.example.test/rules/test/T002")
        #expect(await rampart("scan", dir.path, "-q", "--fail-on", "high", "--docs-base-url", "https://other.test/r", "--format", "json", "--output", out) == 0)
        object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        findings = (object["findings"] as? [[String: Any]]) ?? []
        #expect(findings.first?["helpUri"] as? String == "https://other.test/r/test/T002")
    }

    @Test func baselineCreateThenScanReportsOnlyNewFindings() async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.py", "def f(x):\n    return eval(x)\n")
        let baseline = dir.path + "/.rampart-baseline.json"
        #expect(await rampart("baseline", "create", dir.path, "-q", "-o", baseline) == 0)
        let text = try #require(dir.read(".rampart-baseline.json"))
        #expect(text.contains("\"schema\": \"rampart/baseline@1\""))
        // The finding moves 20 lines down: still known.
        try dir.write("a.py", String(repeating: "\n", count: 20) + "def f(x):\n    return eval(x)\n")
        #expect(await rampart("scan", dir.path, "-q", "--baseline", baseline, "--format", "json", "--output", dir.path + "/o.json") == 0)
        // The configuration can name the baseline too, relative to itself.
        try dir.write(".rampart.yml", "baseline: .rampart-baseline.json\n")
        #expect(await rampart("scan", dir.path, "-q", "--format", "json", "--output", dir.path + "/o.json") == 0)
        try dir.write("b.py", "eval(y)\n")
        #expect(await rampart("scan", dir.path, "-q", "--format", "json", "--output", dir.path + "/o.json") == 1)
    }

    @Test func sinceScansOnlyChangedFiles() async throws {
        let dir = TemporaryDirectory()
        try dir.git("init", "-q")
        try dir.write("old.py", "eval(a)\n")
        try dir.git("add", ".")
        try dir.git("commit", "-qm", "base")
        try dir.git("checkout", "-qb", "topic")
        #expect(await rampart("scan", dir.path, "-q", "--since", "main", "--format", "json", "--output", dir.path + "/o.json") == 0)
        try dir.write("new.py", "eval(b)\n")
        #expect(await rampart("scan", dir.path, "-q", "--since", "main", "--format", "json", "--output", dir.path + "/o.json") == 1)
        #expect(await rampart("scan", dir.path, "-q", "--since", "nope", "--format", "json", "--output", dir.path + "/o.json") == 2)
    }

    @Test func rulesCommands() async throws {
        let dir = TemporaryDirectory()
        #expect(await rampart("rules", "list") == 0)
        #expect(await rampart("rules", "show", "T001") == 0)
        #expect(await rampart("rules", "show", "eval_used") == 0)
        #expect(await rampart("rules", "show", "nope") == 2)
        #expect(await rampart("rules", "docs", "--out", dir.path + "/rules") == 0)
        let page = try #require(dir.read("rules/test/T001.md"))
        #expect(page.hasPrefix("# test/T001: Use of eval"))
        #expect(dir.read("rules/README.md")?.contains("[test/T002](test/T002.md)") == true)
    }
}

/// Runs the real binary, as CI and users do.
@Suite(.enabled(if: rampartBinary != nil, "the rampart binary is not built; run `swift build` first"))
struct BinaryTests {
    func run(_ arguments: [String], in dir: TemporaryDirectory, env: [String: String] = [:]) throws -> (status: Int32, output: String, errors: String) {
        try dir.run(try #require(rampartBinary), arguments, environment: env)
    }

    @Test func emptyFolderJSONMatchesTheContract() throws {
        let dir = TemporaryDirectory()
        let result = try run(["scan", dir.path, "--format", "json"], in: dir)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "rampart/findings@1")
        #expect((object["tool"] as? [String: Any])?["name"] as? String == "rampart")
        #expect((object["findings"] as? [Any])?.isEmpty == true)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["bySeverity"] is [String: Int])
        #expect(summary["files"] as? Int == 0)
        #expect(summary["durationMs"] is Int)
        #expect(object["errors"] is [Any])
    }

    @Test func versionHelpAndUsageErrors() throws {
        let dir = TemporaryDirectory()
        #expect(try run(["--version"], in: dir).output == RampartVersion.current + "\n")
        let help = try run(["scan", "--help"], in: dir)
        #expect(help.status == 0)
        #expect(help.output.contains("--fail-on"))
        #expect(try run(["scan", "--format", "nope"], in: dir).status == 2)
    }

    @Test func textOutputHasNoColourWhenPiped() throws {
        let dir = TemporaryDirectory()
        let result = try run(["scan", dir.path], in: dir)
        #expect(result.status == 0)
        #expect(result.output.contains("Gate passed"))
        #expect(!result.output.contains("\u{1B}["))
    }

    @Test func configCheckNamesFileAndLine() throws {
        let dir = TemporaryDirectory()
        try dir.write(".rampart.yml", "fail_on: high\nexclude: [a]\nsevrity: low\n")
        let result = try run(["config", "check", dir.path], in: dir)
        #expect(result.status == 2)
        #expect(result.errors.contains(".rampart.yml:3:1: key 'sevrity': unknown key (did you mean 'severity'?)"))
    }
}

@Suite struct OutputPairingTests {
    @Test func eachOutputBelongsToTheFormatBeforeIt() {
        let tokens = ["scan", ".", "--format", "text", "--format", "sarif", "--output", "a.sarif", "--format=json", "--output=b.json"]
        let pairs = CommonOptions.pair(formats: ["text", "sarif", "json"], outputs: ["a.sarif", "b.json"], tokens: tokens)
        #expect(pairs.map(\.0) == ["text", "sarif", "json"])
        #expect(pairs.map(\.1) == [nil, "a.sarif", "b.json"])
    }

    @Test func anOutputBeforeAnyFormatGoesToTheNextFormat() {
        let pairs = CommonOptions.pair(formats: ["json"], outputs: ["x.json"], tokens: ["scan", "--output", "x.json", "--format", "json"])
        #expect(pairs.map(\.1) == ["x.json"])
        let textOnly = CommonOptions.pair(formats: [], outputs: ["r.txt"], tokens: ["scan", "--output", "r.txt"])
        #expect(textOnly.map(\.0) == ["text"])
        #expect(textOnly.map(\.1) == ["r.txt"])
    }

    @Test func reportsLandInTheFilesTheyWerePairedWith() async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.py", "x = 1\n")
        let code = await rampart("scan", dir.path, "-q", "--format", "markdown", "--format", "sarif", "--output", dir.path + "/r.sarif", "--format", "json", "--output", dir.path + "/r.json")
        #expect(code == 0)
        #expect(dir.read("r.sarif")?.contains("\"version\": \"2.1.0\"") == true)
        #expect(dir.read("r.json")?.contains("rampart/findings@1") == true)
    }
}

/// `rampart host`: InSpec's JSON as a report format of its own, only there.
@Suite struct HostCommandTests {
    @Test func inspecJSONIsAFormatOfTheHostCommand() async throws {
        let dir = TemporaryDirectory()
        try dir.write("rootfs/etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
        try dir.write("rootfs/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n")
        let report = dir.path + "/inspec.json"
        #expect(await rampart("host", "--target", "dir:" + dir.path + "/rootfs", "-q", "--fail-on", "none", "--format", "inspec-json", "--output", report, "--format", "json", "--output", dir.path + "/findings.json", scanners: ScannerCatalog.builtIn) == 0)
        let data = try #require(FileManager.default.contents(atPath: report))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let profiles = try #require(json["profiles"] as? [[String: Any]])
        #expect(profiles.compactMap { $0["name"] as? String } == ["linux-baseline", "ssh-baseline"])
        let controls = profiles.flatMap { $0["controls"] as? [[String: Any]] ?? [] }
        #expect(controls.count == 130)
        let statuses = Set(controls.flatMap { ($0["results"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String } })
        #expect(statuses.isSubset(of: ["passed", "failed", "skipped"]) && statuses.contains("skipped"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/findings.json"))
        // Other commands have no control results to write it from.
        #expect(await rampart("scan", dir.path, "-q", "--format", "inspec-json", "--output", dir.path + "/no.json") == 2)
        #expect(await rampart("host", "--target", "ssh://root@127.0.0.1:1", "--identity", "/nonexistent", "-q") == 2)
    }
}
