import Foundation
import RampartCore
import RampartTestSupport
import Testing

/// The scanned repository is the attacker: each test is a reproduction from issue 16, run
/// through the real binary as CI runs it. Canaries outside the repository must never be read,
/// written or created; no control character may reach the output.
@Suite(.enabled(if: rampartBinary != nil, "the rampart binary is not built; run `swift build` first"))
struct HostileRepositoryTests {
    static let canary = "CANARY-7f3a9c-aws_secret_access_key=wJalrXUtnFEMIK7MDENGbPxRfiCYCANARYKEY"

    /// The repository, and a decoy folder beside it holding what must never leak or change.
    struct Setup {
        let repo = TemporaryDirectory("hostile-repo")
        let outside = TemporaryDirectory("hostile-outside")

        init() throws {
            try outside.write("credentials", "[default]\n\(HostileRepositoryTests.canary)\n")
            try outside.write("README.md", "precious\n")
        }

        func run(_ arguments: [String], env: [String: String] = [:]) throws -> (status: Int32, output: String, errors: String) {
            try repo.run(try #require(rampartBinary), arguments, environment: env)
        }
    }

    func expectNoLeak(_ result: (status: Int32, output: String, errors: String), _ files: [String] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let everything = ([result.output, result.errors] + files.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }).joined()
        #expect(!everything.contains("wJalrXUtnFEMIK7MDENG"), "a host file's content leaked", sourceLocation: sourceLocation)
        #expect(!everything.contains("CANARY-7f3a9c"), "a host file's content leaked", sourceLocation: sourceLocation)
    }

    // 1. Host files disclosed through dependency includes.
    @Test func dependencyIncludesStayInsideTheRepository() throws {
        let setup = try Setup()
        try setup.repo.write("r/requirements.txt", "-r \(setup.outside.path)/credentials\n-c ../../../../../..\(setup.outside.path)/credentials\nflask==2.0.0\n")
        try setup.repo.symlink("r/requirements-dev.txt", to: setup.outside.path + "/credentials")
        let json = setup.repo.path + "/deps.json"
        let deps = try setup.run(["deps", "r", "--allow-stale", "--format", "text", "--format", "json", "--output", json])
        expectNoLeak(deps, [json])
        #expect(deps.status == 3, "a refused include is something not checked: \(deps.errors)")
        #expect(deps.output.contains("outside the scanned folder"))
        let sbom = try setup.run(["sbom", "r", "-o", setup.repo.path + "/bom.json"])
        expectNoLeak(sbom, [setup.repo.path + "/bom.json"])
    }

    @Test func diagnosticsNeverEchoALineInFull() throws {
        let setup = try Setup()
        try setup.repo.write("requirements.txt", "flask==2.0.0\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYCANARYKEY and more words here\n")
        let json = setup.repo.path + "/deps.json"
        let result = try setup.run(["deps", ".", "--allow-stale", "--format", "text", "--format", "json", "--output", json])
        expectNoLeak(result, [json])
        #expect(result.output.contains("not a requirement"))
    }

    // 3. A configuration cycle must not crash the scan nor hide the other scanners' findings.
    @Test func gitleaksExtendCycleIsAnErrorNotACrash() throws {
        let setup = try Setup()
        try setup.repo.write(".gitleaks.toml", "[extend]\npath = \"b.toml\"\n")
        try setup.repo.write("b.toml", "[extend]\npath = \"c/../.gitleaks.toml\"\n")
        try setup.repo.mkdir("c")
        try setup.repo.write("app.py", "eval(input())\n")
        let json = setup.repo.path + "/out.json"
        let result = try setup.run(["scan", ".", "--format", "json", "--output", json])
        #expect(result.status == 3, "\(result.errors)")
        let report = try String(contentsOfFile: json, encoding: .utf8)
        #expect(report.contains("cycle"))
        #expect(report.contains("B307"), "the Python findings are still reported")
        // An [extend] path out of the repository is refused, not read.
        try setup.repo.write(".gitleaks.toml", "[extend]\npath = \"\(setup.outside.path)/credentials\"\n")
        let outside = try setup.run(["secrets", ".", "--format", "json", "--output", json])
        #expect(outside.status == 3)
        expectNoLeak(outside, [json])
    }

