import Foundation
import RampartCore
@testable import RampartSecrets
import RampartTestSupport
import Testing

@Suite struct SecretsScannerTests {
    let token = Tokens.github()

    @Test func findsRedactsAndValidates() async throws {
        let dir = TemporaryDirectory()
        try dir.write("app/settings.py", "GITHUB_TOKEN = \"\(token)\"\n")
        let report = try await scanSecrets(dir.path)
        let finding = try #require(report.findings.first { $0.ruleId.rawValue == "secrets/github-pat" })
        #expect(finding.confidence == .high)
        #expect(finding.secret?.validated == true)
        #expect(finding.secret?.length == 40)
        #expect(finding.secret?.redacted == "ghp_********(40)")
        #expect(finding.secret?.plaintext == nil)
        guard case .source(let location) = finding.location else { Issue.record("not a source finding"); return }
        #expect(location.line == 1 && location.column == 17)
        #expect(!(location.snippet ?? "").contains(token))
        #expect(!finding.message.contains(token))
        // The generic detector does not report the same secret again.
        #expect(report.findings.count == 1)
    }

    @Test func showSecretsShowsThem() async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.env", "TOKEN=\(token)\n")
        let report = try await scanSecrets(dir.path, options: SecretsOptions(showSecrets: true))
        let finding = try #require(report.findings.first)
        #expect(finding.secret?.plaintext == token)
        #expect(finding.message.contains(token))
    }

    @Test func fingerprintFollowsTheSecretNotTheLine() async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.env", "TOKEN=\(token)\n")
        let first = try await scanSecrets(dir.path).findings.first?.fingerprint
        try dir.write("a.env", "# moved down\n\n\nTOKEN=\(token)\n")
        let moved = try await scanSecrets(dir.path).findings.first?.fingerprint
        try dir.write("a.env", "# moved down\n\n\nTOKEN=\(Tokens.github(random: "Zq8Lm3Vx9Kt2Pw7Nb4Rc1Yd6Hf0Ja5"))\n")
        let other = try await scanSecrets(dir.path).findings.first?.fingerprint
        #expect(first != nil && first == moved)
        #expect(other != nil && other != first)
    }

    @Test func testPathsLowerConfidence() async throws {
        let dir = TemporaryDirectory()
        try dir.write("tests/test_client.py", "API_KEY = \"q8Vf3LkR9xT2mWz7PbN4sYc1\"\n")
        try dir.write("src/client.py", "API_KEY = \"q8Vf3LkR9xT2mWz7PbN4sYc1\"\n")
        let report = try await scanSecrets(dir.path)
        #expect(report.findings.first { $0.location.path == "src/client.py" }?.confidence == .medium)
        #expect(report.findings.first { $0.location.path == "tests/test_client.py" }?.confidence == .low)
    }

    @Test(arguments: ["gitleaks:allow", "pragma: allowlist secret", "trufflehog:ignore"])
    func otherToolsAllowMarkers(_ marker: String) async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.env", "TOKEN=\(token) # \(marker)\n")
        let report = try await scanSecrets(dir.path)
        #expect(report.findings.count == 1)
        #expect(report.findings.allSatisfy { $0.isSuppressed })
    }

    @Test func documentedExampleKeysAreNeverFindings() async throws {
        let dir = TemporaryDirectory()
        try dir.write("aws.env", """
        AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
        AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
        STRIPE_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc
        AZURITE=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;
        JWT=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c

        """)
        let report = try await scanSecrets(dir.path)
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.ruleId) \($0.location.display)" })")
    }

    @Test func hostileFilesAreScannedOrSkippedWithoutCrashing() async throws {
        let dir = TemporaryDirectory()
        // Invalid UTF-8 around a secret, NUL-free so discovery treats it as text.
        try dir.write("latin1.env", bytes: [0xE9, 0xFF, 0x0A] + Array("TOKEN=\(token)".utf8) + [0xC3, 0x0A])
        // A long line without newlines, with a secret near its end.
        var long = [UInt8](repeating: UInt8(ascii: "a"), count: 3_000_000)
        long += Array(" token=\(token) ".utf8)
        try dir.write("long.txt", bytes: long)
        // Keyword soup: many keyword hits, no secret.
        try dir.write("soup.txt", String(repeating: "password=token=secret=api_key= ", count: 50_000))
        var configuration = Configuration()
        configuration.maxFileSize = 8 << 20
        let report = try await scanSecrets(dir.path, configuration: configuration)
        #expect(report.findings.contains { $0.location.path == "latin1.env" })
        #expect(report.findings.contains { $0.location.path == "long.txt" })
        #expect(!report.findings.contains { $0.location.path == "soup.txt" })
    }
}

