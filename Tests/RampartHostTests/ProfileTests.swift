import Foundation
import RampartCore
@testable import RampartHost
import RampartTestSupport
import Testing

/// A small Debian-like root file system, made by the tests: enough for the built-in profiles to
/// have something to say about every area.
func fixtureRootfs() throws -> (TemporaryDirectory, DirectoryTarget) {
    let dir = TemporaryDirectory()
    func file(_ path: String, _ text: String, mode: UInt32 = 0o644) throws {
        let full = try dir.write("root" + path, text)
        chmod(full, mode_t(mode))
    }
    try file("/etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n")
    try file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nsshd:x:100:65534::/run/sshd:/usr/sbin/nologin\n")
    try file("/etc/group", "root:x:0:\ndaemon:x:1:\nshadow:x:42:\nnogroup:x:65534:\n")
    try file("/etc/shadow", "root:*:19000:0:99999:7:::\n", mode: 0o640)
    try file("/etc/login.defs", "MAIL_DIR /var/mail\nPASS_MAX_DAYS 99999\nPASS_MIN_DAYS 0\nUMASK 022\n")
    try file("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication yes\nX11Forwarding yes\n")
    try dir.mkdir("root/etc/ssh/sshd_config.d")
    try file("/etc/ssh/ssh_config", "Include /etc/ssh/ssh_config.d/*.conf\nHost *\n    SendEnv LANG LC_*\n")
    try dir.mkdir("root/etc/ssh/ssh_config.d")
    try file("/etc/ssh/moduli", "20230101000000 2 6 100 2047 2 C0FFEE\n20230101000000 2 6 100 1535 5 BADC0DE\n")
    try file("/etc/hosts.equiv", "trusted.example\n")
    try file("/var/lib/dpkg/status", """
    Package: openssh-server
    Status: install ok installed
    Version: 1:9.2p1-2+deb12u3

    Package: openssh-client
    Status: install ok installed
    Version: 1:9.2p1-2+deb12u3

    Package: telnetd
    Status: install ok installed
    Version: 0.17-44

    """)
    try dir.mkdir("root/var/log")
    try file("/usr/bin/mtr", "binary", mode: 0o4755)
    return (dir, DirectoryTarget(root: dir.absolute("root")))
}

@Suite struct ProfileTests {
    func status(_ report: ProfileReport, _ id: String) -> CheckResult.Status? {
        report.results.first { $0.control.id == id }?.status
    }