    @Test func configurationPathsStayInsideTheRepository() throws {
        let setup = try Setup()
        try setup.repo.write("app.py", "print(1)\n")
        for (key, value) in [("python", "bandit_config: \(setup.outside.path)/credentials"),
                             ("secrets", "gitleaks_config: ../../../..\(setup.outside.path)/credentials")] {
            try setup.repo.write(".rampart.yml", "\(key):\n  \(value)\n")
            let result = try setup.run(["scan", "."])
            #expect(result.status == 2, "\(key): \(result.errors)")
            #expect(result.errors.contains("outside the scanned folder"))
            expectNoLeak(result)
        }
        try setup.repo.write(".rampart.yml", "baseline: \(setup.outside.path)/credentials\n")
        let baseline = try setup.run(["scan", "."])
        #expect(baseline.status == 2)
        expectNoLeak(baseline)
        // A .rampart.yml that is a link to a file elsewhere is not read.
        try FileManager.default.removeItem(atPath: setup.repo.path + "/.rampart.yml")
        try setup.repo.symlink(".rampart.yml", to: setup.outside.path + "/credentials")
        let linked = try setup.run(["scan", "."])
        #expect(linked.status == 2)
        expectNoLeak(linked)
    }

    // 2. Credentials and crawls only where the person running Rampart chose.
    @Test func repositoryCannotChooseWhereCredentialsGo() throws {
        let setup = try Setup()
        try setup.repo.write(".rampart.yml", "web:\n  target: http://169.254.169.254/\n")
        let target = try setup.run(["scan", "."], env: ["RAMPART_WEB_USERNAME": "u", "RAMPART_WEB_PASSWORD": "hunter2"])
        #expect(target.status == 2, "\(target.errors)")
        #expect(target.errors.contains(TrustedOrigins.variable))
        try setup.repo.write(".rampart.yml", "web:\n  target: http://127.0.0.1:9/\n  login: {url: \"http://evil.example/login\"}\n")
        let login = try setup.run(["scan", "."], env: ["RAMPART_WEB_USERNAME": "u", "RAMPART_WEB_PASSWORD": "hunter2"])
        #expect(login.status == 2, "\(login.errors)")
        #expect(!login.errors.contains("hunter2"))
        // Listed by the person running Rampart, the same origin is accepted.
        try setup.repo.write(".rampart.yml", "web:\n  target: https://staging.example.org/\n")
        let allowed = try setup.run(["config", "check", "."], env: [TrustedOrigins.variable: "https://staging.example.org"])
        #expect(allowed.status == 0, "\(allowed.errors)")
        // A task tracker's token goes to the CI's API only.
        try setup.repo.write("rampart.yml", """
            stages:
              commit:
                activities:
                  - secrets
            tasks:
              target: github
              repository: a/b
              api_url: https://evil.example/api
            """)
        let tasks = try setup.run(["pipeline", "run", ".", "--tasks", "--no-history"], env: ["GITHUB_TOKEN": "ghp_canarytoken", "GITHUB_REPOSITORY": "a/b"])
        #expect(tasks.status == 2, "\(tasks.errors)")
        #expect(tasks.errors.contains("api_url"))
        #expect(!(tasks.output + tasks.errors).contains("ghp_canarytoken"))
    }

    @Test func repositoryCannotChooseHostsKeysOrFilesOutside() throws {
        let setup = try Setup()
        for (section, refusal) in [("host:\n  target: local\n", TrustedOrigins.variable), ("host:\n  target: ssh://ci@10.1.2.3:22\n", TrustedOrigins.variable),
                                   ("host:\n  target: \"dir:/\"\n", "outside the scanned folder"),
                                   ("host:\n  target: \"dir:.\"\n  known_hosts: \(setup.outside.path)/README.md\n  accept_new_host_key: true\n", "--known-hosts"),
                                   ("host:\n  target: \"dir:.\"\n  identity: ~/.ssh/id_ed25519\n", "--identity"),
                                   ("host:\n  target: \"dir:.\"\n  waivers: \(setup.outside.path)/credentials\n", "outside the scanned folder")] {
            try setup.repo.write(".rampart.yml", section)
            let result = try setup.run(["scan", "."])
            #expect(result.status == 2, "\(section)")
            #expect(result.errors.contains(refusal), "\(section): \(result.errors)")
            expectNoLeak(result)
        }
        #expect(setup.outside.read("README.md") == "precious\n")
        try setup.repo.write(".rampart.yml", "host:\n  target: local\n")
        #expect(try setup.run(["config", "check", "."], env: [TrustedOrigins.variable: "local"]).status == 0)
    }

