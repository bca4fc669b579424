import Foundation
import RampartCore
@testable import RampartHost
import RampartTestSupport
import Testing

/// The `host:` section of `.rampart.yml`: `rampart scan` checks a host only when it names one.
@Suite struct HostConfigurationTests {
    func configure(_ yaml: String, in dir: TemporaryDirectory) throws -> HostScanner? {
        let file = dir.path + "/.rampart.yml"
        let root = try ConfigNode.parse(yaml: yaml, file: file)
        let reader = NodeReader(file: file)
        guard let section = try reader.mapping(root, key: nil).first(where: { $0.key == "host" })?.value else { return nil }
        return try HostScanner().configured(with: section, reader: reader) as? HostScanner
    }

    @Test func theHostSectionSetsTargetProfilesAndWaivers() async throws {
        let dir = TemporaryDirectory()
        try dir.write("rootfs/etc/os-release", "ID=debian\n")
        try dir.write("rootfs/etc/ssh/sshd_config", "PermitRootLogin yes\n")
        try dir.write("rootfs/var/lib/dpkg/status", "Package: openssh-server\nStatus: install ok installed\nVersion: 1:9.2p1-2\n\n")
        try dir.write("waivers.yml", "- control: sshd-06\n  reason: break-glass account until the vault lands\n  expires: 2099-01-01\n")
        let scanner = try #require(try configure("""
        host:
          target: dir:rootfs
          profiles: [ssh-baseline]
          waivers: waivers.yml
          identity: keys/id_ed25519
          sudo: true
        """, in: dir))
        #expect(scanner.options.targetSpec == "dir:" + dir.path + "/rootfs")
        #expect(scanner.options.profiles.map(\.name) == ["ssh-baseline"])
        #expect(scanner.options.waivers.map(\.control) == ["sshd-06"])
        #expect(scanner.options.ssh.identity == dir.path + "/keys/id_ed25519" && scanner.options.ssh.sudo)
        // The target is opened when the scan runs, and the waived control is not reported.
        let output = await scanner.scan(ScanContext(root: dir.path, files: [], configuration: Configuration()))
        let ids = Set(output.findings.filter { !$0.isSuppressed }.map(\.ruleId.code))
        #expect(!ids.isEmpty && !ids.contains("sshd-07"))
        #expect(!ids.contains("sshd-06"), "waived")
        var unwaived = scanner
        unwaived.options.waivers = []
        let all = await unwaived.scan(ScanContext(root: dir.path, files: [], configuration: Configuration()))
        #expect(all.findings.contains { $0.ruleId.code == "sshd-06" })
    }

    @Test func withoutATargetNoHostIsTouched() async throws {
        let output = await HostScanner().scan(ScanContext(root: "/", files: [], configuration: Configuration()))
        #expect(output.findings.isEmpty && output.diagnostics.isEmpty)
    }

    @Test func mistakesNameTheKey() throws {
        let dir = TemporaryDirectory()
        for (yaml, fragment) in [
            ("host:\n  target: ftp://x\n", "host.target"),
            ("host:\n  target: ssh://root@h:99999\n", "host.target"),
            ("host:\n  profiles: [no-such-profile]\n", "host.profiles"),
            ("host:\n  waivers: missing.yml\n", "host.waivers"),
            ("host:\n  colour: blue\n", "host.colour"),
        ] {
            #expect(throws: ConfigurationError.self, "\(yaml)") { try configure(yaml, in: dir) }
            do {
                _ = try configure(yaml, in: dir)
            } catch {
                #expect("\(error)".contains(fragment), "\(error)")
            }
        }
    }
}
