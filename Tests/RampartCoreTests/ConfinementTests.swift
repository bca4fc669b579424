import Foundation
import RampartCore
import RampartTestSupport
import Testing

/// Paths a repository names and writes into a repository: never outside it, through no symlink.
@Suite struct ConfinedRootTests {
    @Test func pathsInsideResolveAndEscapesAreRefused() throws {
        let outside = TemporaryDirectory("outside")
        try outside.write("credentials", "CANARY-do-not-read\n")
        let repo = TemporaryDirectory("repo")
        try repo.write("requirements/base.txt", "flask==2.0.0\n")
        try repo.symlink("linked.txt", to: "requirements/base.txt")
        try repo.symlink("out.txt", to: outside.path + "/credentials")
        try repo.symlink("outdir", to: outside.path)
        try repo.symlink("dangling", to: outside.path + "/not-yet")
        let root = ConfinedRoot(repo.path)

        #expect(root.relative(try root.resolve("base.txt", relativeTo: "requirements")) == "requirements/base.txt")
        #expect(root.relative(try root.resolve("../linked.txt", relativeTo: "requirements")) == "requirements/base.txt", "links inside are followed")
        #expect(root.relative(try root.resolve(repo.path + "/requirements/base.txt")) == "requirements/base.txt", "absolute paths inside are fine")
        #expect(root.relative(try root.resolve("requirements/new.txt")) == "requirements/new.txt", "a missing file is judged by its folder")
        for hostile in ["../../../../etc/passwd", outside.path + "/credentials", "out.txt", "outdir/credentials", "dangling",
                        "requirements/../../x", "/etc/passwd", "a\u{0}b"] {
            #expect(throws: ConfinementError.self, "\(hostile)") { try root.resolve(hostile) }
        }
        let error = try #require(throws: ConfinementError.self) { try root.read("out.txt", limit: 1 << 20) }
        #expect(!error.description.contains("CANARY"), "a refusal names the path, never the content")
        #expect(try root.read("linked.txt", limit: 100) == Array("flask==2.0.0\n".utf8))
    }

    @Test func fifoIsRefusedAtOnce() throws {
        let repo = TemporaryDirectory("repo")
        #expect(mkfifo(repo.path + "/fifo", 0o600) == 0)
        #expect(throws: ConfinementError.self) { try ConfinedRoot(repo.path).read("fifo", limit: 1 << 20) }
    }
}

@Suite struct ConfinedWriterTests {
    @Test func writesCreateFoldersAndReplaceFilesAtomically() throws {
        let repo = TemporaryDirectory("repo")
        let writer = ConfinedWriter(root: repo.path)
        try writer.write(".rampart/tasks/a.md", Array("one".utf8))
        try writer.write(".rampart/tasks/a.md", Array("two".utf8))
        #expect(repo.read(".rampart/tasks/a.md") == "two")
        try writer.write(repo.path + "/b.txt", Array("abs".utf8))
        #expect(repo.read("b.txt") == "abs")
        #expect(try FileManager.default.contentsOfDirectory(atPath: repo.path + "/.rampart/tasks") == ["a.md"], "no temporary file is left")
    }

    @Test func noSymlinkIsFollowedAtAnyComponent() throws {
        let outside = TemporaryDirectory("outside")
        try outside.write("README.md", "precious\n")
        try outside.write("target.txt", "precious\n")
        let repo = TemporaryDirectory("repo")
        try repo.mkdir(".rampart")
        try repo.symlink(".rampart/tasks", to: outside.path)
        try repo.symlink(".github", to: outside.path)
        try repo.symlink("report.json", to: outside.path + "/target.txt")
        let writer = ConfinedWriter(root: repo.path)
        for path in [".rampart/tasks/README.md", ".github/workflows/rampart.yml", "report.json", "../escape.txt", outside.path + "/README.md"] {
            #expect(throws: ConfinementError.self, "\(path)") { try writer.write(path, Array("overwritten".utf8)) }
        }
        #expect(throws: ConfinementError.self) { try writer.preparedPath(".rampart/tasks/findings.db") }
        #expect(throws: ConfinementError.self) { try writer.makeFolder(".github/workflows") }
        #expect(outside.read("README.md") == "precious\n")
        #expect(outside.read("target.txt") == "precious\n")
        #expect(!FileManager.default.fileExists(atPath: outside.path + "/workflows"))
        #expect(writer.exists("report.json"), "a symlink exists, even when it points nowhere Rampart writes")
    }
}

