import Foundation

/// Kernel parameters (`sysctl`).
///
/// On a live target the running value is read from `/proc/sys/<key with dots as slashes>`.
/// On a root file system the value the system would have after boot is computed from its
/// configuration, in the order procps' `sysctl --system` applies it (systemd-sysctl uses the same
/// folders and rule, without `/etc/sysctl.conf`, which Debian links in as `99-sysctl.conf`):
///
/// 1. `*.conf` files of `/etc/sysctl.d`, `/run/sysctl.d`, `/usr/local/lib/sysctl.d`,
///    `/usr/lib/sysctl.d`, `/lib/sysctl.d`; a name in an earlier folder masks the same name in a
///    later one (a link to `/dev/null` masks and sets nothing);
/// 2. the survivors applied in byte order of their file names, whatever their folder;
/// 3. `/etc/sysctl.conf` last.
///
/// A later assignment overrides an earlier one. An explicit key beats any glob
/// (`net.ipv4.conf.*.rp_filter`), whatever their order, and `-key` without a value excludes a
/// key from globs, as procps does. Unset keys fall back to the Linux kernel's built-in default
/// for the keys audits check (`source` is `kernel default`).
public struct KernelParameters: Sendable {
    public struct Assignment: Sendable, Equatable {
        /// Dotted (`net.ipv4.ip_forward`); may hold glob characters.
        public var key: String
        /// Nil for an exclusion (`-net.ipv4.conf.lo.rp_filter`).
        public var value: String?
        public var origin: ConfigOrigin
        /// `-key = value`: errors setting it are ignored.
        public var ignoreErrors: Bool

        public var isGlob: Bool { Glob.hasWildcards(key) }
    }

    /// Every assignment of the configuration, in application order.
    public var assignments: [Assignment]
    /// Files that could not be read (too large, a FIFO, unreadable): their settings are unknown.
    public var problems: [String] = []
    /// Configuration files in application order.
    public var files: [String]
    /// Set on live targets: values come from `/proc/sys` through it.
    private let live: (any HostTarget)?

    public init(assignments: [Assignment], files: [String] = []) {
        self.assignments = assignments
        self.files = files
        self.live = nil
    }

    public static let configurationFolders = ["/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d"]

    public static func load(from target: any HostTarget) -> KernelParameters {
        var files = HostPath.configFiles(in: configurationFolders, suffix: ".conf", on: target)
        if target.info("/etc/sysctl.conf")?.kind == .file { files.append("/etc/sysctl.conf") }
        var assignments: [Assignment] = []
        var problems: [String] = []
        for path in files {
            switch HostPath.readConfig(path, on: target) {
            case .success(let text): assignments += text.map { parse($0, path: path) } ?? []
            case .failure(let error): problems.append("\(error)")
            }
        }
        var parameters = KernelParameters(assignments: assignments, files: files)
        if target.isLive { parameters = KernelParameters(assignments: assignments, files: files, live: target) }
        parameters.problems = problems
        return parameters
    }

    private init(assignments: [Assignment], files: [String], live: any HostTarget) {
        self.assignments = assignments
        self.files = files
        self.live = live
    }

    /// One file: `key = value`, `key=value`, `-key = value`, `-key` (exclusion), `#`/`;` comments.
    public static func parse(_ text: String, path: String) -> [Assignment] {
        var assignments: [Assignment] = []
        ConfigText.forEachLine(text) { number, line in
            let content = ConfigText.trimmed(line)
            guard content.count >= 2, content.first != "#", content.first != ";" else { return }
            let origin = ConfigOrigin(path: path, line: number)
            guard let equals = content.firstIndex(of: "=") else {
                if content.first == "-" {
                    assignments.append(Assignment(key: normalize(String(ConfigText.trimmed(content.dropFirst()))), value: nil, origin: origin, ignoreErrors: true))
                }
                return
            }
            var key = ConfigText.trimmed(content[..<equals])
            let ignore = key.first == "-"
            if ignore { key = ConfigText.trimmed(key.dropFirst()) }
            guard !key.isEmpty else { return }
            let value = collapse(ConfigText.trimmed(content[content.index(after: equals)...]))
            assignments.append(Assignment(key: normalize(String(key)), value: value, origin: origin, ignoreErrors: ignore))
        }
        return assignments
    }

    /// Dotted form: when the first separator is a slash, slashes and dots swap
    /// (`net/ipv4/conf/eth0.100/forwarding` → `net.ipv4.conf.eth0/100.forwarding`), as sysctl.d(5).
    public static func normalize(_ key: String) -> String {
        guard let separator = key.first(where: { $0 == "." || $0 == "/" }), separator == "/" else { return key }
        return String(key.map { $0 == "/" ? "." : $0 == "." ? "/" : $0 })
    }

    /// The `/proc/sys` path of a dotted key.
    public static func procPath(_ key: String) -> String {
        "/proc/sys/" + String(normalize(key).map { $0 == "." ? "/" : $0 == "/" ? "." : $0 })
    }

    /// Runs of blanks become one space (`/proc/sys` separates fields with tabs; files with
    /// anything), so values compare as text.
    static func collapse<S: StringProtocol>(_ text: S) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    // MARK: Queries

