import Foundation
import NIOSSH
import RampartCore
@testable import RampartHost
import RampartTestSupport
import Testing

/// The pieces of the SSH target that need no server: addresses, key files, known_hosts, quoting.
struct SSHPartsTests {
    @Test func addresses() throws {
        let cases: [(String, SSHAddress)] = [
            ("ssh://deploy@web1.example.org:2222", SSHAddress(user: "deploy", host: "web1.example.org", port: 2222)),
            ("ssh://root@10.0.0.5", SSHAddress(user: "root", host: "10.0.0.5", port: 22)),
            ("ssh://admin@[2001:db8::1]:22022/", SSHAddress(user: "admin", host: "2001:db8::1", port: 22022)),
            ("ssh://admin@[::1]", SSHAddress(user: "admin", host: "::1", port: 22)),
        ]
        for (text, expected) in cases {
            let parsed = try SSHAddress(parsing: text)
            #expect(parsed == expected, "\(text)")
        }
        for bad in ["ssh://", "ssh://root@host:0", "ssh://root@host:99999", "ssh://root@host:x", "ssh://@host", "ssh://ro ot@host", "http://host", "ssh://root@a/b"] {
            #expect(throws: HostError.self, "\(bad)") { try SSHAddress(parsing: bad) }
        }
    }