@Suite struct GitleaksConfigTests {
    @Test func customRulesAllowlistsAndExtend() async throws {
        let dir = TemporaryDirectory()
        try dir.write(".gitleaks.toml", """
        [extend]
        useDefault = true

        [[rules]]
        id = "acme-token"
        description = "ACME token"
        regex = '''acme_(?P<tok>[a-z0-9]{24})'''
        secretGroup = 1
        keywords = ["acme_"]
        entropy = 3.0
        [[rules.allowlists]]
        stopwords = ["ffffffff"]

        [[rules]]
        id = "keystore"
        description = "Keystore file"
        path = '''\\.keystore$'''

        [allowlist]
        paths = ['''^vendor/''']
        """)
        try dir.write("app.env", "A=acme_k3j9x8v2m1q7w4e6r5t0y2u8\nB=acme_ffffffffk3j9x8v2m1q7w4e6\n")
        try dir.write("vendor/app.env", "A=acme_k3j9x8v2m1q7w4e6r5t0y2u8\n")
        try dir.write("my.keystore", "binary-ish\n")
        try dir.write("gh.env", "T=\(Tokens.github())\n")
        let report = try await scanSecrets(dir.path)
        let found = Set(report.findings.map { "\($0.ruleId.code) \($0.location.path ?? "")" })
        #expect(found == ["acme-token app.env", "keystore my.keystore", "github-pat gh.env"])
    }

    @Test func withoutExtendOnlyTheFilesRulesRun() throws {
        let config = try GitleaksConfig.parse("""
        [[rules]]
        id = "x"
        regex = '''x_[0-9]{8}'''
        """, file: "g.toml")
        let scanner = SecretsScanner(options: { var o = SecretsOptions(); o.gitleaks = config; return o }())
        let engine = try scanner.engine(Configuration())
        #expect(engine.detectors.map(\.metadata.id.code) == ["x"])
    }

    @Test func errorsNameTheRule() {
        #expect(throws: GitleaksConfig.Failure.self) { try GitleaksConfig.parse("[[rules]]\nid = \"bad\"\nregex = '''(unclosed'''\n", file: "g.toml") }
        #expect(throws: GitleaksConfig.Failure.self) { try GitleaksConfig.parse("[[rules]]\ndescription = \"no id\"\n", file: "g.toml") }
        #expect(throws: GitleaksConfig.Failure.self) { try GitleaksConfig.parse("not toml = = =", file: "g.toml") }
    }
}

@Suite struct KnownSecretsTests {
    @Test func detectSecretsBaselineAndGitleaksIgnore() async throws {
        let dir = TemporaryDirectory()
        let token = Tokens.github()
        let other = Tokens.github(random: "Zq8Lm3Vx9Kt2Pw7Nb4Rc1Yd6Hf0Ja5")
        try dir.write("a.env", "T=\(token)\n")
        try dir.write("b.env", "T=\(other)\nU=\(token)\n")
        try dir.write(".secrets.baseline", """
        {"version": "1.5.0", "results": {"a.env": [{"type": "GitHub Token", "filename": "a.env", "hashed_secret": "\(KnownSecrets.sha1(token))", "is_verified": false, "line_number": 1}]}}
        """)
        try dir.write(".gitleaksignore", "# triaged\nb.env:github-pat:1\n")
        let report = try await scanSecrets(dir.path)
        let state = Dictionary(uniqueKeysWithValues: report.findings.map { ($0.location.display, $0.isSuppressed) })
        #expect(state["a.env:1:3"] == true)
        #expect(state["b.env:1:3"] == true)
        #expect(state["b.env:2:3"] == false)
    }
}

