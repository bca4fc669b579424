import Foundation
import RampartCore
@testable import RampartHost
import RampartTestSupport
import Testing

/// The built-in profiles on a real Debian root file system (`debootstrap --variant=minbase` with
/// openssh-server, python3 and python3-apt), which `.ci/run` builds and caches. Skipped, with
/// a message, where there is none.
@Suite(.serialized) struct DebianRootfsTests {
    static let rootfs: String? = {
        let candidates = [ProcessInfo.processInfo.environment["RAMPART_ROOTFS"], "/var/cache/rampart/rootfs-bookworm"].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/var/lib/dpkg/status") }
    }()

    static func statuses(_ target: any HostTarget) -> [String: ControlResult] {
        let facts = HostFacts(target: target)
        var results: [String: ControlResult] = [:]
        for profile in BuiltInProfiles.all {
            for result in ProfileRunner.run(profile, on: target, facts: facts).results { results[result.control.id] = result }
        }
        return results
    }

    @Test(.enabled(if: rootfs != nil, "no Debian root file system: .ci/run builds one with debootstrap (or set RAMPART_ROOTFS)"))
    func everyControlHasAResultExplainedByTheFilesystem() throws {
        let root = try #require(Self.rootfs)
        let results = Self.statuses(DirectoryTarget(root: root))
        #expect(results.count == 130)
        #expect(!results.values.contains { $0.status == .error }, "errors: \(results.values.filter { $0.status == .error }.map(\.control.id))")
        // A handful, each for a reason the file system shows.
        #expect(results["sshd-50"]?.status == .failed, "Debian generates a 3072-bit RSA host key")
        #expect(results["sshd-50"]?.results.first?.message == "3072 bits")
        #expect(results["os-06"]?.status == .failed, "ssh-keysign is setuid root")
        #expect(results["package-02"]?.status == .passed, "minbase has no telnetd")
        #expect(results["sshd-27"]?.status == .failed, "OpenSSH's default PasswordAuthentication is yes")
        #expect(results["sshd-06"]?.status == .passed, "the default PermitRootLogin is prohibit-password")
        #expect(results["sysctl-07"]?.status == .failed, "the kernel's default tcp_timestamps is 1 and nothing sets it")
        #expect(results["sshd-10"]?.status == .skipped, "OpenSSH 9.2 has no protocol 1")
        #expect(results["os-04"]?.status == .skipped && results["sshd-49"]?.status == .skipped, "live-only controls are skipped, never passed")
        #expect(results["os-02"]?.status == .passed, "Debian's /etc/shadow is root:shadow 0640")
    }

    /// Scan, harden natively, scan again: every fixable control passes (package changes need
    /// apt), a second run changes nothing, and nothing outside the root changed.
    @Test(.enabled(if: rootfs != nil, "no Debian root file system: .ci/run builds one with debootstrap (or set RAMPART_ROOTFS)"))
    func theNativeRoundTripFixesOnceAndStaysInside() async throws {
        let source = try #require(Self.rootfs)
        let dir = TemporaryDirectory("rootfs")
        let copy = dir.absolute("rootfs")
        let copied = try await dir.runDetached("/bin/cp", ["-a", source, copy])
        try #require(copied.status == 0, "cp -a: \(copied.errors)")
        let hostBefore = try Self.hostFingerprint()

        let target = DirectoryTarget(root: copy)
        let failed = Self.statuses(target).values.filter { $0.status == .failed }.map(\.control)
        let context = HostTargets.remediationContext(for: HostFacts(target: target))
        let outcome = NativeHardening(target: target, context: context, checkOnly: false).apply(failed.filter(\.isFixable))
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        #expect(outcome.notApplied.allSatisfy { $0.control == "package-08" }, "\(outcome.notApplied)")

        let after = Self.statuses(target)
        let stillFailing = after.values.filter { $0.status == .failed && $0.control.isFixable }.map(\.control.id)
        #expect(stillFailing == ["package-08"] || stillFailing.isEmpty, "fixable controls still failing: \(stillFailing)")
        #expect(!after.values.contains { $0.status == .error })
        let again = NativeHardening(target: target, context: context, checkOnly: false).apply(after.values.filter { $0.status == .failed }.map(\.control).filter(\.isFixable))
        #expect(again.changes.isEmpty, "not idempotent: \(again.changes.map { "\($0.control) \($0.path)" })")
        #expect(try Self.hostFingerprint() == hostBefore, "the host's sysctl values and /etc are unchanged")
    }

    static let ansiblePlaybook: String? = {
        let candidates = [ProcessInfo.processInfo.environment["RAMPART_ANSIBLE_PLAYBOOK"], PythonOracle.packageRoot + "/.venv/bin/ansible-playbook"].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The same round trip with the playbook and Ansible's chroot connection (apt included):
    /// every fixable control passes afterwards and a second run changes nothing.
    @Test(.enabled(if: rootfs != nil && ansiblePlaybook != nil && getuid() == 0, "needs the Debian rootfs, root (chroot) and ansible in .venv (.ci/run installs it)"))
    func theAnsibleRoundTripFixesOnceAndStaysInside() async throws {
        let source = try #require(Self.rootfs), ansible = try #require(Self.ansiblePlaybook)
        let dir = TemporaryDirectory("rootfs-ansible")
        let copy = dir.absolute("rootfs")
        let copied = try await dir.runDetached("/bin/cp", ["-a", source, copy])
        try #require(copied.status == 0, "cp -a: \(copied.errors)")
        let hostBefore = try Self.hostFingerprint()
        let target = DirectoryTarget(root: copy)
        let failed = Self.statuses(target).values.filter { $0.status == .failed }.map(\.control)
        let playbook = try dir.write("hardening.yml", AnsiblePlaybook.render(failed.filter(\.isFixable), context: HostTargets.remediationContext(for: HostFacts(target: target)), targetName: target.name))
        func run() async throws -> (status: Int32, output: String, errors: String) {
            try await dir.runDetached(ansible, [playbook, "-i", copy + ",", "-c", "community.general.chroot"], environment: ["ANSIBLE_NOCOLOR": "1", "ANSIBLE_HOST_KEY_CHECKING": "False"])
        }
        let first = try await run()
        try #require(first.status == 0, "ansible-playbook failed: \(first.output.suffix(2000)) \(first.errors.suffix(500))")
        let stillFailing = Self.statuses(target).values.filter { $0.status == .failed && $0.control.isFixable }.map(\.control.id)
        #expect(stillFailing.isEmpty, "fixable controls still failing after Ansible: \(stillFailing)")
        let second = try await run()
        #expect(second.status == 0 && second.output.contains("changed=0"), "the second run changed something: \(second.output.suffix(600))")
        #expect(try Self.hostFingerprint() == hostBefore, "the host's sysctl values and /etc are unchanged")
    }

    /// The host's live kernel parameters the hardening touches, and a digest of its /etc.
    static func hostFingerprint() throws -> String {
        var text = ""
        for key in ["net/ipv4/tcp_timestamps", "net/ipv4/conf/all/rp_filter", "kernel/sysrq", "net/ipv4/conf/all/accept_redirects"] {
            text += key + "=" + ((try? String(contentsOfFile: "/proc/sys/" + key, encoding: .utf8)) ?? "?")
        }
        let listing = try ProcessRunner.run("/bin/sh", ["-c", "find /etc -xdev -type f -printf '%p %s %T@\\n' 2>/dev/null | sort | md5sum"], in: "/")
        return text + listing.output
    }
}