@Suite struct TextEscapingTests {
    @Test func controlCharactersBecomeVisibleEscapes() {
        #expect(TextEscaping.escape("x.env\n\nGate passed: no finding\u{1B}[8m") == "x.env\\n\\nGate passed: no finding\\e[8m")
        #expect(TextEscaping.escape("\u{1B}]0;title\u{07}") == "\\e]0;title\\x07")
        #expect(TextEscaping.escape("a\u{202E}b\u{9B}c\u{7F}") == "a\\u{202E}b\\x9Bc\\x7F")
        #expect(TextEscaping.escape("plain\\path é 日本") == "plain\\path é 日本", "ordinary text is untouched")
        #expect(TextEscaping.escape("a\\b\n") == "a\\\\b\\n", "backslashes doubled once escapes appear")
        #expect(TextEscaping.escapeKeepingLines("line 1\n\tline \u{1B}[2J2") == "line 1\n\tline \\e[2J2")
    }

    @Test func excerptsAreShortAndRedacted() {
        let excerpt = Redaction.excerpt("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        #expect(!excerpt.contains("wJalrXUtnFEMI/K7MDENG"))
        #expect(Redaction.excerpt("password=hunter2hunter2").contains("hu"))
        #expect(!Redaction.excerpt("password=hunter2hunter2").contains("hunter2hunter2"))
        #expect(!Redaction.excerpt("token: ghp_012345678901234567890123456789abcd").contains("012345678901234567890"))
        #expect(Redaction.excerpt(String(repeating: "word ", count: 100)).count <= 41)
        #expect(!Redaction.excerpt("x\u{1B}[8m").contains("\u{1B}"))
    }
}

@Suite struct TrustedOriginsTests {
    @Test func onlyChosenOriginsAndLoopback() {
        let trusted = TrustedOrigins(environment: [TrustedOrigins.variable: "https://staging.example.org, http://10.0.0.5:8080"], chosen: ["https://api.github.com"])
        #expect(trusted.allows("https://staging.example.org/login"))
        #expect(trusted.allows("https://STAGING.example.org:443/"))
        #expect(trusted.allows("http://10.0.0.5:8080/x"))
        #expect(trusted.allows("https://api.github.com/repos/a/b"))
        #expect(!trusted.allows("http://staging.example.org/"), "the scheme is part of the origin")
        #expect(!trusted.allows("https://evil.example/"))
        #expect(!trusted.allows("http://10.0.0.5/"))
        #expect(trusted.allowsFromRepository("http://127.0.0.1:5000/"))
        #expect(trusted.allowsFromRepository("http://localhost:8000/"))
        #expect(trusted.allowsFromRepository("http://[::1]:8000/"))
        #expect(!trusted.allowsFromRepository("http://169.254.169.254/latest/meta-data/"))
        #expect(!trusted.allowsFromRepository("http://127.0.0.1.evil.example/"))
        #expect(trusted.refusal("http://169.254.169.254/", purpose: "scan")?.contains(TrustedOrigins.variable) == true)
    }
}

@Suite struct GitNeutralisationTests {
    /// The repository's configuration names programs; none of them may run.
    @Test func repositoryConfigurationRunsNothing() throws {
        let canaries = TemporaryDirectory("canary")
        let repo = TemporaryDirectory("repo")
        try repo.git("init", "-q", ".")
        try repo.write("a.txt", "one\n")
        try repo.write(".gitattributes", "*.txt filter=evil diff=evil\n")
        try repo.git("add", "a.txt", ".gitattributes")
        try repo.git("commit", "-qm", "one")
        try repo.git("config", "core.fsmonitor", "touch \(canaries.path)/fsmonitor; false")
        try repo.git("config", "filter.evil.clean", "touch \(canaries.path)/clean; cat")
        try repo.git("config", "filter.evil.smudge", "touch \(canaries.path)/smudge; cat")
        try repo.git("config", "filter.evil.required", "true")
        try repo.git("config", "diff.evil.textconv", "touch \(canaries.path)/textconv; cat")
        try repo.git("config", "diff.external", "touch \(canaries.path)/extdiff")
        try repo.git("config", "gpg.program", "touch \(canaries.path)/gpg")
        try repo.git("config", "core.pager", "touch \(canaries.path)/pager")
        try repo.write("a.txt", "two\n")
        for arguments in [["diff", "--name-only", "HEAD", "--"], ["status", "--porcelain"], ["ls-files", "--others", "--exclude-standard"],
                          ["log", "-p", "--no-ext-diff", "--no-textconv", "--format=%G?"], ["diff", "--cached", "--no-ext-diff", "--no-textconv"]] {
            let result = try RampartCore.Git.run(root: repo.path, arguments, timeout: .seconds(60))
            #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: canaries.path).isEmpty, "no program of the repository's configuration ran")
        // The same command without the neutralisation does run them: the test can fail.
        _ = try? ProcessRunner.run("/usr/bin/env", ["git", "status", "--porcelain"], in: repo.path)
        #expect(FileManager.default.fileExists(atPath: canaries.path + "/fsmonitor") || FileManager.default.fileExists(atPath: canaries.path + "/clean"))
    }
}

/// One file that never finishes must not take the others' findings with it.
@Suite struct PerFileBoundTests {
    @Test(.timeLimit(.minutes(1))) func aHangingFileIsNotCheckedAndTheOthersAreReported() async throws {
        var configuration = Configuration()
        configuration.fileTimeout = 0.5
        configuration.jobs = 2
        let dir = TemporaryDirectory()
        for name in ["a.py", "hang.py", "b.py"] { try dir.write(name, "x\n") }
        let files = ["a.py", "hang.py", "b.py"].map { SourceFile(path: $0, size: 2) }
        let context = ScanContext(root: dir.path, files: files, configuration: configuration)
        let output = await context.forEachFile(scanner: "test", where: { _ in true }) { file, _ in
            if file.path == "hang.py" { Thread.sleep(forTimeInterval: 30) }
            let rule = RuleMetadata(id: RuleID(scanner: "test", code: "T1"), aliases: [], title: "t", severity: .low, confidence: .high,
                                    cwe: [], owasp: nil, tags: [], documentation: "", examples: [])
            return [Finding(rule: rule, location: .source(SourceLocation(path: file.path, line: 1, column: 1)), message: "seen")]
        }
        #expect(Set(output.findings.compactMap(\.location.path)) == ["a.py", "b.py"])
        #expect(output.diagnostics.contains { $0.code == "file-timeout" && $0.path == "hang.py" && $0.level == .error })
    }
}

@Suite struct PathBytesTests {
    @Test func namesThatAreNotUTF8RoundTrip() {
        let cases: [[UInt8]] = [Array("plain.py".utf8), [0x63, 0x61, 0x66, 0xE9, 0x2E, 0x65, 0x6E, 0x76], [0xFF, 0xFE], [0xC3], Array("é".utf8) + [0x80],
                                Array("\u{10FF85}".utf8), [0xE2, 0x82], Array("日本".utf8)]
        for bytes in cases {
            let decoded = PathBytes.decode(bytes)
            #expect(PathBytes.encode(decoded) == bytes, "\(bytes)")
        }
        #expect(PathBytes.decode(Array("plain.py".utf8)) == "plain.py")
        #expect(TextEscaping.escape(PathBytes.decode([0x63, 0xE9, 0x2E, 0x65, 0x6E, 0x76])) == "c\\xE9.env")
    }