    @Test func builtInProfilesHaveEveryDevSecControl() throws {
        let ids = Set(BuiltInProfiles.all.flatMap { $0.controls.map(\.id) })
        #expect(ids.count == BuiltInProfiles.all.reduce(0) { $0 + $1.controls.count }, "control ids are unique")
        // The dev-sec list, when the reference data is here: every control implemented.
        let reference = URL(fileURLWithPath: PythonOracle.packageRoot + "/../shared/reference/devsec-baseline-controls.json")
        if let data = try? Data(contentsOf: reference), let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] {
            let expected = Set(list.compactMap { $0["id"] as? String })
            #expect(expected.subtracting(ids).isEmpty, "missing: \(expected.subtracting(ids).sorted())")
            #expect(ids.subtracting(expected).isEmpty, "extra: \(ids.subtracting(expected).sorted())")
        }
        #expect(ids.count == 130)
    }

    @Test func theFixtureRootfsIsJudgedByItsState() throws {
        let (dir, target) = try fixtureRootfs()
        defer { withExtendedLifetime(dir) {} }
        let facts = HostFacts(target: target)
        let linux = ProfileRunner.run(LinuxBaseline.profile, on: target, facts: facts)
        let ssh = ProfileRunner.run(SSHBaseline.profile, on: target, facts: facts)
        #expect(status(linux, "os-01") == .failed, "hosts.equiv exists")
        #expect(status(linux, "os-03") == (getuid() == 0 ? .passed : .failed), "/etc/passwd belongs to whoever runs the tests")
        #expect(status(linux, "os-06") == .failed, "mtr is setuid")
        #expect(status(linux, "package-02") == .failed, "telnetd is installed")
        #expect(status(linux, "package-01") == .passed)
        #expect(status(linux, "os-04") == .skipped, "PATH needs a running system")
        #expect(status(linux, "os-05b") == .skipped, "Red Hat only")
        #expect(status(ssh, "sshd-27") == .failed, "PasswordAuthentication yes")
        #expect(status(ssh, "sshd-42") == .failed, "X11Forwarding yes")
        #expect(status(ssh, "sshd-06") == .passed, "PermitRootLogin defaults to prohibit-password")
        #expect(status(ssh, "sshd-48") == .failed, "a 1536-bit prime")
        #expect(status(ssh, "sshd-10") == .skipped, "Protocol matters before OpenSSH 7.6 only")
        #expect(linux.results.count + ssh.results.count == 130)
        #expect(!(linux.results + ssh.results).contains { $0.status == .error })
    }

    /// Evidence that could not be read is an error, never a pass: a setting past the size cap
    /// or a FIFO where a drop-in is expected must not make sshd-06 pass.
    @Test func unreadEvidenceIsAnErrorNotAPass() throws {
        let (dir, target) = try fixtureRootfs()
        defer { withExtendedLifetime(dir) {} }
        let padding = String(repeating: "# padding to push the setting past the cap\n", count: (6 << 20) / 44)
        try dir.write("root/etc/ssh/sshd_config.d/50-big.conf", padding + "PermitRootLogin yes\n")
        var ssh = ProfileRunner.run(SSHBaseline.profile, on: target, facts: HostFacts(target: target))
        #expect(status(ssh, "sshd-06") == .error)
        #expect(ssh.results.first { $0.control.id == "sshd-06" }?.results.contains { $0.message?.contains("larger than") == true } == true)
        try FileManager.default.removeItem(atPath: dir.path + "/root/etc/ssh/sshd_config.d/50-big.conf")
        #expect(mkfifo(dir.path + "/root/etc/ssh/sshd_config.d/60-fifo.conf", 0o644) == 0)
        ssh = ProfileRunner.run(SSHBaseline.profile, on: target, facts: HostFacts(target: target))
        #expect(status(ssh, "sshd-06") == .error)
        #expect(throws: HostError.self) { try target.read("/etc/ssh/sshd_config.d/60-fifo.conf", limit: 100) }
        // sysctl and modprobe drop-ins alike; a link to /dev/null masks a file, as systemd reads it.
        let linux = { ProfileRunner.run(LinuxBaseline.profile, on: target, facts: HostFacts(target: target)) }
        #expect(!linux().results.contains { $0.status == .error })
        try dir.mkdir("root/etc/sysctl.d")
        try dir.mkdir("root/dev")
        try dir.write("root/dev/null", "")
        #expect(mkfifo(dir.path + "/root/etc/sysctl.d/99-fifo.conf", 0o644) == 0)
        #expect(status(linux(), "sysctl-01") == .error)
        try FileManager.default.removeItem(atPath: dir.path + "/root/etc/sysctl.d/99-fifo.conf")
        try dir.write("root/etc/modprobe.d/50-big.conf", String(repeating: "# padding\n", count: (5 << 20) / 10))
        let modules = try #require(linux().results.first { $0.control.id == "os-10" })
        #expect(modules.status != .passed && modules.results.contains { $0.status == .error })
    }

    @Test func nativeHardeningFixesWhatItCanOnceAndStaysInside() throws {
        let (dir, target) = try fixtureRootfs()
        let outside = try dir.write("outside.conf", "untouched\n")
        // A link pointing out of the root, where a naive fix would write.
        try dir.mkdir("root/etc/modprobe.d")
        try dir.symlink("root/etc/modprobe.d/dev-sec.conf", to: outside)
        let profiles = BuiltInProfiles.all
        func failed() -> [Control] {
            let facts = HostFacts(target: target)
            return profiles.flatMap { ProfileRunner.run($0, on: target, facts: facts).results.filter { $0.status == .failed }.map(\.control) }
        }
        let before = failed()
        let context = HostTargets.remediationContext(for: HostFacts(target: target))
        #expect(context.sshdDropIn == "/etc/ssh/sshd_config.d/00-rampart-hardening.conf", "Debian's sshd_config includes its drop-ins first")
        let outcome = NativeHardening(target: target, context: context, checkOnly: false).apply(before.filter(\.isFixable))
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let after = failed()
        let stillFailing = after.filter(\.isFixable).map(\.id)
        // Package changes need apt in a chroot (the Ansible engine); everything else is fixed.
        #expect(Set(stillFailing).isSubset(of: ["package-02", "package-08"]), "still failing: \(stillFailing)")
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "untouched\n", "nothing outside the root changed")
        // The link's target, re-rooted inside the root, got the lines.
        #expect(target.text("/etc/modprobe.d/dev-sec.conf")?.contains("install cramfs /bin/true") == true)
        #expect(FileManager.default.fileExists(atPath: dir.absolute("root") + outside))
        // Idempotent: a second run changes nothing.
        let again = NativeHardening(target: target, context: context, checkOnly: false).apply(after.filter(\.isFixable))
        #expect(again.changes.isEmpty, "\(again.changes.map(\.summary))")
    }

    @Test func thePlaybookTagsEveryTaskAndWritesFilesOnlyOnARootfs() throws {
        let (dir, target) = try fixtureRootfs()
        defer { withExtendedLifetime(dir) {} }
        let facts = HostFacts(target: target)
        let failed = BuiltInProfiles.all.flatMap { ProfileRunner.run($0, on: target, facts: facts).results.filter { $0.status == .failed }.map(\.control) }
        let playbook = AnsiblePlaybook.render(failed.filter(\.isFixable), context: HostTargets.remediationContext(for: facts), targetName: target.name)
        #expect(playbook.contains("tags: [sshd-27]") && playbook.contains("'PasswordAuthentication no'"))
        #expect(playbook.contains("sysctl_set: false") && !playbook.contains("sysctl_set: true"), "no live sysctl on a root file system")
        #expect(!playbook.contains("handlers:"), "no service reloads on a root file system")
        #expect(playbook.contains("ansible.builtin.apt") && playbook.contains("name: telnetd"))
        #expect(AnsiblePlaybook.symbolicRemoval(0o137) == "u-x,g-wx,o-rwx")
        #expect(AnsiblePlaybook.symbolicRemoval(0o6000) == "u-s,g-s")
    }
}

