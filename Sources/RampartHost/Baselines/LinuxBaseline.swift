import RampartCore

/// The dev-sec `linux-baseline` (`os-*`, `package-*`, `sysctl-*`), with the same ids and intent;
/// descriptions are Rampart's. Where dev-sec's published check misses its own intent, the intent
/// is implemented and the control's note says how they differ.
enum LinuxBaseline {
    static var profile: Profile {
        Profile(name: "linux-baseline", title: "DevSec Linux Security Baseline (Rampart)", version: "2.10.0", controls: osControls + packageControls + sysctlControls)
    }

    /// dev-sec's `!container_execution`: kernel and mount controls do not apply inside a container.
    static let notInContainer = Check.expect(FactQuery("os", "release", "container"), .eq("false"))
    static let debianLike = Check.expect(FactQuery("os", "release", "family"), .oneOf(["debian", "suse", "alpine"]))

    /// dev-sec's default SUID/SGID blacklist: programs that need no privilege bit today.
    static let setuidBlacklist = [
        "/usr/bin/rcp", "/usr/bin/rlogin", "/usr/bin/rsh", "/usr/libexec/openssh/ssh-keysign", "/usr/lib/openssh/ssh-keysign",
        "/sbin/netreport", "/usr/sbin/usernetctl", "/usr/sbin/userisdnctl", "/usr/sbin/pppd", "/usr/bin/lockfile", "/usr/bin/mail-lock",
        "/usr/bin/mail-unlock", "/usr/bin/mail-touchlock", "/usr/bin/dotlockfile", "/usr/bin/arping", "/usr/sbin/arping", "/usr/sbin/uuidd",
        "/usr/bin/mtr", "/usr/lib/evolution/camel-lock-helper-1.2", "/usr/lib/pt_chown", "/usr/lib/eject/dmcrypt-get-device", "/usr/lib/mc/cons.saver",
    ]

