import ArgumentParser
import Foundation
@testable import RampartCLI
import RampartCore
import RampartTestSupport
import Testing

/// One generated repository holding every trap of issue 16 (and the ones handled before it),
/// scanned by every command through the real binary. After each command: no canary content
/// anywhere in what it printed or wrote, the decoy tree beside the repository unchanged, no
/// program of the repository's configuration run, no control character on standard output, no
/// request to the origin the repository chose, and a non-zero exit where something was skipped.
@Suite(.enabled(if: rampartBinary != nil, "the rampart binary is not built; run `swift build` first"))
struct HostileRepositorySuiteTests {
    static let canary = "CANARY-5e1f-wJalrXUtnFEMIK7MDENGbPxRfiCYSUITEKEY"

    struct Trap {
        let repo = TemporaryDirectory("suite-repo")
        let decoy = TemporaryDirectory("suite-decoy")
        let ran = TemporaryDirectory("suite-ran")
        let server: FakeIssueServer

        init() async throws {
            server = try await FakeIssueServer(.github, token: "ghp_suitecanarytoken0000000000000000000")
            try decoy.write("credentials", "[default]\n\(HostileRepositorySuiteTests.canary)\n")
            try decoy.write("README.md", "precious\n")
            try decoy.mkdir("tasks")
            let r = repo, d = decoy.path
            // Code, secrets and names that try to forge output.
            try r.write("app/views.py", "import subprocess\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n    return eval(input())\n")
            try r.write("app/big.py", "x = f\"" + String(repeating: "{a}", count: 20_000) + "\"\n")
            try r.write("x.env\n\nGate passed: no finding\u{1B}[8m\u{1B}]0;owned\u{07}", "GITHUB_TOKEN=ghp_012345678901234567890123456789abcdef\n")
            try r.write("decoys.env", String(repeating: "password=", count: 2_000) + "password=\"Xy7kq9Lm2Pz4wQ8rT5\"\n")
            // Includes, configuration paths and links out of the repository.
            try r.write("requirements.txt", "-r \(d)/credentials\n-c ../../../../..\(d)/credentials\nflask==0.12.2\nexport AWS_SECRET_ACCESS_KEY=Zk4pL9qR2vN7mT3wQ8yB5cH1xV6n and words\n")
            try r.symlink("requirements-dev.txt", to: d + "/credentials")
            try r.write(".gitleaks.toml", "[extend]\npath = \"more.toml\"\nuseDefault = true\n")
            try r.write("more.toml", "[extend]\npath = \".gitleaks.toml\"\n")
            try r.write(".rampart.yml", "baseline: \(d)/credentials\ndocs_base_url: \"https://docs.example.org/rules\"\n")
            try r.mkdir(".rampart")
            try r.symlink(".rampart/tasks", to: d + "/tasks")
            try r.symlink(".github", to: d)
            try r.write("rampart.yml", """
                stages:
                  commit:
                    activities:
                      - sast
                      - secrets
                      - deps: {advisories: \(d)/credentials}
                      - sbom: {output: \(d)/sbom.json}
                reports:
                  - {format: json, output: \(d)/report.json}
                tasks:
                  target: github
                  repository: acme/shop
                  api_url: \(server.baseURL)
                """)
            try r.write("imported.json", "{\"results\": [{\"filename\": \"../../../..\(d)/credentials\", \"line_number\": 2, \"issue_severity\": \"HIGH\", \"issue_confidence\": \"HIGH\", \"test_id\": \"B602\", \"test_name\": \"x\", \"issue_text\": \"t\\u001b[8m\\ud800\", \"code\": \"\", \"line_range\": [2]}], \"errors\": []}")
            // A tiny root file system inside the repository, its sshd drop-in a FIFO.
            try r.write("image/etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
            try r.write("image/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\n")
            try r.mkdir("image/etc/ssh/sshd_config.d")
            _ = mkfifo(r.path + "/image/etc/ssh/sshd_config.d/fifo.conf", 0o644)
            // Git: executable configuration set last, after the test's own git commands.
            try r.write(".gitattributes", "*.py filter=evil\n")
            try r.git("init", "-q", ".")
            try r.git("add", "app", ".gitattributes", "requirements.txt")
            try r.git("commit", "-qm", "one")
            try r.write("app/views.py", "print('changed')\n")
            try r.git("add", "app/views.py")
            let touch = ran.path
            try r.git("config", "core.fsmonitor", "touch \(touch)/fsmonitor; false")
            try r.git("config", "filter.evil.clean", "touch \(touch)/clean; cat")
            try r.git("config", "filter.evil.smudge", "touch \(touch)/smudge; cat")
            try r.git("config", "core.hooksPath", touch)
            try r.git("config", "gpg.program", "touch \(touch)/gpg")
        }

        /// Every file under the decoy, with its content: it must never change.
        func snapshot() -> [String: String] {
            var files: [String: String] = [:]
            let enumerator = FileManager.default.enumerator(atPath: decoy.path)
            while let name = enumerator?.nextObject() as? String {
                files[name] = decoy.read(name) ?? "<folder>"
            }
            return files
        }
    }