@Suite struct SecretEngineTests {
    /// 200 MB without a newline, with keywords every few KB and a secret near the end: the engine
    /// reads it in one pass and finds the secret; nothing is quadratic in the line length.
    @Test func twoHundredMegabytesWithoutNewlines() async throws {
        let engine = try SecretsScanner().engine(RampartCore.Configuration())
        let codes = try await offPool {
            var bytes = [UInt8](repeating: UInt8(ascii: "q"), count: 200 << 20)
            let decoy = Array(" password= token= ".utf8)
            for offset in stride(from: 1000, to: bytes.count - 10_000, by: 4096) {
                bytes.replaceSubrange(offset..<(offset + decoy.count), with: decoy)
            }
            let secret = Array(" GITHUB_TOKEN=\(Tokens.github()) ".utf8)
            bytes.replaceSubrange((bytes.count - 500)..<(bytes.count - 500 + secret.count), with: secret)
            return engine.scan(bytes, path: "huge.txt").map { engine.detectors[$0.detector].metadata.id.code }
        }
        #expect(codes == ["github-pat"])
    }
}

@Suite struct VerifierSeamTests {
    struct Fixed: SecretVerifier {
        let live: Set<String>
        func verify(rule: RuleID, secret: String) async -> SecretVerification? {
            rule.code == "github-pat" ? (live.contains(secret) ? .live : .rejected) : nil
        }
    }

    @Test func verifierAnswersTagFindingsAndSecretsStayRedacted() async throws {
        let dir = TemporaryDirectory()
        let live = Tokens.github()
        let dead = Tokens.github(random: "Zq8Lm3Vx9Kt2Pw7Nb4Rc1Yd6Hf0Ja5")
        try dir.write("a.env", "A=\(live)\nB=\(dead)\n")
        var options = SecretsOptions()
        options.verifier = Fixed(live: [live])
        let findings = try await scanSecrets(dir.path, options: options).findings
        #expect(findings.count == 2)
        #expect(findings[0].tags.contains("verified:live") && findings[0].severity == .critical)
        #expect(findings[1].tags.contains("verified:rejected") && findings[1].severity == .high)
        #expect(findings.allSatisfy { $0.secret?.plaintext == nil })
    }
}

/// A line of decoys or a pathological pattern must not hide a secret, nor pass in silence.
@Suite struct RegexLimitTests {
    @Test func decoysBeforeASecretDoNotHideIt() async throws {
        let dir = TemporaryDirectory()
        try dir.write("config.env", String(repeating: "password=", count: 20_000) + "password=\"Xy7kq9Lm2Pz4wQ8rT5\"\n")
        let report = try await scanSecrets(dir.path)
        #expect(report.findings.contains { $0.ruleId.rawValue == "secrets/generic-secret" }, "\(report.diagnostics.map(\.display))")
    }

    @Test func aPatternThatGivesUpIsReportedAndTheRestIsSearched() async throws {
        let dir = TemporaryDirectory()
        // A custom rule that backtracks exponentially on a run of `a`s, then a real match later on another line.
        let config = try GitleaksConfig.parse("""
            [[rules]]
            id = "catastrophic"
            regex = '''(a|aa)+(a|aa)+$'''
            keywords = ["a"]
            [[rules]]
            id = "plain"
            regex = '''key-[0-9]{6}'''
            keywords = ["key-"]
            """, file: "g.toml")
        var options = SecretsOptions()
        options.gitleaks = config
        try dir.write("a.txt", String(repeating: "a", count: 5_000) + "b\nkey-123456\n" + String(repeating: "a", count: 3_000) + "!\n")
        let report = try await scanSecrets(dir.path, options: options)
        let limit = try #require(report.diagnostics.first { $0.code == "regex-limit" })
        #expect(limit.level == .error && limit.path == "a.txt" && limit.line == 1)
        #expect(report.exitCode == 3, "a region not fully searched cannot pass")
        #expect(report.findings.contains { $0.ruleId.rawValue == "secrets/plain" }, "the rest of the file was searched")
    }
}