@Suite struct ProfileFormatTests {
    let yaml = """
    name: corp
    extends: [ssh-baseline]
    skip: [sshd-07]
    controls:
      - id: corp-01
        title: Legal banner
        impact: 0.3
        checks:
          - file: /etc/issue.net
            exists: true
            mode: {not_more_permissive_than: "0644"}
      - id: sshd-27
        title: Passwords allowed on this bastion
        impact: 0.1
        checks:
          - sshd_config: PasswordAuthentication
            value: {in: ["yes", "no"]}
    """

    @Test func profilesExtendSkipAndOverride() throws {
        let profile = try ProfileLoader.load(yaml: yaml, file: "corp.yml", builtIn: BuiltInProfiles.all)
        let ids = profile.controls.map(\.id)
        #expect(profile.name == "corp" && ids.contains("corp-01") && !ids.contains("sshd-07"))
        #expect(ids.filter { $0 == "sshd-27" }.count == 1 && profile.controls.first { $0.id == "sshd-27" }?.impact == 0.1)
        #expect(profile.controls.first { $0.id == "corp-01" }?.severity == .low)
        let (dir, target) = try fixtureRootfs()
        defer { withExtendedLifetime(dir) {} }
        let report = ProfileRunner.run(profile, on: target)
        #expect(report.results.first { $0.control.id == "corp-01" }?.status == .failed, "no /etc/issue.net")
        #expect(report.results.first { $0.control.id == "sshd-27" }?.status == .passed)
    }

    @Test(arguments: [
        "controls:\n  - id: x\n    checks:\n      - file: /etc/x\n        colour: red\n",
        "controls:\n  - id: x\n    checks:\n      - nothing: here\n",
        "controls:\n  - id: x\n    impact: 2\n    checks:\n      - file: /a\n        exists: true\n",
        "controls:\n  - id: x\n    checks:\n      - file: /a\n        mode: {not_more_permissive_than: \"0999\"}\n",
        "controls:\n  - id: x\n    checks:\n      - file: /a\n        content: {match: \"(unclosed\"}\n",
        "extends: [no-such-profile]\n",
    ])
    func mistakesAreErrorsWithTheirPlace(_ text: String) {
        #expect(throws: ConfigurationError.self) { try ProfileLoader.load(yaml: text, file: "bad.yml", builtIn: BuiltInProfiles.all) }
    }

    @Test func matchersCompareAsInSpecDoes() {
        #expect(Matcher.cmp(.lessOrEqual, "30").matches(.value("30")))
        #expect(!Matcher.cmp(.lessOrEqual, "30").matches(.value("120")))
        #expect(Matcher.cmp(.less, "7.6").matches(.value("7.4p1")) && !Matcher.cmp(.less, "7.6").matches(.value("9.2p1")))
        #expect(Matcher.cmp(.equal, "keep_logs").matches(.value("KEEP_LOGS")))
        #expect(Matcher.notMorePermissiveThan(0o640).matches(.value("0600")) && !Matcher.notMorePermissiveThan(0o640).matches(.value("0644")))
        #expect(Matcher.eq("no").matches(.value("No", caseInsensitive: true)) && !Matcher.eq("no").matches(.value("No")))
        #expect(Matcher.not(.exists).matches(.absent) && !Matcher.eq("x").matches(.absent))
        #expect(Matcher.sameSet(["a", "b"]).matches(FactValue(values: ["b", "a"], exists: true)))
    }

    @Test func waiversApplyUntilTheyExpire() throws {
        let waivers = try WaiverLoader.load(yaml: "- control: os-01\n  reason: legacy trust, going in Q1\n  expires: 2026-12-31\n- control: package-02\n  reason: lab\n  expires: 2020-01-01\n", file: "w.yml")
        let (dir, target) = try fixtureRootfs()
        defer { withExtendedLifetime(dir) {} }
        let report = ProfileRunner.run(LinuxBaseline.profile, on: target, waivers: waivers, today: "2026-11-29")
        #expect(report.results.first { $0.control.id == "os-01" }?.status == .skipped)
        #expect(report.results.first { $0.control.id == "package-02" }?.status == .failed, "an expired waiver stops applying")
        #expect(report.waived["package-02"]?.expired == true)
        #expect(throws: ConfigurationError.self) { try WaiverLoader.load(yaml: "- control: os-01\n", file: "w.yml") }
    }
}