    /// ssh-keygen's own files: Ed25519 and the three ECDSA sizes load; the public key derived
    /// from the private one is the one ssh-keygen wrote.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen"), "needs ssh-keygen (openssh-client)"))
    func keyFilesWrittenBySSHKeygen() throws {
        let dir = TemporaryDirectory()
        for (type, bits) in [("ed25519", ""), ("ecdsa", "256"), ("ecdsa", "384"), ("ecdsa", "521")] {
            let file = dir.absolute("key-\(type)\(bits)")
            var arguments = ["-q", "-t", type, "-N", "", "-C", "test", "-f", file]
            if !bits.isEmpty { arguments += ["-b", bits] }
            let made = try dir.run("/usr/bin/ssh-keygen", arguments)
            try #require(made.status == 0, "\(made.errors)")
            let key = try SSHKeyFile.load(path: file)
            let published = try #require(dir.read("key-\(type)\(bits).pub")).split(separator: " ").prefix(2).joined(separator: " ")
            #expect(String(openSSHPublicKey: key.publicKey) == published, "\(type) \(bits)")
        }
        // A passphrase and RSA are refused with a reason, not a crash.
        _ = try dir.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "secret-pass", "-f", dir.absolute("locked")])
        #expect { try SSHKeyFile.load(path: dir.absolute("locked")) } throws: { "\($0)".contains("passphrase") }
        _ = try dir.run("/usr/bin/ssh-keygen", ["-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", dir.absolute("rsa")])
        #expect { try SSHKeyFile.load(path: dir.absolute("rsa")) } throws: { "\($0)".contains("RSA keys are not supported") }
    }

    @Test func hostileKeyFilesAreRefused() throws {
        let body = { (bytes: [UInt8]) in "-----BEGIN OPENSSH PRIVATE KEY-----\n\(Data(bytes).base64EncodedString())\n-----END OPENSSH PRIVATE KEY-----\n" }
        let magic = Array("openssh-key-v1".utf8) + [0]
        let samples: [String] = [
            "", "garbage", "-----BEGIN OPENSSH PRIVATE KEY-----\n!!!\n-----END OPENSSH PRIVATE KEY-----",
            body(magic), body(magic + [0, 0, 0, 4] + Array("none".utf8) + [0, 0, 0, 4] + Array("none".utf8) + [0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]),
            body(magic + [0xFF, 0xFF, 0xFF, 0xF0]), body(Array(repeating: 0x41, count: 5000)),
        ]
        var random = SplitMix(seed: 7)
        var fuzzed = samples
        for _ in 0..<200 {
            var bytes = magic + [0, 0, 0, 4] + Array("none".utf8) + [0, 0, 0, 4] + Array("none".utf8)
            for _ in 0..<Int(random.next() % 120) { bytes.append(UInt8(truncatingIfNeeded: random.next())) }
            fuzzed.append(body(bytes))
        }
        for sample in fuzzed {
            #expect(throws: SSHKeyFile.KeyError.self) { try SSHKeyFile.parse(sample) }
        }
    }

    static let edKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEtbpcMuyk0BblXGk8Wb8jBc/W7xXibakp0rZYGYqc7D"
    static let otherEdKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"
    static let ecKey = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nkt5YRrYMjNuG5N87uRgg9CLrZGI7nE4xyJqhlfF4fmQgbQU9K2OEtTNiFU="

    @Test func knownHostsVerdicts() throws {
        let key = try NIOSSHPublicKey(openSSHPublicKey: Self.edKey)
        let file = KnownHosts(text: """
            # a comment
            web1.example.org,192.0.2.10 \(Self.edKey) web1
            [192.0.2.10]:2222 \(Self.otherEdKey)
            *.internal.example,!bastion.internal.example \(Self.edKey)
            bastion.internal.example \(Self.ecKey)
            @revoked old.example.org \(Self.edKey)
            @cert-authority *.example.org \(Self.otherEdKey)
            broken line
            """)
        #expect(file.verify(host: "web1.example.org", port: 22, key: key) == .trusted)
        #expect(file.verify(host: "WEB1.example.org", port: 22, key: key) == .trusted)
        #expect(file.verify(host: "192.0.2.10", port: 22, key: key) == .trusted)
        // The same address on another port is another host, recorded with another key.
        #expect(file.verify(host: "192.0.2.10", port: 2222, key: key) == .changed(recorded: "ssh-ed25519"))
        #expect(file.verify(host: "db.internal.example", port: 22, key: key) == .trusted)
        // Negated, then recorded with an ECDSA key only: unknown for an Ed25519 one.
        #expect(file.verify(host: "bastion.internal.example", port: 22, key: key) == .unknown(otherTypes: ["ecdsa-sha2-nistp256"]))
        #expect(file.verify(host: "old.example.org", port: 22, key: key) == .revoked)
        #expect(file.verify(host: "new.example.org", port: 22, key: key) == .unknown(otherTypes: []))
        #expect(KnownHosts.line(host: "127.0.0.1", port: 2222, key: key) == "[127.0.0.1]:2222 \(Self.edKey)\n")
    }

    /// Names hashed by ssh-keygen -H (HashKnownHosts) still match, and only themselves.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen"), "needs ssh-keygen (openssh-client)"))
    func hashedNamesFromSSHKeygen() throws {
        let dir = TemporaryDirectory()
        let file = try dir.write("known_hosts", "[10.1.1.1]:2200 \(Self.edKey)\nbuild.example.org \(Self.ecKey)\n")
        let hashed = try dir.run("/usr/bin/ssh-keygen", ["-H", "-f", file])
        try #require(hashed.status == 0, "\(hashed.errors)")
        let text = try #require(dir.read("known_hosts"))
        #expect(text.hasPrefix("|1|") && !text.contains("example.org"))
        let known = KnownHosts(text: text)
        let key = try NIOSSHPublicKey(openSSHPublicKey: Self.edKey)
        #expect(known.verify(host: "10.1.1.1", port: 2200, key: key) == .trusted)
        #expect(known.verify(host: "10.1.1.1", port: 22, key: key) == .unknown(otherTypes: []))
        #expect(known.verify(host: "build.example.org", port: 22, key: key) == .unknown(otherTypes: ["ecdsa-sha2-nistp256"]))
    }

    @Test func wildcardsCannotBeMadeSlow() {
        #expect(KnownHosts.wildcard("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", Array("*a*a*a*a*a*a*a*a*a*a*a*c")) == false)
        #expect(KnownHosts.wildcard("host-12.example", Array("host-??.exam*")))
        #expect(!KnownHosts.wildcard("host-123.example", Array("host-??.example")))
    }

    @Test func quotingLeavesNothingToTheShell() throws {
        let dir = TemporaryDirectory()
        for name in ["plain", "it's", "a b", "$(touch pwned)", "`touch pwned`", "x'; touch pwned; '", "new\nline", "*", "--option"] {
            let result = try dir.run("/bin/sh", ["-c", "printf '%s' " + Shell.quote(name)])
            #expect(result.output == name)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.absolute("pwned")))
    }

    @Test func statLines() {
        #expect(SSHTarget.parseStat("81a4 0 42 1234 2049") == HostFileInfo(kind: .file, mode: 0o644, uid: 0, gid: 42, size: 1234, device: 2049))
        #expect(SSHTarget.parseStat("89ed 0 0 10 1")?.mode == 0o4755)
        #expect(SSHTarget.parseStat("41ff 0 0 10 1")?.kind == .directory)
        #expect(SSHTarget.parseStat("a1ff 0 0 10 1")?.kind == .symlink)
        #expect(SSHTarget.parseStat("stat: cannot stat") == nil)
        #expect(SSHTarget.parseStat("zz 0 0 1 1") == nil)
    }
}
