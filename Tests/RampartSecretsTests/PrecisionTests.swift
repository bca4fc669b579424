import Foundation
@testable import RampartSecrets
import RampartTestSupport
import Testing

@Suite struct ChecksumTests {
    @Test func crc32MatchesZlib() throws {
        #expect(Checksums.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        // Python's zlib as the oracle, on random texts.
        var generator = SplitMix(seed: 7)
        let texts = (0..<20).map { _ in String(decoding: (0..<Int(generator.next() % 60)).map { _ in UInt8(0x21 + generator.next() % 90) }, as: UTF8.self) }
        let script = "import sys, zlib\nfor line in sys.stdin.read().split('\\n'):\n    print(zlib.crc32(line.encode()))"
        let dir = TemporaryDirectory()
        try dir.write("in.txt", texts.joined(separator: "\n"))
        let result = try dir.run("/bin/sh", ["-c", "python3 -c \"$0\" < in.txt", script])
        guard result.status == 0 else { return }
        let expected = result.output.split(separator: "\n").compactMap { UInt32($0) }
        #expect(texts.map { Checksums.crc32(Array($0.utf8)) } == expected)
    }

    @Test func githubTokens() {
        #expect(Checksums.prefixedCRC32Base62(Tokens.github()) == .valid)
        #expect(Checksums.prefixedCRC32Base62(Tokens.github("gho")) == .valid)
        #expect(Checksums.prefixedCRC32Base62("ghp_K3r9XzQ2vLmN8pWtY4bHcJdF6sAeRgAAAAAA") == .invalid)
        #expect(Checksums.prefixedCRC32Base62("ghp_short") == .unknown)
    }

    @Test func bech32Vectors() {
        // BIP-173's valid and invalid examples.
        #expect(Checksums.bech32("A12UEL5L") == .valid)
        #expect(Checksums.bech32("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw") == .valid)
        #expect(Checksums.bech32("split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w") == .valid)
        #expect(Checksums.bech32("A12UEL5M") == .invalid)
        #expect(Checksums.bech32("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx") == .invalid)
    }

    @Test func grafana() {
        let payload = "glsa_" + "k3J9xP2vL7mQ4wR8tY1uZ6sA0dF5gH3j"
        var hex = String(Checksums.crc32(Array(payload.utf8)), radix: 16)
        while hex.count < 8 { hex = "0" + hex }
        #expect(Checksums.grafanaServiceAccount(payload + "_" + hex) == .valid)
        #expect(Checksums.grafanaServiceAccount(payload + "_00000000") == .invalid)
    }
}

@Suite struct PrecisionTests {
    @Test func entropy() {
        #expect(Precision.entropy(Array("aaaa".utf8)) == 0)
        #expect(abs(Precision.entropy(Array("abcd".utf8)) - 2) < 1e-9)
        #expect(Precision.entropy(Array("q8Vf3LkR9xT2mWz7PbN4sYc1".utf8)) > 4.0)
    }

    @Test(arguments: [
        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "YOUR_API_KEY_HERE", "xxxxxxxxxxxxxxxx",
        "changeme", "${API_TOKEN}", "{{ vault_token }}", "<your-token>", "aaaaaaaaaaaaaaaa", "abcabcabcabcabc",
        "1234567890abcdef", "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "os.environ['X']", "0123456789",
    ])
    func placeholders(_ value: String) {
        #expect(Precision.isPlaceholder(value))
    }

    @Test(arguments: ["q8Vf3LkR9xT2mWz7PbN4sYc1", "Zr7#kP2v!Lq9xW4m", Tokens.github()])
    func notPlaceholders(_ value: String) {
        #expect(!Precision.isPlaceholder(value))
    }

    @Test func testAndDocumentationPaths() {
        #expect(Precision.isTestOrDocumentation("tests/test_api.py"))
        #expect(Precision.isTestOrDocumentation("docs/setup.md"))
        #expect(Precision.isTestOrDocumentation("src/api_test.go"))
        #expect(!Precision.isTestOrDocumentation("src/settings.py"))
        #expect(!Precision.isTestOrDocumentation("contest/app.py"))
    }
}
