import Foundation
import RampartCore
import RampartRegex

extension SSHBaseline {
    static let secureCiphers = "chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr"
    static let secureKex = "sntrup761x25519-sha512@openssh.com,curve25519-sha256@libssh.org,diffie-hellman-group-exchange-sha256"
    static let secureMACs = "hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com,hmac-sha2-512,hmac-sha2-256"
    /// `/etc/ssh/moduli` lines whose prime is under 2048 bits (the fifth field is the size minus one).
    static let weakModuli = #"^\S+\s+\S+\s+\S+\s+\S+\s+([0-9]{1,3}|1[0-9]{3}|20[0-3][0-9]|204[0-6])\s"#

    static var others: [Control] {
        let server = DSL.installed("openssh-server", true)
        let client = DSL.installed("openssh-client", true)
        return [
            Control(id: "sshd-04", title: "Server: /etc/ssh owned by root, writable by root only", impact: 1.0,
                    description: "The folder holding the server's keys and configuration belongs to root and only root can change it.",
                    tags: ["sshd"], onlyIf: [server], checks: DSL.owned("/etc/ssh", mask: 0o755) + [DSL.file("/etc/ssh", "type", .eq("directory"))],
                    remediation: [.fileMode(path: "/etc/ssh", owner: "root", group: "root", removeBits: 0o022)]),
            Control(id: "sshd-05", title: "Server: sshd_config owned by root, readable by root only", impact: 1.0,
                    description: "The server's configuration belongs to root and nobody else can read or change it (it names keys, users and policies).",
                    tags: ["sshd"], onlyIf: [server], checks: DSL.owned(sshdConfig, mask: 0o600),
                    remediation: [.fileMode(path: sshdConfig, owner: "root", group: "root", removeBits: 0o177)]),
            Control(id: "ssh-01", title: "Client: ssh_config owned by root, writable by root only", impact: 1.0,
                    description: "The system-wide client configuration belongs to root and only root can change it.",
                    tags: ["ssh"], onlyIf: [client], checks: DSL.owned(sshConfig, mask: 0o644),
                    remediation: [.fileMode(path: sshConfig, owner: "root", group: "root", removeBits: 0o133)]),
            Control(id: "sshd-09", title: "Server: listen on chosen addresses", impact: 1.0,
                    description: "ListenAddress is set explicitly, so the server does not listen on every interface by accident.",
                    tags: ["sshd"], onlyIf: [server], checks: [.expect(FactQuery("sshd_config", "ListenAddress", "explicit"), .not(.isEmpty))],
                    notFixable: "which addresses to listen on is a site decision"),
            Control(id: "sshd-10", title: "Server: protocol 2 only", impact: 1.0,
                    description: "SSH protocol 1 is broken; servers older than OpenSSH 7.6 must say `Protocol 2` (newer ones know no other).",
                    tags: ["sshd"], onlyIf: [server, DSL.opensshBefore("7.6", "server")], checks: [DSL.sshd("Protocol", .eq("2"))],
                    remediation: [.sshdSetting(key: "Protocol", value: "2")]),
            Control(id: "sshd-14", title: "Server: host keys are RSA, ECDSA and Ed25519", impact: 1.0,
                    description: "The server uses the RSA, ECDSA and Ed25519 host keys (no DSA key).",
                    tags: ["sshd"], onlyIf: [server],
                    checks: [.expect(FactQuery("sshd_config", "HostKey", "values"), .sameSet(["/etc/ssh/ssh_host_rsa_key", "/etc/ssh/ssh_host_ecdsa_key", "/etc/ssh/ssh_host_ed25519_key"]))],
                    notFixable: "host keys identify the server to its clients; changing them is a site decision"),
            Control(id: "sshd-15", title: "Server: UseLogin off", impact: 1.0,
                    description: "Before OpenSSH 7.4, UseLogin ran login(1) for sessions, with a history of privilege escalations.",
                    tags: ["sshd"], onlyIf: [server, DSL.opensshBefore("7.4", "server")], checks: [DSL.sshd("UseLogin", .eq("no"))],
                    remediation: [.sshdSetting(key: "UseLogin", value: "no")]),
            Control(id: "sshd-16", title: "Server: privilege separation", impact: 1.0,
                    description: "Before OpenSSH 7.5, privilege separation (with the sandbox) had to be switched on; it is always on since.",
                    tags: ["sshd"], onlyIf: [server, DSL.opensshBefore("7.5", "server")], checks: [DSL.sshd("UsePrivilegeSeparation", .match("^(sandbox|yes)$"))],
                    remediation: [.sshdSetting(key: "UsePrivilegeSeparation", value: "sandbox")]),
            Control(id: "sshd-47", title: "Server: no Debian banner", impact: 1.0,
                    description: "Debian's sshd adds the distribution's patch level to its version string unless `DebianBanner no`.",
                    tags: ["sshd"], onlyIf: [server, .expect(FactQuery("os", "release", "family"), .eq("debian"))], checks: [DSL.sshd("DebianBanner", .eq("no"))],
                    remediation: [.sshdSetting(key: "DebianBanner", value: "no")]),
            Control(id: "sshd-48", title: "Server: no Diffie-Hellman primes under 2048 bits", impact: 1.0,
                    description: "Group-exchange key agreement picks primes from /etc/ssh/moduli; primes under 2048 bits are within reach of well-funded attackers.",
                    tags: ["sshd"], onlyIf: [server, DSL.file("/etc/ssh/moduli", "exists", .eq("true"))],
                    checks: [.custom(CustomCheck("File /etc/ssh/moduli should have no prime under 2048 bits", evaluate: weakModuliCheck))],
                    remediation: [.removeLines(file: "/etc/ssh/moduli", pattern: weakModuli)]),
            Control(id: "sshd-49", title: "Server: no crypto settings on the command line", impact: 1.0,
                    description: "A running sshd with -oCiphers, -oKexAlgorithms or -oHostKeyAlgorithms on its command line (a distribution crypto policy) ignores sshd_config for them.",
                    tags: ["sshd"], onlyIf: [server], checks: [.custom(CustomCheck("Processes sshd should have no crypto options", evaluate: sshdCommandLineCheck))],
                    needsLiveSystem: true, notFixable: "the command line comes from the service manager and the distribution's crypto policy"),
            Control(id: "sshd-50", title: "Server: RSA host key of at least 4096 bits", impact: 1.0,
                    description: "The RSA host key has at least 4096 bits.",
                    tags: ["sshd"], onlyIf: [server, DSL.file("/etc/ssh/ssh_host_rsa_key.pub", "exists", .eq("true"))],
                    checks: [.custom(CustomCheck("File /etc/ssh/ssh_host_rsa_key.pub should be at least 4096 bits", evaluate: rsaHostKeyCheck))],
                    notFixable: "a new host key changes the server's identity for every client", note: "Reads the public key's modulus instead of running ssh-keygen, so it also works on images."),
            Control(id: "ssh-04", title: "Client: protocol 2 only", impact: 1.0,
                    description: "Clients older than OpenSSH 7.6 must say `Protocol 2`.",
                    tags: ["ssh"], onlyIf: [client, DSL.opensshBefore("7.6", "client")], checks: [DSL.ssh("Protocol", .eq("2"))],
                    remediation: [.sshSetting(key: "Protocol", value: "2")]),
            Control(id: "ssh-14", title: "Client: no rhosts RSA authentication", impact: 1.0,
                    description: "Clients older than OpenSSH 7.6 must not use rhosts-based RSA authentication.",
                    tags: ["ssh"], onlyIf: [client, DSL.opensshBefore("7.6", "client")], checks: [DSL.ssh("RhostsRSAAuthentication", .eq("no"))],
                    remediation: [.sshSetting(key: "RhostsRSAAuthentication", value: "no")]),
            Control(id: "ssh-15", title: "Client: RSA authentication on", impact: 1.0,
                    description: "Clients older than OpenSSH 7.6 use RSA (protocol 1) authentication only with keys.",
                    tags: ["ssh"], onlyIf: [client, DSL.opensshBefore("7.6", "client")], checks: [DSL.ssh("RSAAuthentication", .eq("yes"))],
                    remediation: [.sshSetting(key: "RSAAuthentication", value: "yes")]),
            Control(id: "ssh-21", title: "Client: no roaming", impact: 1.0,
                    description: "Roaming leaked client memory (CVE-2016-0777) in OpenSSH before 7.2.",
                    tags: ["ssh"], onlyIf: [client, DSL.opensshBefore("7.2", "client")], checks: [DSL.ssh("UseRoaming", .eq("no"))],
                    remediation: [.sshSetting(key: "UseRoaming", value: "no")]),
            Control(id: "ssh-22", title: "Client: effective crypto matches the policy", impact: 1.0,
                    description: "`ssh -G` (what the client will really use, crypto policies included) offers only the strong ciphers, key exchanges and MACs.",
                    tags: ["ssh"], onlyIf: [client], checks: [.custom(CustomCheck("Command ssh -G localhost should use the strong algorithms", evaluate: effectiveClientCrypto))],
                    needsLiveSystem: true, notFixable: "follows from ssh-08, ssh-09 and ssh-10 and the distribution's crypto policy"),
        ]
    }