    /// The effective value and where it comes from: `/proc/sys/…` on a live target (nil when the
    /// kernel has no such key), else `file:line` of the configuration, else `kernel default`.
    public func value(_ key: String) -> (value: String, source: String)? {
        let key = Self.normalize(key)
        if let live {
            let path = Self.procPath(key)
            guard let text = live.text(path, limit: 1 << 20) else { return nil }
            return (Self.collapse(text), path)
        }
        if let configured = configured(key) { return (configured.value ?? "", configured.origin.description) }
        if let fallback = Self.kernelDefaults[key] { return (fallback, "kernel default") }
        return nil
    }

    /// The assignment the configuration makes effective for `key` (nil when none applies).
    public func configured(_ key: String) -> Assignment? {
        let key = Self.normalize(key)
        if let explicit = assignments.last(where: { !$0.isGlob && $0.key == key && $0.value != nil }) { return explicit }
        // An exclusion (`-key`) removes the key from every glob.
        if assignments.contains(where: { !$0.isGlob && $0.key == key && $0.value == nil }) { return nil }
        return assignments.last { $0.isGlob && $0.value != nil && Glob($0.key).matches(key) }
    }

    /// Every assignment touching `key`, in application order (to show overridden values).
    public func history(_ key: String) -> [Assignment] {
        let key = Self.normalize(key)
        return assignments.filter { $0.isGlob ? Glob($0.key).matches(key) : $0.key == key }
    }

    /// Linux's built-in values (upstream Kconfig defaults where a config option decides) for the
    /// keys the baselines check. `kernel.exec-shield` is not mainline: no default.
    public static let kernelDefaults: [String: String] = [
        "net.ipv4.ip_forward": "0",
        "net.ipv4.conf.all.forwarding": "0", "net.ipv4.conf.default.forwarding": "0",
        "net.ipv4.conf.all.rp_filter": "0", "net.ipv4.conf.default.rp_filter": "0",
        "net.ipv4.icmp_ignore_bogus_error_responses": "1",
        "net.ipv4.icmp_echo_ignore_broadcasts": "1",
        "net.ipv4.icmp_ratelimit": "1000",
        "net.ipv4.icmp_ratemask": "6168",
        "net.ipv4.tcp_timestamps": "1",
        "net.ipv4.conf.all.arp_ignore": "0", "net.ipv4.conf.default.arp_ignore": "0",
        "net.ipv4.conf.all.arp_announce": "0", "net.ipv4.conf.default.arp_announce": "0",
        "net.ipv4.tcp_rfc1337": "0",
        "net.ipv4.tcp_syncookies": "1",
        "net.ipv4.conf.all.shared_media": "1", "net.ipv4.conf.default.shared_media": "1",
        // devinet.c: `default` accepts source routes, `all` does not.
        "net.ipv4.conf.all.accept_source_route": "0", "net.ipv4.conf.default.accept_source_route": "1",
        "net.ipv6.conf.all.accept_source_route": "0", "net.ipv6.conf.default.accept_source_route": "0",
        "net.ipv4.conf.all.accept_redirects": "1", "net.ipv4.conf.default.accept_redirects": "1",
        "net.ipv4.conf.all.secure_redirects": "1", "net.ipv4.conf.default.secure_redirects": "1",
        "net.ipv4.conf.all.send_redirects": "1", "net.ipv4.conf.default.send_redirects": "1",
        "net.ipv4.conf.all.log_martians": "0", "net.ipv4.conf.default.log_martians": "0",
        "net.ipv6.conf.all.forwarding": "0", "net.ipv6.conf.default.forwarding": "0",
        "net.ipv6.conf.all.accept_redirects": "1", "net.ipv6.conf.default.accept_redirects": "1",
        // Unlimited (-1) since Linux 4.9 (RFC 7559 backoff).
        "net.ipv6.conf.all.router_solicitations": "-1", "net.ipv6.conf.default.router_solicitations": "-1",
        "net.ipv6.conf.all.accept_ra_rtr_pref": "1", "net.ipv6.conf.default.accept_ra_rtr_pref": "1",
        "net.ipv6.conf.all.accept_ra_pinfo": "1", "net.ipv6.conf.default.accept_ra_pinfo": "1",
        "net.ipv6.conf.all.accept_ra_defrtr": "1", "net.ipv6.conf.default.accept_ra_defrtr": "1",
        "net.ipv6.conf.all.accept_ra": "1", "net.ipv6.conf.default.accept_ra": "1",
        "net.ipv6.conf.all.autoconf": "1", "net.ipv6.conf.default.autoconf": "1",
        "net.ipv6.conf.all.dad_transmits": "1", "net.ipv6.conf.default.dad_transmits": "1",
        "net.ipv6.conf.all.max_addresses": "16", "net.ipv6.conf.default.max_addresses": "16",
        "kernel.modules_disabled": "0",
        // CONFIG_MAGIC_SYSRQ_DEFAULT_ENABLE's upstream default.
        "kernel.sysrq": "1",
        "fs.suid_dumpable": "0",
        "kernel.core_pattern": "core",
        "kernel.randomize_va_space": "2",
        "fs.protected_fifos": "0", "fs.protected_hardlinks": "0", "fs.protected_regular": "0", "fs.protected_symlinks": "0",
        "kernel.yama.ptrace_scope": "1",
        "kernel.kptr_restrict": "0",
        "kernel.dmesg_restrict": "0",
        "kernel.unprivileged_bpf_disabled": "2",
        "net.core.bpf_jit_harden": "0",
    ]
}
