import Foundation
import RampartCore
@testable import RampartSecrets
import RampartTestSupport
import Testing

@Suite struct GitHistoryTests {
    func history(_ dir: TemporaryDirectory, source: SecretsSource = .history) async throws -> ScanReport {
        var options = SecretsOptions()
        options.source = source
        return try await scanSecrets(dir.path, options: options)
    }

    @Test func aSecretAddedThenRemovedIsFoundOnceAtItsCommit() async throws {
        let dir = TemporaryDirectory()
        try await dir.gitDetached("init", "-q")
        try dir.write("app.py", "x = 1\n")
        try await dir.gitDetached("add", ".")
        try await dir.gitDetached("commit", "-qm", "start")
        try dir.write("app.py", "x = 1\nGITHUB_TOKEN = \"\(Tokens.github())\"\n")
        try await dir.gitDetached("commit", "-qam", "add the token")
        let added = try await dir.gitDetached("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try dir.write("app.py", "x = 1\n")
        try await dir.gitDetached("commit", "-qam", "remove the token")
        // The same secret again later, in the same file: still reported once, at the first commit.
        try dir.write("app.py", "x = 1\n\nGITHUB_TOKEN = \"\(Tokens.github())\"\n")
        try await dir.gitDetached("commit", "-qam", "add it back")

        let report = try await history(dir)
        let findings = report.findings.filter { $0.ruleId.code == "github-pat" }
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.commit?.sha == added)
        #expect(finding.commit?.summary == "add the token")
        #expect(finding.commit?.author == "Rampart Tests")
        #expect(finding.location.display == "app.py:2:17")
        #expect(!report.diagnostics.contains { $0.level == .error })
    }

    /// A pull request's history scan reads only the commits the base does not have.
    @Test func historySinceABaseReadsOnlyNewCommits() async throws {
        let dir = TemporaryDirectory()
        try await dir.gitDetached("init", "-q")
        try dir.write("old.env", "GITHUB_TOKEN=\(Tokens.github())\n")
        try await dir.gitDetached("add", ".")
        try await dir.gitDetached("commit", "-qm", "old secret on main")
        try await dir.gitDetached("checkout", "-qb", "feature")
        try dir.write("new.yml", "database:\n  password: Zr7#kP2v!Lq9xW4m\n")
        try await dir.gitDetached("add", ".")
        try await dir.gitDetached("commit", "-qm", "feature work")
        var options = SecretsOptions()
        options.source = .history
        options.historySince = "main"
        let report = try await scanSecrets(dir.path, options: options)
        #expect(report.findings.map(\.location.path) == ["new.yml"])
        #expect(!report.diagnostics.contains { $0.level == .error })
        // A ref that does not exist is an error, not an empty success.
        options.historySince = "no-such-branch"
        let broken = try await scanSecrets(dir.path, options: options)
        #expect(broken.diagnostics.contains { $0.level == .error })
    }

