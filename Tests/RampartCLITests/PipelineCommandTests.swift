import Foundation
@testable import RampartCLI
import RampartCore
import RampartHistory
import RampartTestSupport
import Testing

/// `rampart pipeline` on a copy of the bundled demo: every activity that runs on one machine
/// (SAST, secrets, dependencies, SBOM, DAST against the demo app the pipeline starts, the host
/// profiles on the demo image, a hardening plan), its gates failing, then passing once today's
/// findings are the baseline.
@Suite(.serialized) struct PipelineCommandTests {
    func demoCopy() throws -> TemporaryDirectory {
        let dir = TemporaryDirectory()
        try FileManager.default.removeItem(atPath: dir.path)
        try FileManager.default.copyItem(atPath: PythonOracle.packageRoot + "/examples/demo", toPath: dir.path)
        try? FileManager.default.removeItem(atPath: dir.path + "/.rampart")
        return dir
    }

    @Test func theDemoPipelineFailsByItsGatesThenPassesWithABaseline() async throws {
        let dir = try demoCopy()
        let clock = ContinuousClock()
        let started = clock.now
        let first = await rampart("pipeline", "run", dir.path, "-q", "--write-baseline", dir.path + "/baseline.json", scanners: ScannerCatalog.builtIn)
        let elapsed = clock.now - started
        print("demo pipeline: \(elapsed)")
        #expect(first == 1, "the demo's flaws break its gates")
        for report in ["rampart.sarif", "rampart-junit.xml", "sbom.cdx.json", "hardening.yml"] {
            #expect(FileManager.default.fileExists(atPath: dir.path + "/.rampart/reports/" + report), "\(report)")
        }
        let sarif = try #require(FileManager.default.contents(atPath: dir.path + "/.rampart/reports/rampart.sarif"))
        let text = String(decoding: sarif, as: UTF8.self)
        // Findings of every kind of activity are in the one report.
        for rule in ["python/B", "secrets/", "deps/", "web/", "host/sshd-06"] { #expect(text.contains(rule), "\(rule)") }
        // The playbook fixes the image's root login.
        #expect(dir.read(".rampart/reports/hardening.yml")?.contains("sshd-06") == true)
        #expect(await rampart("pipeline", "run", dir.path, "-q", "--baseline", dir.path + "/baseline.json", scanners: ScannerCatalog.builtIn) == 0)
    }

    @Test func planAndMistakes() async throws {
        let dir = try demoCopy()
        #expect(await rampart("pipeline", "plan", dir.path, scanners: ScannerCatalog.builtIn) == 0)
        #expect(await rampart("pipeline", "run", dir.path, "--stage", "release", scanners: ScannerCatalog.builtIn) == 2)
        try dir.write("rampart.yml", "stages:\n  commit:\n    activities:\n      - web: {max_time: 10}\n")
        #expect(await rampart("pipeline", "plan", dir.path, scanners: ScannerCatalog.builtIn) == 2, "a web activity needs a target")
        try dir.write("rampart.yml", "stages:\n  test:\n    activities:\n      - web: {target: \"http://127.0.0.1:9/\", start: {command: \"exit 3\", ready: \"http://127.0.0.1:9/\", timeout: 5}}\n")
        #expect(await rampart("pipeline", "run", dir.path, "-q", scanners: ScannerCatalog.builtIn) == 3, "an app that does not start fails the activity")
        // Only the commit stage: quick, and the SAST gate still fails.
        try FileManager.default.removeItem(atPath: dir.path + "/rampart.yml")
        try FileManager.default.copyItem(atPath: PythonOracle.packageRoot + "/examples/demo/rampart.yml", toPath: dir.path + "/rampart.yml")
        #expect(await rampart("pipeline", "run", dir.path, "-q", "--stage", "commit", scanners: ScannerCatalog.builtIn) == 1)
    }
}

/// The findings of a JSON report.
func jsonFindings(_ path: String) throws -> [[String: Any]] {
    let data = try #require(FileManager.default.contents(atPath: path))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return try #require(json["findings"] as? [[String: Any]])
}

@Suite struct PipelineIncrementalTests {
    @Test func pullRequestBasesFromCIVariables() {
        #expect(PipelineRunCommand.sinceFromCI(["GITHUB_BASE_REF": "main"]) == "origin/main")
        #expect(PipelineRunCommand.sinceFromCI(["GITHUB_BASE_REF": ""]) == nil)
        #expect(PipelineRunCommand.sinceFromCI(["CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "develop"]) == "origin/develop")
        #expect(PipelineRunCommand.sinceFromCI(["CI_MERGE_REQUEST_DIFF_BASE_SHA": "abc123", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "develop"]) == "abc123")
        #expect(PipelineRunCommand.sinceFromCI([:]) == nil)
    }
}

@Suite struct PipelineSinceTests {
    /// `--since`: file activities read what changed since the base, history only new commits.
    @Test func onlyWhatChangedSinceTheBase() async throws {
        let dir = TemporaryDirectory()
        try await dir.gitDetached("init", "-q", "-b", "main")
        try dir.write("old.py", "import subprocess\nsubprocess.call(cmd, shell=True)\n")
        try dir.write("rampart.yml", """
            reports:
              - {format: json, output: out/report.json}
            stages:
              commit:
                activities:
                  - sast
                  - secrets: {source: history}
            """)
        try await dir.gitDetached("add", ".")
        try await dir.gitDetached("commit", "-qm", "start")
        try await dir.gitDetached("checkout", "-qb", "feature")
        try dir.write("new.py", "import subprocess\nsubprocess.Popen(cmd, shell=True)\n")
        try dir.write("new.env", "GITHUB_TOKEN=ghp_\(String(repeating: "a1B2c3D4e5", count: 3))abcdef\n")
        try await dir.gitDetached("add", ".")
        try await dir.gitDetached("commit", "-qm", "feature")
        #expect(await rampart("pipeline", "run", dir.path, "-q", "--since", "main", scanners: ScannerCatalog.builtIn) == 1)
        let findings = try jsonFindings(dir.path + "/out/report.json")
        let paths = Set(findings.compactMap { ($0["location"] as? [String: Any])?["path"] as? String })
        #expect(paths.contains("new.py") && !paths.contains("old.py"), "\(paths)")
        // Everything without --since.
        #expect(await rampart("pipeline", "run", dir.path, "-q", "--full-scan", scanners: ScannerCatalog.builtIn) == 1)
        let full = try #require(FileManager.default.contents(atPath: dir.path + "/out/report.json"))
        #expect(String(decoding: full, as: UTF8.self).contains("old.py"))
    }
}

@Suite struct PipelineExternalTests {
    static let bandit = PythonOracle.packageRoot + "/.venv/bin/bandit"