    static func weakModuliCheck(_ facts: HostFacts) -> [CheckResult] {
        let description = "File /etc/ssh/moduli should have no prime under 2048 bits"
        guard let text = facts.target.text("/etc/ssh/moduli") else { return [CheckResult(.error, description, message: "cannot read /etc/ssh/moduli")] }
        guard let regex = try? ByteRegex(weakModuli) else { return [CheckResult(.error, description, message: "pattern")] }
        var weak = 0
        var smallest = Int.max
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && regex.matches(String(line)) {
            weak += 1
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.count > 4, let size = Int(fields[4]) { smallest = min(smallest, size + 1) }
        }
        if weak == 0 { return [CheckResult(.passed, description)] }
        return [CheckResult(.failed, description, message: "\(weak) primes under 2048 bits (the smallest has \(smallest))")]
    }

    static func sshdCommandLineCheck(_ facts: HostFacts) -> [CheckResult] {
        let description = "Processes sshd should have no -oCiphers, -oKexAlgorithms or -oHostKeyAlgorithms"
        guard let result = try? facts.target.run(["ps", "-eo", "args"], timeout: .seconds(10)) else {
            return [CheckResult(.skipped, description, message: "cannot list processes")]
        }
        let lines = result.stdout.split(separator: "\n").filter { $0.contains("sshd") && !$0.contains("sshd:") }
        guard !lines.isEmpty else { return [CheckResult(.skipped, description, message: "sshd is not running")] }
        let bad = lines.filter { $0.contains("-oCiphers") || $0.contains("-oKexAlgorithms") || $0.contains("-oHostKeyAlgorithms") }
        return [bad.isEmpty ? CheckResult(.passed, description) : CheckResult(.failed, description, message: String(bad[0].prefix(200)))]
    }

