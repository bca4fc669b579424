import Foundation
@testable import RampartHost
import RampartTestSupport
import Testing

@Suite struct ResourceSysctlTests {
    func tree() throws -> (TemporaryDirectory, FixtureTarget) {
        let (dir, target) = try fixtureRoot([
            // Masked as a whole by /etc/sysctl.d/50-default.conf: none of its lines apply.
            "usr/lib/sysctl.d/50-default.conf": "net.ipv4.conf.all.rp_filter = 2\nkernel.sysrq = 16\nfs.protected_hardlinks = 1\n",
            "etc/sysctl.d/50-default.conf": "kernel.sysrq = 0\n",
            "usr/lib/sysctl.d/10-early.conf": "net.ipv4.ip_forward = 1\nnet.ipv4.tcp_timestamps = 0\n",
            "etc/sysctl.d/60-late.conf": "; a comment\n# another\nnet.ipv4.ip_forward=0\n",
            "run/sysctl.d/70-run.conf": "net/ipv4/tcp_syncookies = 0\n-net.ipv4.conf.all.bogus = 1\n",
            "etc/sysctl.conf": "net.ipv4.tcp_syncookies = 1\nkernel.core_pattern = |/usr/lib/systemd/systemd-coredump %P %u\n",
            "etc/sysctl.d/80-glob.conf": "net.ipv4.conf.default.log_martians = 0\nnet.ipv4.conf.*.log_martians = 1\n-net.ipv4.conf.lo.log_martians\n",
            "etc/sysctl.d/README": "kernel.randomize_va_space = 0\n",
            "usr/lib/sysctl.d/99-masked.conf": "kernel.randomize_va_space = 0\n",
        ])
        try dir.symlink("root/etc/sysctl.d/99-masked.conf", to: "/dev/null")
        return (dir, target)
    }

    @Test func configurationOrderAndMasking() throws {
        let (_, target) = try tree()
        let parameters = KernelParameters.load(from: target)
        #expect(parameters.files == ["/usr/lib/sysctl.d/10-early.conf", "/etc/sysctl.d/50-default.conf", "/etc/sysctl.d/60-late.conf",
                                     "/run/sysctl.d/70-run.conf", "/etc/sysctl.d/80-glob.conf", "/etc/sysctl.d/99-masked.conf", "/etc/sysctl.conf"])
        // /etc's 50-default.conf masks /usr/lib's: its rp_filter and protected_hardlinks never apply.
        #expect(parameters.value("kernel.sysrq")?.value == "0")
        #expect(pair(parameters.value("net.ipv4.conf.all.rp_filter")) == ["0", "kernel default"])
        #expect(parameters.value("fs.protected_hardlinks")?.source == "kernel default")
        // Lexical order across folders: /usr/lib's 10- before /etc's 60-.
        #expect(pair(parameters.value("net.ipv4.ip_forward")) == ["0", "/etc/sysctl.d/60-late.conf:3"])
        #expect(parameters.history("net.ipv4.ip_forward").count == 2)
        #expect(parameters.value("net.ipv4.tcp_timestamps")?.value == "0")
        // /etc/sysctl.conf comes last; the slash form is the same key.
        #expect(pair(parameters.value("net.ipv4.tcp_syncookies")) == ["1", "/etc/sysctl.conf:1"])
        #expect(parameters.value("kernel.core_pattern")?.value == "|/usr/lib/systemd/systemd-coredump %P %u")
        // A link to /dev/null masks; files without .conf are ignored.
        #expect(pair(parameters.value("kernel.randomize_va_space")) == ["2", "kernel default"])
        #expect(parameters.value("kernel.exec-shield") == nil)
    }

    @Test func globsExplicitKeysAndExclusions() throws {
        let (_, target) = try tree()
        let parameters = KernelParameters.load(from: target)
        // The explicit key wins over the later glob, as procps does.
        #expect(parameters.value("net.ipv4.conf.default.log_martians")?.value == "0")
        #expect(pair(parameters.value("net.ipv4.conf.all.log_martians")) == ["1", "/etc/sysctl.d/80-glob.conf:2"])
        #expect(parameters.value("net.ipv4.conf.lo.log_martians") == nil)
        #expect(parameters.assignments.contains { $0.key == "net.ipv4.conf.all.bogus" && $0.ignoreErrors })
    }

    @Test func keyForms() {
        #expect(KernelParameters.normalize("net/ipv4/ip_forward") == "net.ipv4.ip_forward")
        #expect(KernelParameters.normalize("net/ipv4/conf/eth0.100/forwarding") == "net.ipv4.conf.eth0/100.forwarding")
        #expect(KernelParameters.normalize("net.ipv4.conf.eth0/100.forwarding") == "net.ipv4.conf.eth0/100.forwarding")
        #expect(KernelParameters.procPath("net.ipv4.conf.eth0/100.forwarding") == "/proc/sys/net/ipv4/conf/eth0.100/forwarding")
        let parsed = KernelParameters.parse("  a.b = 1  \n-c.d=2\nbad line\n=3\nk =  4\t5\n", path: "/x.conf")
        #expect(parsed.map(\.key) == ["a.b", "c.d", "k"])
        #expect(parsed.map(\.value) == ["1", "2", "4 5"])
        #expect(parsed.map(\.origin.line) == [1, 2, 5])
    }

    @Test func liveTargetsReadProc() throws {
        let dir = TemporaryDirectory("sysctl-live")
        try dir.write("root/proc/sys/net/ipv4/ip_forward", "1\n")
        try dir.write("root/proc/sys/net/ipv4/tcp_rmem", "4096\t131072\t6291456\n")
        try dir.write("root/etc/sysctl.conf", "net.ipv4.ip_forward = 0\n")
        let parameters = KernelParameters.load(from: FixtureTarget(dir, live: true))
        #expect(pair(parameters.value("net.ipv4.ip_forward")) == ["1", "/proc/sys/net/ipv4/ip_forward"])
        #expect(parameters.value("net/ipv4/tcp_rmem")?.value == "4096 131072 6291456")
        #expect(parameters.value("kernel.exec-shield") == nil)
        #expect(parameters.configured("net.ipv4.ip_forward")?.value == "0")
    }
}
