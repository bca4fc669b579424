import Foundation
import RampartTestSupport
import Testing

/// No report format, baseline or log line shows a found secret in full unless `--show-secrets`
/// is given. Runs the real binary on the labelled corpus of the secrets tests (and a few secrets
/// of its own), and greps every byte it wrote.
@Suite(.enabled(if: rampartBinary != nil, "the rampart binary is not built; run `swift build` first"))
struct SecretsRedactionTests {
    static let corpus = PythonOracle.packageRoot + "/Tests/RampartSecretsTests/Corpus"

    /// The corpus' positive secrets (from its labels) and a folder holding them.
    func corpusSecrets() throws -> (folder: String, secrets: [String]) {
        let labels = try String(contentsOfFile: Self.corpus + "/labels.tsv", encoding: .utf8)
        let secrets = labels.split(separator: "\n").dropFirst().compactMap { line -> String? in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 5, fields[2] == "positive" else { return nil }
            return String(fields[4])
        }
        return (Self.corpus, secrets)
    }

    @Test func noOutputContainsASecretUnlessAsked() async throws {
        let (folder, secrets) = try corpusSecrets()
        try #require(secrets.count >= 200, "the corpus has its positives")
        let dir = TemporaryDirectory()
        let binary = try #require(rampartBinary)
        var arguments = ["secrets", folder, "--verbose", "--fail-on", "none"]
        let formats = ["text", "json", "sarif", "junit", "gitlab", "gitlab-secret-detection", "markdown", "html"]
        for format in formats { arguments += ["--format", format, "--output", dir.path + "/report." + format] }
        let scan = try await dir.runDetached(binary, arguments)
        #expect(scan.status == 0, "\(scan.errors)")
        let baseline = try await dir.runDetached(binary, ["baseline", "create", folder, "-o", dir.path + "/baseline.json", "--verbose"])
        #expect(baseline.status == 0, "\(baseline.errors)")
        let rules = try await dir.runDetached(binary, ["scan", folder, "--verbose", "--fail-on", "none"])

        var outputs = [scan.output, scan.errors, baseline.output, baseline.errors, rules.output, rules.errors]
        for format in formats { outputs.append(dir.read("report." + format) ?? "") }
        outputs.append(dir.read("baseline.json") ?? "")
        #expect(outputs.dropFirst(6).allSatisfy { !$0.isEmpty }, "every report was written")
        let json = dir.read("report.json") ?? ""
        #expect(json.contains("\"redacted\""), "the scan found secrets")
        for secret in secrets {
            let leaks = outputs.indices.filter { outputs[$0].contains(secret) }
            #expect(leaks.isEmpty, "a secret (\(secret.prefix(4))…, \(secret.count) characters) appears in output \(leaks)")
        }

        // The check can fail: with --show-secrets the JSON report holds them.
        let shown = try await dir.runDetached(binary, ["secrets", folder, "--show-secrets", "--fail-on", "none", "--format", "json", "--output", dir.path + "/shown.json"])
        #expect(shown.status == 0)
        let full = dir.read("shown.json") ?? ""
        #expect(secrets.filter { full.contains($0) }.count >= secrets.count * 9 / 10)
    }
}

/// `--output` to a device writes to it; it never replaces it with a regular file (an atomic
/// rename over `/dev/null` would break every later process on the machine).
@Suite(.enabled(if: rampartBinary != nil, "the rampart binary is not built; run `swift build` first"))
struct OutputToDevicesTests {
    @Test func devNullStaysADevice() async throws {
        let dir = TemporaryDirectory()
        try dir.write("a.py", "print(1)\n")
        let result = try await dir.runDetached(try #require(rampartBinary), ["scan", dir.path, "--format", "json", "--output", "/dev/null", "-q"])
        #expect(result.status == 0)
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
    }
}