    static let loginDefs: [(key: String, matcher: Matcher, value: String)] = [
        ("ENV_SUPATH", .match("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
        ("ENV_PATH", .match("PATH=/usr/local/bin:/usr/bin:/bin"), "PATH=/usr/local/bin:/usr/bin:/bin"),
        ("UMASK", .eq("027"), "027"),
        ("PASS_MAX_DAYS", .eq("60"), "60"),
        ("PASS_MIN_DAYS", .eq("7"), "7"),
        ("PASS_WARN_AGE", .eq("7"), "7"),
        ("LOGIN_RETRIES", .eq("5"), "5"),
        ("LOGIN_TIMEOUT", .eq("60"), "60"),
        ("UID_MIN", .eq("1000"), "1000"),
        ("GID_MIN", .eq("1000"), "1000"),
    ]

    static let unusedFilesystems = ["cramfs", "freevxfs", "jffs2", "hfs", "hfsplus", "squashfs", "udf", "vfat"]
    static let cronPaths = ["/etc/crontab", "/etc/cron.hourly", "/etc/cron.daily", "/etc/cron.weekly", "/etc/cron.monthly", "/etc/cron.d"]

    static var osControls: [Control] {
        [
            Control(id: "os-01", title: "No trusted hosts file", impact: 1.0,
                    description: "/etc/hosts.equiv lets users of listed hosts log in without a password through the r-commands: trust by address, which anyone on the network can fake.",
                    tags: ["os"], checks: [DSL.file("/etc/hosts.equiv", "exists", .eq("false"))],
                    remediation: [.fileAbsent(path: "/etc/hosts.equiv")]),
            Control(id: "os-02", title: "/etc/shadow owned by root, readable by its group at most", impact: 1.0,
                    description: "The password hashes are readable by root (and on Debian, SUSE and Alpine by the `shadow` group that password tools run as), by nobody else, and writable by root only.",
                    tags: ["os"], onlyIf: [debianLike], checks: DSL.owned("/etc/shadow", group: "shadow", mask: 0o640) + [DSL.file("/etc/shadow", "type", .eq("file"))],
                    remediation: [.fileMode(path: "/etc/shadow", owner: "root", group: "shadow", removeBits: 0o137)]),
            Control(id: "os-03", title: "/etc/passwd owned by root, writable by root only", impact: 1.0,
                    description: "The account list is world-readable (programs need it) but only root may change it.",
                    tags: ["os"], checks: DSL.owned("/etc/passwd", mask: 0o644) + [DSL.file("/etc/passwd", "type", .eq("file"))],
                    remediation: [.fileMode(path: "/etc/passwd", owner: "root", group: "root", removeBits: 0o133)]),
            Control(id: "os-03b", title: "No password hashes in /etc/passwd", impact: 1.0,
                    description: "Every account's password field in /etc/passwd is `x` (the hash is in /etc/shadow) or `*`: a hash in the world-readable file can be cracked offline.",
                    tags: ["os"], checks: [.custom(CustomCheck("Passwd passwords should be in [x, *]", evaluate: passwordFieldsCheck))],
                    notFixable: "moving hashes to /etc/shadow is pwconv's job; run it after a review"),
            Control(id: "os-04", title: "No empty or relative entries in PATH", impact: 1.0,
                    description: "An empty entry or `.` in PATH runs programs from the current folder: a planted `ls` in /tmp runs as whoever types ls there.",
                    tags: ["os"], checks: [.custom(CustomCheck("Os env PATH should have no empty or . entry", evaluate: pathCheck))],
                    needsLiveSystem: true, notFixable: "PATH comes from shell start-up files and the service manager"),
            Control(id: "os-05", title: "login.defs owned by root with a strict policy", impact: 1.0,
                    description: "login.defs sets the password ageing, umask, login retries and timeouts, and the PATH of logins; root owns it and the values are strict.",
                    tags: ["os"], checks: DSL.owned("/etc/login.defs", mask: 0o644) + loginDefs.map { DSL.loginDefs($0.key, $0.matcher) },
                    remediation: [.fileMode(path: "/etc/login.defs", owner: "root", group: "root", removeBits: 0o133)]
                        + loginDefs.map { .configLine(file: "/etc/login.defs", key: $0.key, value: $0.value, separator: "\t") },
                    note: "ENV_SUPATH and ENV_PATH are matched as the PATH they set (dev-sec's `include` on the raw line)."),
            Control(id: "os-05b", title: "login.defs system id ranges (Red Hat)", impact: 1.0,
                    description: "On Red Hat systems, system accounts and groups take ids from 201 to 999, and login.defs is not writable.",
                    tags: ["os"], onlyIf: [.expect(FactQuery("os", "release", "family"), .eq("redhat"))],
                    checks: [DSL.file("/etc/login.defs", "mode", .notMorePermissiveThan(0o444))]
                        + [("SYS_UID_MIN", "201"), ("SYS_UID_MAX", "999"), ("SYS_GID_MIN", "201"), ("SYS_GID_MAX", "999")].map { DSL.loginDefs($0.0, .eq($0.1)) },
                    remediation: [("SYS_UID_MIN", "201"), ("SYS_UID_MAX", "999"), ("SYS_GID_MIN", "201"), ("SYS_GID_MAX", "999")].map {
                        .configLine(file: "/etc/login.defs", key: $0.0, value: $0.1, separator: "\t")
                    } + [.fileMode(path: "/etc/login.defs", owner: "root", group: "root", removeBits: 0o333)]),
            Control(id: "os-06", title: "No setuid or setgid bit on programs that need none", impact: 1.0,
                    description: "Programs on the blacklist (r-commands, pppd, arping, mtr, lock helpers…) run without the setuid or setgid bit: each one set is a way to root if the program has a bug.",
                    tags: ["os"], checks: [.custom(CustomCheck("Suid check blacklisted programs should have no setuid or setgid bit", evaluate: setuidBlacklistCheck))],
                    remediation: setuidBlacklist.map { .fileMode(path: $0, owner: nil, group: nil, removeBits: 0o6000) },
                    note: "dev-sec searches with `-perm 4000`, an exact-mode match that misses every normal setuid program (mode 4755), so its control passes when it should fail. Rampart tests the bits (`-perm /6000`)."),
            Control(id: "os-07", title: "Unique user and group ids", impact: 1.0,
                    description: "Two accounts with one uid (or two groups with one gid) are the same account to the kernel: an audit trail cannot tell them apart.",
                    tags: ["os"], checks: [.custom(CustomCheck("Passwd uids and group gids should be unique", evaluate: uniqueIDsCheck))],
                    notFixable: "renumbering accounts changes file ownership; it needs a decision"),
            Control(id: "os-09", title: "No .rhosts or .netrc files", impact: 1.0,
                    description: ".rhosts grants password-less r-command logins; .netrc holds plain-text passwords for FTP and curl.",
                    tags: ["os"], checks: [.custom(CustomCheck("Command find / -maxdepth 3 .rhosts .netrc should find nothing", evaluate: trustFilesCheck))],
                    notFixable: "the files belong to users; remove them after telling their owners"),
            Control(id: "os-10", title: "Unused file systems cannot be loaded", impact: 1.0,
                    description: "Kernel modules for file systems the host does not use (cramfs, freevxfs, jffs2, hfs, hfsplus, squashfs, udf, vfat) are disabled with `install <module> /bin/true`: their parsers are attack surface for a crafted USB stick or image.",
                    tags: ["os"], onlyIf: [notInContainer], checks: [.custom(CustomCheck("Kernel modules of unused file systems should be disabled", evaluate: unusedFilesystemsCheck))],
                    remediation: unusedFilesystems.map { .modprobe(file: "/etc/modprobe.d/dev-sec.conf", line: "install \($0) /bin/true") },
                    note: "dev-sec reads only /etc/modprobe.d/dev-sec.conf; Rampart accepts the module disabled in any modprobe.d file. squashfs is not required while snapd is installed, vfat not on EFI systems."),
            Control(id: "os-11", title: "/var/log owned by root", impact: 1.0,
                    description: "The log folder belongs to root (group root or syslog), so no other account can remove or replace logs.",
                    tags: ["os"], checks: [DSL.file("/var/log", "type", .eq("directory")), DSL.file("/var/log", "owner", .eq("root")), DSL.file("/var/log", "group", .match("^(root|syslog)$"))],
                    remediation: [.fileMode(path: "/var/log", owner: "root", group: nil, removeBits: 0o002)]),
            Control(id: "os-12", title: "No known CPU vulnerability left unmitigated", impact: 1.0,
                    description: "The kernel reports every CPU vulnerability it knows (Spectre, Meltdown, MDS…) as mitigated or not affected.",
                    tags: ["os"], onlyIf: [notInContainer], checks: [.custom(CustomCheck("Files in /sys/devices/system/cpu/vulnerabilities should not say vulnerable", evaluate: cpuVulnerabilitiesCheck))],
                    needsLiveSystem: true, notFixable: "needs kernel and microcode updates, or boot parameters"),
            Control(id: "os-13", title: "Cron files owned by root, private", impact: 1.0,
                    description: "The system crontab and cron folders belong to root and nobody else can read or change them: a writable one is a way to root, a readable one tells attackers what runs when.",
                    tags: ["os"], checks: [.custom(CustomCheck("Cron files should be owned by root, not readable or writable by group or other", evaluate: cronCheck))],
                    remediation: cronPaths.map { .fileMode(path: $0, owner: "root", group: nil, removeBits: 0o066) }),
            mountControl("os-14", "noexec", ["/boot", "/dev", "/dev/shm", "/tmp", "/var/log", "/var/log/audit", "/var/tmp"],
                         "Programs cannot be run from folders meant for data (temporary files, logs, shared memory)."),
            mountControl("os-15", "nosuid", ["/boot", "/dev", "/dev/shm", "/home", "/run", "/tmp", "/var", "/var/log", "/var/log/audit", "/var/tmp"],
                         "Setuid bits are ignored on file systems that hold no system programs."),
            mountControl("os-16", "nodev", ["/boot", "/dev/shm", "/home", "/run", "/tmp", "/var", "/var/log", "/var/log/audit", "/var/tmp"],
                         "Device files are ignored on file systems that should hold none (a planted device file gives raw disk access)."),
        ]
    }

    static func mountControl(_ id: String, _ option: String, _ paths: [String], _ description: String) -> Control {
        Control(id: id, title: "Mount points with \(option)", impact: 1.0, description: description + " Checked for each of \(paths.joined(separator: ", ")) that is a mount point.",
                tags: ["os", "mount"], checks: [.custom(CustomCheck("Mount points should have \(option)") { facts in mountOptionCheck(facts, option: option, paths: paths) })],
                notFixable: "mount options change how software runs; review and edit /etc/fstab")
    }

    static var packageControls: [Control] {
        func absent(_ id: String, _ title: String, _ packages: [String], _ description: String) -> Control {
            Control(id: id, title: title, impact: 1.0, description: description, tags: ["package"],
                    checks: packages.map { DSL.installed($0, false) }, remediation: packages.map { .packageAbsent(name: $0) })
        }
        let auditd: [(String, Matcher, String)] = [
            ("log_file", .cmp(.equal, "/var/log/audit/audit.log"), "/var/log/audit/audit.log"), ("log_format", .cmp(.equal, "raw"), "RAW"),
            ("flush", .match("^(incremental|INCREMENTAL|incremental_async|INCREMENTAL_ASYNC)$"), "INCREMENTAL_ASYNC"),
            ("max_log_file_action", .cmp(.equal, "keep_logs"), "keep_logs"), ("space_left", .cmp(.equal, "75"), "75"),
            ("action_mail_acct", .cmp(.equal, "root"), "root"), ("space_left_action", .cmp(.equal, "SYSLOG"), "SYSLOG"),
            ("admin_space_left", .cmp(.equal, "50"), "50"), ("admin_space_left_action", .cmp(.equal, "SUSPEND"), "SUSPEND"),
            ("disk_full_action", .cmp(.equal, "SUSPEND"), "SUSPEND"), ("disk_error_action", .cmp(.equal, "SUSPEND"), "SUSPEND"),
        ]
        return [
            absent("package-01", "No inetd or xinetd", ["inetd", "xinetd"], "The super-servers start network services on demand outside the service manager's view, and mostly serve legacy plain-text protocols."),
            absent("package-02", "No telnet server", ["telnetd"], "Telnet sends passwords and sessions in clear text."),
            absent("package-03", "No rsh server", ["rsh-server"], "The r-commands authenticate by host address and send everything in clear text."),
            absent("package-05", "No NIS server", ["ypserv"], "NIS serves the password database to anyone who asks, in clear text."),
            absent("package-06", "No TFTP server", ["tftp-server"], "TFTP has no authentication at all."),
            Control(id: "package-08", title: "auditd installed and keeping its logs", impact: 1.0,
                    description: "The Linux audit daemon records security events (logins, privilege use, changes to key files); its configuration keeps logs, and suspends rather than loses events when the disk fills.",
                    tags: ["package"], onlyIf: [notInContainer, debianLike],
                    checks: [DSL.installed("auditd", true)] + auditd.map { .expect(FactQuery("auditd_conf", $0.0, "value"), $0.1) },
                    remediation: [.packagePresent(name: "auditd")] + auditd.map { .configLine(file: "/etc/audit/auditd.conf", key: $0.0, value: $0.2, separator: " = ") }),
            absent("package-09", "No prelink", ["prelink"], "prelink rewrites binaries in place, which defeats address randomisation and breaks integrity checks."),
        ]
    }
}