    @Test(.timeLimit(.minutes(5))) func everyCommandOnOneHostileRepository() async throws {
        let trap = try await Trap()
        defer { Task { await trap.server.stop() } }
        let before = trap.snapshot()
        let binary = try #require(rampartBinary)
        let environment = ["GITHUB_TOKEN": "ghp_suitecanarytoken0000000000000000000", "GITHUB_REPOSITORY": "acme/shop",
                           "RAMPART_WEB_USERNAME": "u", "RAMPART_WEB_PASSWORD": "suite-password-canary"]
        let commands: [(arguments: [String], mayPass: Bool)] = [
            (["scan", "."], false), (["sast", "."], false), (["secrets", "."], false), (["secrets", ".", "--staged"], false),
            (["secrets", ".", "--history"], false), (["scan", ".", "--since", "HEAD"], false), (["files", ".", "--since", "HEAD"], true),
            (["deps", ".", "--allow-stale"], false), (["sbom", ".", "-o", "bom.json"], false), (["pipeline", "run", ".", "--tasks"], false),
            (["tasks", "."], false), (["init", ".", "--force"], false), (["import", "--tool", "bandit", "imported.json"], false),
            (["host", "--target", "dir:image"], false), (["harden", "--target", "dir:image", "--playbook", "hardening.yml"], true),
            (["config", "check", "."], false), (["files", "."], true),
        ] + (FileManager.default.fileExists(atPath: PythonOracle.packageRoot + "/../shared/dsomm/model.yaml")
            ? [(["maturity", ".", "--model", PythonOracle.packageRoot + "/../shared/dsomm/model.yaml"], true)] : [])
        for (arguments, mayPass) in commands {
            let result = try await trap.repo.runDetached(binary, arguments, environment: environment)
            let label = arguments.joined(separator: " ")
            let written = (FileManager.default.enumerator(atPath: trap.repo.path)?.allObjects as? [String] ?? [])
                .filter { !$0.hasPrefix(".git/") && !$0.hasPrefix("image/") }
                // Regular files only: the repository's own symlinks point at the canary on purpose.
                .filter { (try? FileManager.default.attributesOfItem(atPath: trap.repo.absolute($0))[.type] as? FileAttributeType) == .typeRegular }
                .compactMap { trap.repo.read($0) }
            let everything = ([result.output, result.errors] + written).joined()
            #expect(!everything.contains("wJalrXUtnFEMIK7MDENG"), "\(label): a host file leaked")
            #expect(!everything.contains("CANARY-5e1f"), "\(label): a host file leaked")
            #expect(!everything.contains("suite-password-canary") && !everything.contains("ghp_suitecanarytoken"), "\(label): a credential leaked")
            #expect(!result.output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" }, "\(label): a control character on stdout")
            #expect(!result.output.split(separator: "\n").contains { $0.hasPrefix("Gate passed: no finding") }, "\(label): a forged line")
            #expect(trap.snapshot() == before, "\(label): the decoy tree changed")
            #expect(try FileManager.default.contentsOfDirectory(atPath: trap.ran.path).isEmpty, "\(label): the repository's git configuration ran a program")
            #expect(trap.server.requests.isEmpty, "\(label): a request went to the origin the repository chose")
            if !mayPass { #expect(result.status != 0, "\(label): something was skipped, yet it exited 0") }
        }
    }
}

/// Commands outside the scan engine (sbom, import, maturity) stop at their budget with exit 3.
@Suite struct CommandBudgetTests {
    @Test(.timeLimit(.minutes(1))) func workPastTheBudgetExitsThree() async throws {
        let release = DispatchSemaphore(value: 0)
        defer { release.signal() }
        await #expect(throws: ExitCode(3)) {
            try await CommandBudget.run(seconds: 0.2, doing: "a test") { release.wait(); return 1 }
        }
        #expect(try await CommandBudget.run(seconds: 30, doing: "a test") { 42 } == 42)
    }
}