    // 4. Writes outside the repository through symlinks.
    @Test func tasksAndInitDoNotWriteThroughSymlinks() throws {
        let setup = try Setup()
        try setup.repo.write("app.py", "eval(input())\n")
        try setup.repo.mkdir(".rampart")
        try setup.repo.symlink(".rampart/tasks", to: setup.outside.path)
        let tasks = try setup.run(["tasks", "."])
        #expect(tasks.status != 0)
        #expect(setup.outside.read("README.md") == "precious\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: setup.outside.path).sorted() == ["README.md", "credentials"])
        try setup.repo.symlink(".github", to: setup.outside.path)
        let initialise = try setup.run(["init", ".", "--force"])
        #expect(initialise.status != 0)
        #expect(!FileManager.default.fileExists(atPath: setup.outside.path + "/workflows"))
        try setup.repo.symlink("rampart.gitlab-ci.yml", to: setup.outside.path + "/README.md")
        _ = try setup.run(["init", ".", "--force"])
        #expect(setup.outside.read("README.md") == "precious\n")
    }

    @Test func pipelineReportsAndHistoryStayInside() throws {
        let setup = try Setup()
        try setup.repo.write("app.py", "print(1)\n")
        try setup.repo.write("rampart.yml", """
            stages:
              commit:
                activities:
                  - secrets
            reports:
              - {format: json, output: \(setup.outside.path)/report.json}
            """)
        let absolute = try setup.run(["pipeline", "run", ".", "--no-history"])
        #expect(absolute.status != 0)
        #expect(!FileManager.default.fileExists(atPath: setup.outside.path + "/report.json"))
        try setup.repo.write("rampart.yml", "stages:\n  commit:\n    activities:\n      - secrets\n")
        try setup.repo.symlink(".rampart", to: setup.outside.path)
        let history = try setup.run(["pipeline", "run", "."])
        #expect(history.status == 2, "\(history.errors)")
        #expect(!FileManager.default.fileExists(atPath: setup.outside.path + "/findings.db"))
    }

    // 5. Commands from the repository's git configuration.
    @Test func gitConfigurationOfTheRepositoryRunsNothing() throws {
        let setup = try Setup()
        let repo = setup.repo
        try repo.git("init", "-q", ".")
        try repo.write("a.txt", "one\n")
        try repo.write(".gitattributes", "*.txt filter=evil\n")
        try repo.git("add", ".")
        try repo.git("commit", "-qm", "one")
        try repo.write("a.txt", "two token = 'ghp_012345678901234567890123456789abcdef'\n")
        try repo.git("add", "a.txt")
        try repo.write("a.txt", "three\n")
        // Set last: the test's own git would run them otherwise.
        let canary = setup.outside.path + "/PWNED"
        try repo.git("config", "core.fsmonitor", "touch \(canary)-fsmonitor; false")
        try repo.git("config", "filter.evil.clean", "touch \(canary)-clean; cat")
        try repo.git("config", "core.hooksPath", setup.outside.path)
        for arguments in [["secrets", ".", "--staged"], ["scan", ".", "--since", "HEAD"], ["secrets", ".", "--history", "--since", "HEAD"], ["files", ".", "--since", "HEAD"]] {
            _ = try setup.run(arguments)
            #expect(!FileManager.default.fileExists(atPath: canary + "-fsmonitor"), "\(arguments)")
            #expect(!FileManager.default.fileExists(atPath: canary + "-clean"), "\(arguments)")
        }
    }

    // 6. Terminal and log injection.
    @Test func fileNamesCannotForgeOrHideOutput() throws {
        let setup = try Setup()
        let name = "x.env\n\nGate passed: no finding\u{1B}[8m\u{1B}]0;owned\u{07}"
        try setup.repo.write(name, "GITHUB_TOKEN=ghp_012345678901234567890123456789abcdef\n")
        for arguments in [["secrets", "."], ["files", "."], ["scan", ".", "--verbose"]] {
            let result = try setup.run(arguments)
            let all = result.output + result.errors
            #expect(!all.contains("\u{1B}"), "\(arguments): an escape sequence reached the terminal")
            #expect(!all.contains("\u{07}"), "\(arguments)")
            #expect(!all.split(separator: "\n").contains { $0.hasPrefix("Gate passed: no finding") }, "\(arguments): a forged line")
            #expect(all.contains("x.env\\n\\nGate passed"), "\(arguments): the name is shown escaped")
        }
    }