    @Test func theWalkScansThemAndReadsTheirBytes() throws {
        let dir = TemporaryDirectory()
        let name: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x2E, 0x65, 0x6E, 0x76]
        let path = Array(dir.path.utf8) + [0x2F] + name
        let fd = (path.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        #expect(fd >= 0)
        _ = "TOKEN=x\n".withCString { write(fd, $0, 8) }
        close(fd)
        let decoded = PathBytes.decode(name)
        #expect(try FileReader.read(dir.path + "/" + decoded, limit: 100) == Array("TOKEN=x\n".utf8))
    }
}

/// TOML that the TOML parser (toml++) must never see: found by fuzzing, where it asserted.
@Suite struct TOMLPrecheckTests {
    @Test func whatTOMLForbidsIsRefusedWithItsLine() {
        #expect(TOMLPrecheck.problem(in: "[package]\nname = \"é\" # é\nx = '''\né\n'''\ny = \"\"\"a\"\"\"\"\"\n") == nil)
        #expect(TOMLPrecheck.problem(in: "a = 1\n[\u{FFFD}\u{FFFD}]\n")?.line == 2)
        #expect(TOMLPrecheck.problem(in: "[[package]]\nname = \"rein\"\n[package.depen\u{0}\u{0}dencies]\n")?.line == 3)
        #expect(TOMLPrecheck.problem(in: "é = 1\n") != nil)
        #expect(TOMLPrecheck.problem(in: "a = \"x\\\"\"\nb = 'y'\n") == nil, "an escaped quote does not close a string")
        #expect(TOMLPrecheck.problem(in: "a = \"open\nb = 1\n")?.line == 1)
        #expect(TOMLPrecheck.problem(in: "a = '''never closed\n") != nil)
        // Found by fuzzing the check itself: nesting is bounded, not a stack overflow.
        #expect(TOMLPrecheck.problem(in: "b = " + String(repeating: "[", count: 100_000))?.message.contains("nested") == true)
        #expect(TOMLPrecheck.problem(in: "b = [[[1], {x = [2]}], []]\n") == nil)
    }
}