    static func rsaHostKeyCheck(_ facts: HostFacts) -> [CheckResult] {
        let description = "File /etc/ssh/ssh_host_rsa_key.pub should be at least 4096 bits"
        guard let text = facts.target.text("/etc/ssh/ssh_host_rsa_key.pub", limit: 64 << 10) else {
            return [CheckResult(.error, description, message: "cannot read the public key")]
        }
        guard let bits = rsaModulusBits(text) else { return [CheckResult(.error, description, message: "not an ssh-rsa public key")] }
        return [bits >= 4096 ? CheckResult(.passed, description) : CheckResult(.failed, description, message: "\(bits) bits")]
    }

    /// The modulus size of an `ssh-rsa AAAA…` public key: the blob is string "ssh-rsa", mpint e, mpint n.
    static func rsaModulusBits(_ line: String) -> Int? {
        let fields = line.split(separator: " ")
        guard fields.count >= 2, fields[0] == "ssh-rsa", let blob = Data(base64Encoded: String(fields[1])) else { return nil }
        let bytes = [UInt8](blob)
        var offset = 0
        func field() -> ArraySlice<UInt8>? {
            guard offset + 4 <= bytes.count else { return nil }
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            offset += 4
            guard length >= 0, offset + length <= bytes.count else { return nil }
            defer { offset += length }
            return bytes[offset..<offset + length]
        }
        guard field() != nil, field() != nil, let modulus = field() else { return nil }
        let significant = modulus.drop { $0 == 0 }
        guard let first = significant.first else { return 0 }
        return (significant.count - 1) * 8 + (8 - first.leadingZeroBitCount)
    }

    static func effectiveClientCrypto(_ facts: HostFacts) -> [CheckResult] {
        guard let result = try? facts.target.run(["ssh", "-G", "localhost"], timeout: .seconds(10)), result.status == 0 else {
            return [CheckResult(.skipped, "Command ssh -G localhost", message: "this ssh has no -G option")]
        }
        var values: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        return [("ciphers", secureCiphers), ("kexalgorithms", secureKex), ("macs", secureMACs)].map { key, expected in
            let description = "Command ssh -G localhost \(key) should eq \"\(expected)\""
            let actual = values[key] ?? ""
            return actual == expected ? CheckResult(.passed, description) : CheckResult(.failed, description, message: "got \"\(actual.prefix(200))\"")
        }
    }
}