    @Test func historyReportsNamesExactly() throws {
        let setup = try Setup()
        let repo = setup.repo
        try repo.git("init", "-q", ".")
        let name = "a\u{07}b\tc.env"
        try repo.write(name, "GITHUB_TOKEN=ghp_012345678901234567890123456789abcdef\n")
        try repo.git("add", ".")
        try repo.git("commit", "-qm", "one")
        let json = repo.path + "/../history-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: json) }
        _ = try setup.run(["secrets", ".", "--history", "--format", "json", "--output", json])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let paths = ((object["findings"] as? [[String: Any]]) ?? []).compactMap { ($0["location"] as? [String: Any])?["path"] as? String }
        #expect(paths.contains(name), "\(paths)")
    }

    // 7. Dependencies: no manifest is skipped in silence.
    @Test func manifestsAreNeverSkippedInSilence() throws {
        let setup = try Setup()
        let advisories = PythonOracle.packageRoot + "/examples/demo/advisories/osv-sample.json"
        try setup.repo.write("real/reqs.txt", "flask==0.12.2\n")
        try setup.repo.symlink("requirements.txt", to: "real/reqs.txt")
        let json = setup.repo.path + "/deps.json"
        let linked = try setup.run(["deps", ".", "--advisories", advisories, "--allow-stale", "--fail-on", "low", "--format", "json", "--output", json])
        #expect(linked.status == 1, "a symlink inside the repository is followed and its pins checked: \(linked.errors)")
        #expect(try String(contentsOfFile: json, encoding: .utf8).contains("flask"))
        // A lockfile over max_file_size is still read (the deps scanner has its own caps).
        try FileManager.default.removeItem(atPath: setup.repo.path + "/requirements.txt")
        var lock = "version = 1\n"
        for index in 0..<100 { lock += "\n[[package]]\nname = \"pkg\(index)\"\nversion = \"1.0.\(index)\"\n" }
        lock += "\n[[package]]\nname = \"flask\"\nversion = \"0.12.2\"\n"
        try setup.repo.write("uv.lock", lock)
        try setup.repo.write(".rampart.yml", "max_file_size: 1KB\n")
        let large = try setup.run(["deps", ".", "--advisories", advisories, "--allow-stale", "--fail-on", "low", "--format", "json", "--output", json])
        #expect(large.status == 1, "\(large.errors)")
        #expect(try String(contentsOfFile: json, encoding: .utf8).contains("uv.lock"))
        // A manifest linked out of the repository is an error, not a pass.
        try FileManager.default.removeItem(atPath: setup.repo.path + "/uv.lock")
        try setup.repo.symlink("requirements.txt", to: setup.outside.path + "/credentials")
        let outside = try setup.run(["deps", ".", "--advisories", advisories, "--allow-stale", "--fail-on", "low", "--format", "json", "--output", json])
        #expect(outside.status == 3, "\(outside.errors)")
        expectNoLeak(outside, [json])
    }

    // 8. Names that are not UTF-8 are scanned, and shown escaped.
    @Test func namesThatAreNotUTF8AreScanned() throws {
        let setup = try Setup()
        let name: [UInt8] = Array("conf".utf8) + [0xE9, 0xFF] + Array(".env".utf8)
        let path = Array(setup.repo.path.utf8) + [0x2F] + name
        let fd = (path.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        #expect(fd >= 0)
        let text = "GITHUB_TOKEN=ghp_012345678901234567890123456789abcdef\n"
        _ = text.withCString { write(fd, $0, strlen($0)) }
        close(fd)
        let tree = try setup.run(["secrets", "."])
        #expect(tree.status == 1, "\(tree.errors)")
        #expect(tree.output.contains("conf\\xE9\\xFF.env"))
        try setup.repo.git("init", "-q", ".")
        try setup.repo.git("add", ".")
        try setup.repo.git("commit", "-qm", "one")
        let history = try setup.run(["secrets", ".", "--history"])
        #expect(history.status == 1, "\(history.errors)")
        #expect(history.output.contains("conf\\xE9\\xFF.env"), "\(history.output)")
    }

    // 14. Smaller diagnostics.
    @Test func configCheckJudgesWhatScanLoads() throws {
        let setup = try Setup()
        try setup.repo.write("dir/.rampart.yml", "severity: loud\n")
        #expect(try setup.run(["config", "check", "dir/.rampart.yml"]).status == 2)
        #expect(try setup.run(["scan", "dir"]).status == 2)
        try setup.repo.write("dir/.rampart.yml", "docs_base_url: \"javascript:alert(1)//\"\n")
        #expect(try setup.run(["config", "check", "dir"]).status == 2)
        #expect(mkfifo(setup.repo.path + "/fifo", 0o600) == 0)
        let fifo = try setup.run(["config", "check", "fifo"])
        #expect(fifo.status == 2)
        #expect(fifo.errors.contains("not a folder or a configuration file"))
    }
}