    @Test func sideBranchesAndBinaryBlobs() async throws {
        let dir = TemporaryDirectory()
        try await dir.gitDetached("init", "-q")
        try dir.write("README", "hello\n")
        try dir.write("blob.bin", bytes: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) } + Array("TOKEN=\(Tokens.github())".utf8))
        try await dir.gitDetached("add", ".")
        try await dir.gitDetached("commit", "-qm", "start")
        try await dir.gitDetached("checkout", "-qb", "side")
        try dir.write("deploy/config.yml", "database:\n  password: Zr7#kP2v!Lq9xW4m\n")
        try await dir.gitDetached("add", ".")
        try await dir.gitDetached("commit", "-qm", "side work")
        try await dir.gitDetached("checkout", "-q", "main")
        let report = try await history(dir)
        let finding = try #require(report.findings.first { $0.location.path == "deploy/config.yml" })
        #expect(finding.commit?.summary == "side work")
        #expect(finding.location.display == "deploy/config.yml:2:13")
        // Binary files have no added lines in a patch: nothing reported, nothing broken.
        #expect(!report.findings.contains { $0.location.path == "blob.bin" })
    }

    @Test func stagedChanges() async throws {
        let dir = TemporaryDirectory()
        try await dir.gitDetached("init", "-q")
        try dir.write("a.py", "x = 1\n")
        try await dir.gitDetached("add", ".")
        try await dir.gitDetached("commit", "-qm", "start")
        try dir.write("a.py", "x = 1\nAPI_KEY = \"q8Vf3LkR9xT2mWz7PbN4sYc1\"\n")
        try dir.write("unstaged.env", "TOKEN=\(Tokens.github())\n")
        try await dir.gitDetached("add", "a.py")
        let report = try await history(dir, source: .staged)
        #expect(report.findings.map(\.location.display) == ["a.py:2:12"])
        #expect(report.findings.first?.commit == nil)
    }

    @Test func notARepositoryIsAnErrorDiagnostic() async throws {
        let dir = TemporaryDirectory()
        let report = try await history(dir)
        #expect(report.diagnostics.contains { $0.code == "git-failed" })
    }

    /// 10,000 commits written with fast-import; the secret in commit 7,000 is found there.
    @Test func tenThousandCommits() async throws {
        let dir = TemporaryDirectory()
        try await dir.gitDetached("init", "-q")
        var stream = ""
        for index in 1...10_000 {
            let content = index == 7_000 ? "TOKEN=\(Tokens.github())\n" : "value = \(index)\n"
            let message = "commit \(index)"
            stream += "commit refs/heads/main\nmark :\(index)\n"
            stream += "committer Rampart Tests <tests@rampart.invalid> \(1_700_000_000 + index) +0000\n"
            stream += "data \(message.utf8.count)\n\(message)\n"
            if index > 1 { stream += "from :\(index - 1)\n" }
            stream += "M 100644 inline file\(index % 50).txt\ndata \(content.utf8.count)\n\(content)\n"
        }
        try dir.write("import.txt", stream)
        let imported = try await dir.runDetached("/bin/sh", ["-c", "git fast-import --quiet < import.txt && rm import.txt"])
        #expect(imported.status == 0, "\(imported.errors)")
        let report = try await history(dir)
        let findings = report.findings.filter { $0.ruleId.code == "github-pat" }
        #expect(findings.count == 1)
        #expect(findings.first?.commit?.summary == "commit 7000")
    }
}

@Suite struct PatchParserTests {
    @Test func addedLinesWithNewLineNumbersAndQuotedPaths() {
        var changes: [PatchParser.FileChange] = []
        var parser = PatchParser { changes.append($0) }
        let patch = """
        \u{1}rampart-commit abc\u{0}A\u{0}a@b\u{0}2024-01-01T00:00:00+00:00\u{0}subject

        diff --git a/x.py b/x.py
        --- a/x.py
        +++ b/x.py
        @@ -3,0 +4,2 @@ def f():
        +one
        +two
        @@ -10 +12 @@
        -old
        +new
        diff --git "a/sp ace\\tx" "b/sp ace\\tx"
        new file mode 100644
        --- /dev/null
        +++ "b/sp ace\\tx"
        @@ -0,0 +1 @@
        +héllo
        diff --git a/gone b/gone
        deleted file mode 100644
        --- a/gone
        +++ /dev/null
        @@ -1 +0,0 @@
        -bye

        """
        // Fed in small pieces, as a pipe delivers it.
        let bytes = Array(patch.utf8)
        for start in stride(from: 0, to: bytes.count, by: 7) {
            bytes[start..<min(bytes.count, start + 7)].withUnsafeBufferPointer { parser.feed($0) }
        }
        parser.finish()
        #expect(changes.count == 2)
        #expect(changes[0].path == "x.py" && changes[0].commitSHA == "abc")
        #expect(String(decoding: changes[0].text, as: UTF8.self) == "one\ntwo\nnew")
        #expect(changes[0].lines == [4, 5, 12])
        #expect(changes[1].path == "sp ace\tx")
        #expect(String(decoding: changes[1].text, as: UTF8.self) == "héllo")
        #expect(parser.commits.count == 1)
    }
}