    /// Bandit run by the pipeline next to Rampart's SAST: the flaw both report at the same place
    /// is one finding with both sources; what only Bandit reports stays, named by Bandit.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: bandit), "needs bandit in .venv (.ci/run installs it)"))
    func banditAndRampartGiveOneFindingPerFlaw() async throws {
        let dir = TemporaryDirectory()
        try dir.write("app.py", "import subprocess\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n")
        try dir.write("rampart.yml", """
            reports:
              - {format: json, output: out/report.json}
            stages:
              commit:
                activities:
                  - sast
                  - external: {command: "\(Self.bandit) -q app.py -f json -o out/bandit.json", tool: bandit, output: out/bandit.json}
            """)
        #expect(await rampart("pipeline", "run", dir.path, "-q", scanners: ScannerCatalog.builtIn) == 1)
        let findings = try jsonFindings(dir.path + "/out/report.json")
        let shell = findings.filter { ($0["ruleId"] as? String)?.hasSuffix("B602") == true }
        #expect(shell.count == 1, "\(shell)")
        let sources = (shell.first?["sources"] as? [[String: Any]])?.compactMap { $0["tool"] as? String }
        #expect(sources == ["rampart", "bandit"])
        // B404 (import subprocess) is reported by both too; nothing is left twice.
        let ids = findings.compactMap { $0["ruleId"] as? String }
        #expect(!ids.contains("bandit/B602") && !ids.contains("bandit/B404"), "\(ids)")
    }

