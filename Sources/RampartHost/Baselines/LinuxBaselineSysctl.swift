import RampartCore

/// The dev-sec `linux-baseline`'s kernel parameter controls (`sysctl-*`). On a running system the
/// values come from `/proc/sys`; on a root file system from its `sysctl.d` files in the kernel's
/// precedence order, and the kernel's default where nothing sets a key.
extension LinuxBaseline {
    static func sysctlControl(_ id: String, _ title: String, _ settings: [(String, Matcher, String?)], _ description: String, onlyIf: [Check] = []) -> Control {
        let fixes = settings.compactMap { key, _, value in value.map { Remediation.sysctl(key: key, value: $0) } }
        return Control(
            id: id, title: title, impact: 1.0, description: description, tags: ["sysctl"],
            onlyIf: [notInContainer] + onlyIf, checks: settings.map { DSL.sysctl($0.0, $0.1) }, remediation: fixes,
            notFixable: fixes.isEmpty ? "the value is a site decision" : nil
        )
    }

    static var sysctlControls: [Control] {
        [
            sysctlControl("sysctl-01", "IPv4 forwarding off", [("net.ipv4.ip_forward", .eq("0"), "0"), ("net.ipv4.conf.all.forwarding", .eq("0"), "0")], "A host that is not a router does not forward packets between its interfaces."),
            sysctlControl("sysctl-02", "Reverse path filtering", [("net.ipv4.conf.all.rp_filter", .eq("1"), "1"), ("net.ipv4.conf.default.rp_filter", .eq("1"), "1")], "Packets whose source address could not have arrived on their interface (spoofed) are dropped."),
            sysctlControl("sysctl-03", "Ignore bogus ICMP error responses", [("net.ipv4.icmp_ignore_bogus_error_responses", .eq("1"), "1")], "Malformed ICMP error responses are not logged, so they cannot fill the logs."),
            sysctlControl("sysctl-04", "Ignore ICMP echo to broadcast addresses", [("net.ipv4.icmp_echo_ignore_broadcasts", .eq("1"), "1")], "The host does not answer broadcast pings (smurf amplification)."),
            sysctlControl("sysctl-05", "ICMP rate limit", [("net.ipv4.icmp_ratelimit", .eq("100"), "100")], "ICMP replies are rate-limited (one per 100 ms for the masked types)."),
            sysctlControl("sysctl-06", "ICMP rate mask", [("net.ipv4.icmp_ratemask", .eq("88089"), "88089")], "The rate limit applies to the ICMP types attackers use for reconnaissance and floods."),
            sysctlControl("sysctl-07", "No TCP timestamps", [("net.ipv4.tcp_timestamps", .eq("0"), "0")], "TCP timestamps reveal uptime and help fingerprint the host."),
            sysctlControl("sysctl-08", "ARP ignore", [("net.ipv4.conf.all.arp_ignore", .match("^(1|2)$"), "1")], "ARP requests are answered only for addresses of the interface they arrive on."),
            sysctlControl("sysctl-09", "ARP announce", [("net.ipv4.conf.all.arp_announce", .eq("2"), "2")], "ARP requests use the best local address for the target, not any address of the host."),
            sysctlControl("sysctl-10", "TCP time-wait assassination protection (RFC 1337)", [("net.ipv4.tcp_rfc1337", .eq("1"), "1")], "RST packets do not kill sockets in TIME-WAIT state."),
            sysctlControl("sysctl-11", "SYN cookies", [("net.ipv4.tcp_syncookies", .eq("1"), "1")], "SYN floods are absorbed with SYN cookies."),
            sysctlControl("sysctl-12", "Shared media", [("net.ipv4.conf.all.shared_media", .eq("1"), "1"), ("net.ipv4.conf.default.shared_media", .eq("1"), "1")], "Redirects between subnets sharing a medium are sent only when both are on it."),
            sysctlControl("sysctl-13", "No source routing", [("net.ipv4.conf.all.accept_source_route", .eq("0"), "0"), ("net.ipv4.conf.default.accept_source_route", .eq("0"), "0"), ("net.ipv6.conf.all.accept_source_route", .eq("0"), "0"), ("net.ipv6.conf.default.accept_source_route", .eq("0"), "0")], "Source-routed packets (whose sender chooses the route) are refused."),
            sysctlControl("sysctl-14", "No IPv4 ICMP redirects accepted", [("net.ipv4.conf.default.accept_redirects", .eq("0"), "0"), ("net.ipv4.conf.all.accept_redirects", .eq("0"), "0")], "ICMP redirects cannot change the host's routes (a man-in-the-middle technique)."),
            sysctlControl("sysctl-15", "No secure redirects accepted", [("net.ipv4.conf.all.secure_redirects", .eq("0"), "0"), ("net.ipv4.conf.default.secure_redirects", .eq("0"), "0")], "Not even redirects from the listed gateways are accepted."),
            sysctlControl("sysctl-16", "No ICMP redirects sent", [("net.ipv4.conf.default.send_redirects", .eq("0"), "0"), ("net.ipv4.conf.all.send_redirects", .eq("0"), "0")], "A host that is not a router does not send redirects."),
            sysctlControl("sysctl-17", "Log martian packets", [("net.ipv4.conf.all.log_martians", .eq("1"), "1"), ("net.ipv4.conf.default.log_martians", .eq("1"), "1")], "Packets with impossible addresses are logged."),
            sysctlControl("sysctl-19", "IPv6 forwarding off", [("net.ipv6.conf.all.forwarding", .eq("0"), "0")], "A host that is not a router does not forward IPv6 packets."),
            sysctlControl("sysctl-20", "No IPv6 redirects accepted", [("net.ipv6.conf.default.accept_redirects", .eq("0"), "0"), ("net.ipv6.conf.all.accept_redirects", .eq("0"), "0")], "ICMPv6 redirects cannot change the host's routes."),
            sysctlControl("sysctl-21", "No IPv6 router solicitations", [("net.ipv6.conf.default.router_solicitations", .eq("0"), "0"), ("net.ipv6.conf.all.router_solicitations", .eq("0"), "0")], "The host does not solicit routers: its addresses are configured, not learned."),
            sysctlControl("sysctl-22", "No router preference from advertisements", [("net.ipv6.conf.default.accept_ra_rtr_pref", .eq("0"), "0")], "Router advertisements cannot set router preferences."),
            sysctlControl("sysctl-23", "No prefixes from router advertisements", [("net.ipv6.conf.default.accept_ra_pinfo", .eq("0"), "0")], "Router advertisements cannot give the host prefixes (addresses)."),
            sysctlControl("sysctl-24", "No default router from advertisements", [("net.ipv6.conf.default.accept_ra_defrtr", .eq("0"), "0")], "Router advertisements cannot set the default route."),
            sysctlControl("sysctl-25", "No router advertisements", [("net.ipv6.conf.all.accept_ra", .eq("0"), "0"), ("net.ipv6.conf.default.accept_ra", .eq("0"), "0")], "Router advertisements are ignored altogether (a rogue router cannot reconfigure the host)."),
            sysctlControl("sysctl-26", "No IPv6 autoconfiguration", [("net.ipv6.conf.default.autoconf", .eq("0"), "0"), ("net.ipv6.conf.all.autoconf", .eq("0"), "0")], "Addresses are not derived automatically from advertised prefixes."),
            sysctlControl("sysctl-27", "No duplicate address detection probes", [("net.ipv6.conf.default.dad_transmits", .eq("0"), "0")], "No neighbour solicitations are sent per address for duplicate detection."),
            sysctlControl("sysctl-28", "One global IPv6 address per interface", [("net.ipv6.conf.default.max_addresses", .eq("1"), "1")], "Each interface gets at most one global unicast address."),
            sysctlControl("sysctl-29", "Kernel module loading as decided", [("kernel.modules_disabled", .eq("0"), nil)], "kernel.modules_disabled has the value the site chose (0 by default: disabling module loading is one-way until reboot)."),
            sysctlControl("sysctl-30", "Magic SysRq off", [("kernel.sysrq", .eq("0"), "0")], "The SysRq key combinations (reboot, dump memory, kill all) are off."),
            sysctlControl("sysctl-31a", "No core dumps of setuid programs (or only to a safe path)", [("fs.suid_dumpable", .match("^(0|2)$"), "0")], "Core dumps of privileged programs are off, or readable by root only."),
            sysctlControl("sysctl-32", "Full address space layout randomisation", [("kernel.randomize_va_space", .eq("2"), "2")], "Stack, heap, mmap and VDSO addresses are randomised."),
            sysctlControl("sysctl-35", "ptrace restricted to administrators", [("kernel.yama.ptrace_scope", .cmp(.greaterOrEqual, "2"), "2")], "Only processes with CAP_SYS_PTRACE can attach to others (no reading a sibling's memory for keys)."),
            sysctlControl("sysctl-31b", "Core dumps of setuid programs go to a safe path", [("kernel.core_pattern", .match("^\\|?/"), nil)],
                          "With fs.suid_dumpable = 2, core_pattern must be an absolute path or a pipe to a program, never a relative path an attacker can plant.",
                          onlyIf: [.expect(FactQuery("kernel_parameter", "fs.suid_dumpable", "value"), .eq("2"))]),
            Control(id: "sysctl-33", title: "CPU no-execute (NX) protection", impact: 1.0,
                    description: "The processor marks data pages non-executable (the nx flag), or the kernel emulates it (exec-shield).",
                    tags: ["sysctl"], onlyIf: [notInContainer], checks: [.custom(CustomCheck("File /proc/cpuinfo flags should include nx", evaluate: nxCheck))],
                    needsLiveSystem: true, notFixable: "a property of the processor and the kernel"),
            Control(id: "sysctl-34", title: "Links, FIFOs and regular files in sticky folders are protected", impact: 1.0,
                    description: "Symlinks and hardlinks in world-writable sticky folders (/tmp) are followed only when their owners match, and FIFOs and files there are opened only by their owners (the classic /tmp races).",
                    tags: ["sysctl"], onlyIf: [notInContainer],
                    checks: [DSL.sysctl("fs.protected_fifos", .oneOf(["1", "2"])), DSL.sysctl("fs.protected_hardlinks", .eq("1")),
                             DSL.sysctl("fs.protected_regular", .eq("2")), DSL.sysctl("fs.protected_symlinks", .eq("1"))],
                    remediation: [.sysctl(key: "fs.protected_fifos", value: "1"), .sysctl(key: "fs.protected_hardlinks", value: "1"),
                                  .sysctl(key: "fs.protected_regular", value: "2"), .sysctl(key: "fs.protected_symlinks", value: "1")],
                    note: "dev-sec accepts an unset fs.protected_fifos and fs.protected_regular (nil); Rampart compares the effective value, the kernel default included."),
        ]
    }

    static func nxCheck(_ facts: HostFacts) -> [CheckResult] {
        let description = "File /proc/cpuinfo flags should include nx"
        guard let text = facts.target.text("/proc/cpuinfo", limit: 4 << 20) else { return [CheckResult(.skipped, description, message: "no /proc/cpuinfo")] }
        let flags = text.split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ") ?? []
        if flags.contains("nx") { return [CheckResult(.passed, description)] }
        let shield = facts.target.text("/proc/sys/kernel/exec-shield")?.trimmingWhitespace()
        return [shield == "1" ? CheckResult(.passed, description, message: "exec-shield on") : CheckResult(.failed, description, message: "no nx flag and no exec-shield")]
    }
}