    @Test func importCommand() async throws {
        let dir = TemporaryDirectory()
        try dir.write("gitleaks.json", """
            [{"Description": "AWS", "StartLine": 2, "File": "\(dir.path)/cfg.env", "Secret": "AKIAQYLPMN5HHHFPZAM2", "Match": "KEY=AKIAQYLPMN5HHHFPZAM2", "RuleID": "aws-access-token"}]
            """)
        #expect(await rampart("import", "--tool", "gitleaks", dir.path + "/gitleaks.json", "--root", dir.path, "-q", "--format", "json", "--output", dir.path + "/out.json") == 1)
        let text = try #require(dir.read("out.json"))
        #expect(text.contains("\"gitleaks/aws-access-token\"") && text.contains("\"cfg.env\""))
        #expect(!text.contains("AKIAQYLPMN5HHHFPZAM2"), "the secret is never in a report")
        #expect(await rampart("import", "--tool", "nessus", dir.path + "/gitleaks.json") == 2)
        try dir.write("broken.json", "[{\"RuleID\": ")
        #expect(await rampart("import", "--tool", "gitleaks", dir.path + "/broken.json") == 2)
    }
}

/// The findings history across pipeline runs over a changing repository.
@Suite struct PipelineHistoryTests {
    @Test func firstSeenFixedReopenedAndAccepted() async throws {
        let dir = TemporaryDirectory()
        try await dir.gitDetached("init", "-q", "-b", "main")
        let flawed = "import subprocess\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n"
        try dir.write("app.py", flawed)
        try dir.write("rampart.yml", "stages:\n  commit:\n    activities: [sast]\n")
        try await dir.gitDetached("add", ".")
        try await dir.gitDetached("commit", "-qm", "start")
        let db = dir.path + "/.rampart/findings.db"
        #expect(await rampart("pipeline", "run", dir.path, "-q", scanners: ScannerCatalog.builtIn) == 1)
        // `state rule reopened N` per finding of the history.
        let list = { () async -> [String] in
            ((try? FindingsHistory(path: db).records()) ?? []).map { "\($0.state.rawValue) \($0.ruleId) reopened \($0.reopened)" }
        }
        #expect(await list().contains { $0.hasPrefix("open python/B602") })
        // Fixed in the next commit: the next run says so.
        try dir.write("app.py", "import subprocess\n\ndef run(cmd):\n    subprocess.call(cmd)\n")
        try await dir.gitDetached("commit", "-qam", "fix")
        _ = await rampart("pipeline", "run", dir.path, "-q", scanners: ScannerCatalog.builtIn)
        #expect(await list().contains { $0.hasPrefix("fixed python/B602") })
        // Back again: reopened, and gating again.
        try dir.write("app.py", flawed)
        try await dir.gitDetached("commit", "-qam", "regress")
        #expect(await rampart("pipeline", "run", dir.path, "-q", scanners: ScannerCatalog.builtIn) == 1)
        #expect(await list().contains { $0.hasPrefix("open python/B602 reopened 1") })
        // Accepted with a reason: it stops gating.
        let fingerprint = try #require(try FindingsHistory(path: db).records().first { $0.ruleId == "python/B602" }?.fingerprint)
        #expect(await rampart("findings", "accept", String(fingerprint.prefix(10)), "--db", db, "--reason", "admin tool, the command is fixed", "--expires", "2099-01-01") == 0)
        #expect(await rampart("findings", "sla", "--db", db) == 0)
        // B602 was the only finding at the default gate (high); B404 is low.
        #expect(await rampart("pipeline", "run", dir.path, "-q", scanners: ScannerCatalog.builtIn) == 0)
        #expect(await list().contains { $0.hasPrefix("accepted python/B602") })
    }
}

/// `rampart init`: what it finds decides what runs; what it writes is a valid pipeline.
@Suite struct InitCommandTests {
    @Test func aFlaskRepositoryGetsAPipelineThatRuns() async throws {
        let dir = TemporaryDirectory()
        try dir.write("app/main.py", "import subprocess\nsubprocess.call(x, shell=True)\n")
        try dir.write("requirements.txt", "flask==3.0.0\n")
        try dir.write("deploy/inventory.ini", "[web]\nweb1\n")
        try dir.write(".venv/lib/site.py", "ignored\n")
        let found = InitCommand.inspect(dir.path)
        #expect(found == InitCommand.Inspection(python: true, lockfiles: ["requirements.txt"], webFramework: "flask", dockerfile: false, inventory: "deploy/inventory.ini", git: false))
        #expect(await rampart("init", dir.path, scanners: ScannerCatalog.builtIn) == 0)
        for file in ["rampart.yml", ".github/workflows/rampart.yml", "rampart.gitlab-ci.yml", ".pre-commit-config.yaml"] {
            #expect(FileManager.default.fileExists(atPath: dir.path + "/" + file), "\(file)")
        }
        let pipeline = try #require(dir.read("rampart.yml"))
        #expect(pipeline.contains("- sast") && pipeline.contains("- deps") && pipeline.contains("flask found in the requirements"))
        // Every file is YAML as PyYAML reads it (the CI systems' parsers are as strict).
        if let python = PythonOracle.python(with: ["yaml"]) {
            for file in [".github/workflows/rampart.yml", "rampart.gitlab-ci.yml", ".pre-commit-config.yaml"] {
                let parsed = try dir.run(python, ["-c", "import sys, yaml; yaml.safe_load(open(sys.argv[1]))", dir.path + "/" + file])
                #expect(parsed.status == 0, "\(file): \(parsed.errors)")
            }
        }
        // It validates and runs: the SAST finding fails the commit stage's gate.
        #expect(await rampart("pipeline", "plan", dir.path, scanners: ScannerCatalog.builtIn) == 0)
        #expect(await rampart("pipeline", "run", dir.path, "-q", "--no-history", "--stage", "commit", scanners: ScannerCatalog.builtIn) == 1)
        // A second init keeps what exists.
        try dir.write("rampart.yml", "# mine\nstages:\n  commit:\n    activities: [secrets]\n")
        #expect(await rampart("init", dir.path, scanners: ScannerCatalog.builtIn) == 0)
        #expect(dir.read("rampart.yml")?.hasPrefix("# mine") == true)
    }

    @Test func anEmptyRepositoryStillGetsSecretsScanning() async throws {
        let dir = TemporaryDirectory()
        #expect(await rampart("init", dir.path, scanners: ScannerCatalog.builtIn) == 0)
        let pipeline = try #require(dir.read("rampart.yml"))
        #expect(pipeline.contains("- secrets") && !pipeline.contains("- sast") && !pipeline.contains("  build:"))
        #expect(await rampart("pipeline", "run", dir.path, "-q", "--no-history", scanners: ScannerCatalog.builtIn) == 0)
    }
}
