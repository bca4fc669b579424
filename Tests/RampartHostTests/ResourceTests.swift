import Foundation
@testable import RampartHost
import RampartTestSupport
import Testing

/// A directory target that keeps its temporary folder alive as long as anything (a test, a
/// resource holding its target) uses it.
struct FixtureTarget: HostTarget {
    let folder: TemporaryDirectory
    let base: DirectoryTarget

    init(_ folder: TemporaryDirectory, live: Bool = false) {
        self.folder = folder
        self.base = DirectoryTarget(root: folder.absolute("root"), live: live)
    }

    var name: String { base.name }
    var isLive: Bool { base.isLive }
    func info(_ path: String, followLinks: Bool) -> HostFileInfo? { base.info(path, followLinks: followLinks) }
    func read(_ path: String, limit: Int) throws(HostError) -> [UInt8] { try base.read(path, limit: limit) }
    func list(_ path: String) throws(HostError) -> [String] { try base.list(path) }
    func run(_ arguments: [String], timeout: Duration) throws(HostError) -> CommandResult { try base.run(arguments, timeout: timeout) }
}

/// A root file system in a temporary folder with `files` (paths relative to the root).
func fixtureRoot(_ files: [String: String], live: Bool = false) throws -> (TemporaryDirectory, FixtureTarget) {
    let dir = TemporaryDirectory("resources")
    try dir.mkdir("root")
    for (path, text) in files { try dir.write("root/" + path, text) }
    return (dir, FixtureTarget(dir, live: live))
}

/// A kernel parameter's value and source, comparable in `#expect`.
func pair(_ value: (value: String, source: String)?) -> [String]? {
    value.map { [$0.value, $0.source] }
}

@Suite struct ResourceUserTests {
    let passwd = """
        toor:x:0:0:root:/root:/bin/bash
        root:x:0:0:root:/root:/bin/bash
        daemon:*:1:1:daemon:/usr/sbin:/usr/sbin/nologin
        # a comment
        +nisuser::::::
        alice:$6$salt$hash:1000:1000:Alice,,,:/home/alice:/bin/zsh
        broken:x:notanumber:1:::
        bob:x:1000:1001::/home/bob:/bin/sh
        """

    @Test func passwdGroupAndShadow() {
        var malformed: [Int] = []
        let users = UserDatabase.parsePasswd(passwd, malformed: &malformed)
        #expect(users.map(\.name) == ["toor", "root", "daemon", "alice", "bob"])
        #expect(malformed == [7])
        let alice = users[3]
        #expect(alice.uid == 1000 && alice.gid == 1000 && alice.gecos == "Alice,,," && alice.home == "/home/alice" && alice.shell == "/bin/zsh")
        #expect(alice.password.hasPrefix("$6$") && alice.line == 6)

        let groups = UserDatabase.parseGroup("root:x:0:\nadm:x:4:syslog,alice\nwheel:x:4:\nusers:x:100: bob , alice\n")
        #expect(groups.map(\.gid) == [0, 4, 4, 100])
        #expect(groups[3].members == ["bob", "alice"])

        let shadow = UserDatabase.parseShadow("root:$y$j9T$x:19700:0:99999:7:::\nalice:!:19000::::::\nnopass::19000:0:60:7:30:20000:\n")
        #expect(shadow[0].lastChange == 19700 && shadow[0].maxDays == 99999 && shadow[0].warnDays == 7 && shadow[0].inactiveDays == nil)
        #expect(shadow[1].isLocked && shadow[1].minDays == nil)
        #expect(shadow[2].hasEmptyPassword && shadow[2].inactiveDays == 30 && shadow[2].expire == 20000)
    }

    @Test func duplicatesAndNamesComeFromTheTarget() throws {
        let (_, target) = try fixtureRoot([
            "etc/passwd": passwd,
            "etc/group": "root:x:0:\nadm:x:4:alice\nwheel:x:4:bob\nalice:x:1000:\n",
        ])
        let database = UserDatabase.load(from: target)
        #expect(database.duplicateUIDs == [0, 1000])
        #expect(database.duplicateGIDs == [4])
        #expect(database.duplicateUserNames.isEmpty)
        // uid 0 is `toor` in this image, whatever the scanning machine calls it.
        #expect(database.userName(uid: 0) == "toor")
        #expect(database.groupName(gid: 4) == "adm")
        #expect(database.userName(uid: 4242) == nil)
        #expect(database.extraRootAccounts.map(\.name) == ["toor"])
        #expect(database.groups(of: "alice").map(\.name) == ["adm", "alice"])
        #expect(database.shadow == nil)
        #expect(database.malformed == ["/etc/passwd:7"])
    }
}

@Suite struct ResourceLoginDefsTests {
    @Test func lastAssignmentWinsAsInShadowUtils() throws {
        let defs = LoginDefs.parse("""
            # comment
            PASS_MAX_DAYS\t99999
            PASS_MAX_DAYS 60
            UMASK   027
            ENV_PATH "PATH=/usr/local/bin:/usr/bin:/bin"
            LOGIN_RETRIES 5 # trailing text is part of the value
            ALONE
            UID_MIN 0x3E8
            SYS_UID_MIN 0764
            """)
        #expect(defs.value("PASS_MAX_DAYS") == "60")
        #expect(defs.source(of: "PASS_MAX_DAYS")?.line == 3)
        #expect(defs.duplicateKeys == ["PASS_MAX_DAYS"])
        #expect(defs["UMASK"] == "027")
        #expect(defs["ENV_PATH"] == "PATH=/usr/local/bin:/usr/bin:/bin")
        #expect(defs["LOGIN_RETRIES"] == "5 # trailing text is part of the value")
        #expect(defs["ALONE"] == nil)
        #expect(defs["pass_max_days"] == nil)
        #expect(defs.number("UID_MIN") == 1000)
        #expect(defs.number("SYS_UID_MIN") == 500)
        #expect(defs.number("UMASK") == 0o27)

        let (_, target) = try fixtureRoot(["etc/login.defs": "UMASK 077\n"])
        #expect(LoginDefs.load(from: target)?.value("UMASK") == "077")
        let (_, empty) = try fixtureRoot([:])
        #expect(LoginDefs.load(from: empty) == nil)
    }
}

@Suite struct ResourcePackageTests {
    /// A status file of `count` packages with long descriptions, every 10th removed.
    static func status(count: Int) -> String {
        var text = ""
        text.reserveCapacity(count * 700)
        for index in 0..<count {
            let removed = index % 10 == 9
            text += """
                Package: pkg-\(index)
                Status: \(removed ? "deinstall ok config-files" : "install ok installed")
                Priority: optional
                Section: misc
                Installed-Size: \(index)
                Maintainer: Someone <someone@example.org>
                Architecture: amd64
                Version: 1.\(index)-1
                Depends: libc6 (>= 2.34), libfoo\(index) (= 1.0)
                Description: package number \(index)
                 A long description that continues
                 over several lines, with a Package: look-alike
                 .
                 and a paragraph break.


                """
        }
        return text
    }

    /// A big status file (bench/host measures the time; here only the result counts).
    @Test func fiveThousandPackagesParse() {
        let text = Self.status(count: 5000)
        let packages = Packages(manager: .dpkg, packages: Packages.parseDpkgStatus(text))
        #expect(packages.packages.count == 5000)
        #expect(packages.isInstalled("pkg-0") == true)
        #expect(packages.version("pkg-4242") == "1.4242-1")
        #expect(packages.isInstalled("pkg-9") == false)
        #expect(packages.entries("pkg-9").first?.status == "deinstall ok config-files")
        #expect(packages.version("pkg-9") == nil)
        #expect(packages.isInstalled("telnetd") == false)
        #expect(packages.installedPackages.count == 4500)
    }

    @Test func multiArchAndStatuses() throws {
        let (_, target) = try fixtureRoot(["var/lib/dpkg/status": """
            Package: libc6
            Status: install ok installed
            Architecture: amd64
            Version: 2.36-9
            Multi-Arch: same

            Package: libc6
            Status: install ok installed
            Architecture: i386
            Version: 2.36-8
            \t
            Package: xinetd
            Status: purge ok not-installed
            Architecture: amd64

            Package: auditd
            Status: hold ok installed
            Architecture: amd64
            Version: 1:3.0.9-1

            Package: prelink
            Status: install ok half-installed
            Version: 0.0
            """])
        let packages = Packages.load(from: target)
        #expect(packages.manager == .dpkg)
        #expect(packages.installed("libc6").map(\.architecture) == ["amd64", "i386"])
        #expect(packages.version("libc6:i386") == "2.36-8")
        #expect(packages.isInstalled("libc6:arm64") == false)
        #expect(packages.isInstalled("xinetd") == false)
        #expect(packages.isInstalled("auditd") == true)
        #expect(packages.isInstalled("prelink") == false)
    }

    @Test func otherManagers() throws {
        let apk = Packages.parseApkInstalled("C:Q1abc=\nP:musl\nV:1.2.4-r2\nA:x86_64\n\nP:busybox\nV:1.36.1-r5\n")
        #expect(apk.map(\.name) == ["musl", "busybox"] && apk[1].version == "1.36.1-r5")
        let rpm = Packages.parseRpmQuery("audit 3.0.7-104.el9 x86_64\nopenssh-server 8.7p1-34.el9\n\n")
        #expect(rpm.map(\.name) == ["audit", "openssh-server"] && rpm[1].version == "8.7p1-34.el9")
        let pacman = Packages.parsePacmanDesc("%NAME%\naudit\n\n%VERSION%\n3.1.2-1\n\n%ARCH%\nx86_64\n")
        #expect(pacman?.name == "audit" && pacman?.version == "3.1.2-1")

        // An rpm system read as an image: the binary database cannot be read, so nothing is known.
        let dir = TemporaryDirectory("rpm")
        try dir.mkdir("root/var/lib/rpm")
        let unknown = Packages.load(from: FixtureTarget(dir))
        #expect(unknown.manager == .rpm && unknown.isInstalled("telnet-server") == nil)
        let (_, empty) = try fixtureRoot([:])
        #expect(Packages.load(from: empty).manager == Packages.Manager.none)
    }
}

@Suite struct ResourceMountTests {
    @Test func fstabOptions() throws {
        let (_, target) = try fixtureRoot(["etc/fstab": """
            # <file system> <mount point> <type> <options> <dump> <pass>
            UUID=0a1b-2c3d / ext4 errors=remount-ro 0 1
            LABEL=boot  /boot  ext4  defaults,nodev,nosuid,noexec  0  2
            tmpfs /tmp tmpfs rw,nosuid,nodev,noexec,mode=1777 0 0
            /dev/sdb1 /srv/my\\040data xfs defaults
            /swapfile none swap sw 0 0
            proc /proc proc
            """])
        let mounts = Mounts.load(from: target)
        #expect(mounts.source == .fstab)
        #expect(mounts.mount(at: "/")?.device == "UUID=0a1b-2c3d")
        #expect(mounts.options(at: "/boot") == ["defaults", "nodev", "nosuid", "noexec"])
        #expect(mounts.mount(at: "/tmp/")?.hasOption("noexec") == true)
        #expect(mounts.mount(at: "/tmp")?.option("mode") == "1777")
        #expect(mounts.isMounted("/srv/my data"))
        #expect(mounts.mount(at: "/proc")?.options == ["defaults"])
        #expect(!mounts.isMounted("/var/log"))
        #expect(mounts.options(at: "/var/tmp").isEmpty)
    }

    @Test func procMountsOnLiveTargets() throws {
        let (_, target) = try fixtureRoot([
            "proc/mounts": """
                /dev/sda1 / ext4 rw,relatime 0 0
                tmpfs /dev/shm tmpfs rw,nosuid,nodev 0 0
                tmpfs /tmp tmpfs rw 0 0
                tmpfs /tmp tmpfs rw,nosuid,nodev,noexec 0 0
                /dev/sdc1 /mnt/a\\011b\\134c vfat rw 0 0
                """,
            "etc/fstab": "/dev/sda1 / ext4 ro 0 1\n",
        ], live: true)
        let mounts = Mounts.load(from: target)
        #expect(mounts.source == .procMounts)
        #expect(mounts.options(at: "/tmp") == ["rw", "nosuid", "nodev", "noexec"])
        #expect(mounts.mount(at: "/dev/shm")?.hasOption("noexec") == false)
        #expect(mounts.isMounted("/mnt/a\tb\\c"))
    }
}

@Suite struct ResourceModuleTests {
    @Test func installAndBlacklistRules() throws {
        let (dir, target) = try fixtureRoot([
            "etc/modprobe.d/dev-sec.conf": """
                # CIS
                install cramfs /bin/true
                install freevxfs /bin/false
                install usb-storage /bin/true
                blacklist firewire_core
                install jffs2 \\
                    /bin/true
                options snd-hda-intel power_save=1
                """,
            // Masked by the /etc file of the same name.
            "usr/lib/modprobe.d/dev-sec.conf": "install hfs /bin/true\n",
            // First install rule wins (kmod): 00- sorts before dev-sec.
            "lib/modprobe.d/00-vendor.conf": "install udf /sbin/modprobe --ignore-install udf\n",
            "etc/modprobe.d/zz-admin.conf": "install udf /bin/true\ninstall squash* /bin/true\n",
            "etc/modprobe.d/notes.txt": "install vfat /bin/true\n",
        ])
        try dir.symlink("root/etc/modprobe.d/masked.conf", to: "/dev/null")
        let modules = KernelModules.load(from: target)
        #expect(modules.files == ["/lib/modprobe.d/00-vendor.conf", "/etc/modprobe.d/dev-sec.conf", "/etc/modprobe.d/masked.conf",
                                  "/etc/modprobe.d/zz-admin.conf"])
        #expect(modules.isDisabled("cramfs") && modules.isDisabled("freevxfs"))
        #expect(modules.isDisabled("usb_storage") && modules.isDisabled("usb-storage"))
        #expect(modules.isDisabled("jffs2"))
        #expect(modules.installRule(for: "jffs2")?.origin.description == "/etc/modprobe.d/dev-sec.conf:6")
        #expect(!modules.isDisabled("hfs"))
        #expect(!modules.isDisabled("udf"))
        #expect(modules.isDisabled("squashfs"))
        #expect(!modules.isDisabled("vfat"))
        #expect(modules.isBlacklisted("firewire-core") && !modules.isDisabled("firewire_core"))
        #expect(modules.rules.contains { $0.kind == .options && $0.module == "snd_hda_intel" && $0.argument == "power_save=1" })
        #expect(modules.loaded == nil && modules.isLoaded("cramfs") == nil)
    }

    @Test func loadedModulesOnLiveTargets() throws {
        let (_, target) = try fixtureRoot(["proc/modules": """
            cramfs 36864 0 - Live 0x0000000000000000
            nf_conntrack 172032 2 nf_nat,xt_conntrack, Live 0x0000000000000000
            """], live: true)
        let modules = KernelModules.load(from: target)
        #expect(modules.isLoaded("cramfs") == true && modules.isLoaded("udf") == false)
        #expect(modules.loaded?.last?.usedBy == ["nf_nat", "xt_conntrack"])
    }
}

@Suite struct ResourceServiceTests {
    func tree() throws -> (TemporaryDirectory, FixtureTarget) {
        let (dir, target) = try fixtureRoot([
            "lib/systemd/system/ssh.service": "[Unit]\nDescription=OpenSSH\n[Service]\nExecStart=/usr/sbin/sshd -D\n[Install]\nWantedBy=multi-user.target\nAlias=sshd.service\n",
            "lib/systemd/system/rsync.service": "[Service]\nExecStart=/usr/bin/rsync --daemon\n[Install]\nWantedBy=multi-user.target\n",
            "lib/systemd/system/avahi-daemon.service": "[Install]\nWantedBy=multi-user.target\n",
            "lib/systemd/system/systemd-journald.service": "[Service]\nExecStart=/lib/systemd/systemd-journald\n",
            "lib/systemd/system/getty@.service": "[Install]\nWantedBy=getty.target\n",
            "lib/systemd/system/cups.service": "[Install]\nWantedBy=printer.target\n",
            "usr/lib/systemd/system/cups.service": "[Install]\nWantedBy=multi-user.target\n",
            "etc/systemd/system/empty.service": "",
            "etc/init.d/xinetd": "#!/bin/sh\n",
            "etc/init.d/inetd": "#!/bin/sh\n",
        ])
        try dir.symlink("root/etc/systemd/system/multi-user.target.wants/ssh.service", to: "/lib/systemd/system/ssh.service")
        try dir.symlink("root/etc/systemd/system/sshd.service", to: "/lib/systemd/system/ssh.service")
        try dir.symlink("root/etc/systemd/system/avahi-daemon.service", to: "/dev/null")
        try dir.symlink("root/etc/systemd/system/multi-user.target.wants/avahi-daemon.service", to: "/lib/systemd/system/avahi-daemon.service")
        try dir.symlink("root/etc/systemd/system/getty.target.wants/getty@tty1.service", to: "/lib/systemd/system/getty@.service")
        try dir.symlink("root/etc/rc2.d/S01xinetd", to: "../init.d/xinetd")
        try dir.symlink("root/etc/rc2.d/K01inetd", to: "../init.d/inetd")
        return (dir, target)
    }

    @Test func unitStates() throws {
        let (_, target) = try tree()
        let services = Services.load(from: target)
        let ssh = services.service("ssh")
        #expect(ssh.state == .enabled && ssh.unitFile == "/lib/systemd/system/ssh.service" && ssh.isRunning == nil)
        #expect(ssh.enabledBy.contains("/etc/systemd/system/multi-user.target.wants/ssh.service"))
        #expect(ssh.enabledBy.contains("/etc/systemd/system/sshd.service"))
        let alias = services.service("sshd.service")
        #expect(alias.state == .enabled && alias.resolvedUnit == "ssh.service")
        #expect(services.service("rsync").state == .disabled)
        #expect(services.service("avahi-daemon").state == .masked)
        #expect(services.service("empty").isMasked)
        #expect(services.service("systemd-journald").state == .static)
        #expect(services.service("getty@tty1").state == .enabled)
        #expect(services.service("getty@tty2").state == .disabled)
        #expect(services.service("cups").unitFile == "/lib/systemd/system/cups.service")
        #expect(services.service("telnet").state == .notFound && !services.service("telnet").isInstalled)
        let xinetd = services.service("xinetd")
        #expect(xinetd.state == .enabled && xinetd.sysvScript == "/etc/init.d/xinetd" && xinetd.enabledBy == ["/etc/rc2.d/S01xinetd"])
        #expect(services.service("inetd").state == .disabled)
    }
}

@Suite struct ResourcePAMTests {
    @Test func includesAndControls() throws {
        let (_, target) = try fixtureRoot([
            "etc/pam.d/login": """
                # login
                auth       optional   pam_faildelay.so  delay=3000000
                auth [success=ok new_authtok_reqd=ok ignore=ignore user_unknown=bad default=die] pam_securetty.so
                @include common-auth
                -session   optional   pam_systemd.so
                account    required   pam_access.so \\
                           accessfile=/etc/security/access.conf   # continued
                password   include    common-password
                session    required   pam_env.so [envfile=/etc/my env]
                """,
            "etc/pam.d/common-auth": "auth [success=1 default=ignore] pam_unix.so nullok\nauth requisite pam_deny.so\n@include login\n",
            "etc/pam.d/common-password": "auth required pam_permit.so\npassword requisite pam_pwquality.so retry=3\npassword [success=1] pam_unix.so obscure yescrypt remember=5\n",
        ])
        let login = try PAMService.load("login", from: target)
        #expect(login.rules.count == 7)
        let control = login.rules[1].control
        #expect(control == "[success=ok new_authtok_reqd=ok ignore=ignore user_unknown=bad default=die]")
        #expect(login.rules[3].isOptional && login.rules[3].type == "session")
        #expect(login.rules[4].arguments == ["accessfile=/etc/security/access.conf"] && login.rules[4].origin.line == 6)
        #expect(login.rules[6].arguments == ["envfile=/etc/my env"])
        #expect(login.effectiveRules.map(\.moduleName) == [
            "pam_faildelay.so", "pam_securetty.so", "pam_unix.so", "pam_deny.so", "pam_systemd.so", "pam_access.so",
            "pam_pwquality.so", "pam_unix.so", "pam_env.so",
        ])
        #expect(login.problems.contains { $0.contains("common-auth:3") && $0.contains("loop") })
        #expect(login.rules(type: "password").map(\.moduleName) == ["pam_pwquality.so", "pam_unix.so"])
        #expect(login.rules(module: "pam_unix").last?.argument("remember") == "5")
        #expect(login.rules(module: "pam_unix.so").first?.hasArgument("nullok") == true)
        #expect(login.uses(module: "pam_pwquality.so"))
        #expect(throws: HostError.notFound("/etc/pam.d/sshd")) { try PAMService.load("sshd", from: target) }
    }
}

@Suite struct ResourceFileSearchTests {
    @Test func oneWalkFindsEverything() throws {
        let (dir, target) = try fixtureRoot([
            "usr/bin/su": "", "usr/bin/wall": "", "usr/bin/ls": "",
            "srv/open/file": "", "var/ww.txt": "",
            "proc/1/evil": "", "sys/x": "",
            "root/.netrc": "", "home/u/.RHOSTS": "", "home/u/deep/.netrc": "",
        ])
        func mode(_ path: String, _ mode: mode_t) { chmod(dir.absolute("root/" + path), mode) }
        mode("usr/bin/su", 0o4755)
        mode("usr/bin/wall", 0o2755)
        mode("usr/bin/ls", 0o755)
        mode("proc/1/evil", 0o4777)
        mode("var/ww.txt", 0o666)
        try dir.mkdir("root/tmp")
        mode("tmp", 0o1777)
        mode("srv/open", 0o777)
        try dir.symlink("root/loop", to: ".")
        try dir.symlink("root/a", to: "b")
        try dir.symlink("root/b", to: "a")
        try dir.symlink("root/usr/bin/sulink", to: "su")

        // Through `list`/`info` (any target) and through descriptors (folder targets): same answers.
        for walked in [target as any HostTarget, target.base] {
            let search = FileSearch.run(on: walked)
            #expect(search.setuidFiles.map(\.path) == ["/usr/bin/su", "/usr/bin/wall"])
            #expect(search.setuidFiles.first?.info.mode == 0o4755)
            #expect(search.worldWritableFiles.map(\.path) == ["/var/ww.txt"])
            #expect(search.worldWritableDirectories.map(\.path) == ["/srv/open"])
            #expect(search.trustFiles.map(\.path) == ["/home/u/.RHOSTS", "/root/.netrc"])
            #expect(search.trustFiles.first?.info.kind == .file)
            #expect(!search.truncated && search.limitReason == nil)
            #expect(search.entriesVisited == 24)
        }
        // A walk from a folder below the root.
        let usr = FileSearch.run(on: target.base, options: .init(root: "/usr"))
        #expect(usr.setuidFiles.map(\.path) == ["/usr/bin/su", "/usr/bin/wall"] && usr.entriesVisited == 5)
    }

    @Test func limitsCutTheWalkAndSayWhy() throws {
        let (dir, fixture) = try fixtureRoot(["a/b/c/d/e/f": "", "x1": "", "x2": "", "x3": ""])
        chmod(dir.absolute("root/a/b/c/d/e/f"), 0o4755)
        for target in [fixture as any HostTarget, fixture.base] {
            let few = FileSearch.run(on: target, options: .init(maxEntries: 3))
            #expect(few.truncated && few.entriesVisited == 3 && few.limitReason?.contains("entries") == true)
            let shallow = FileSearch.run(on: target, options: .init(maxDepth: 3))
            #expect(shallow.truncated && shallow.limitReason?.contains("deeper") == true && shallow.setuidFiles.isEmpty)
            #expect(shallow.limitsHit == [.depth])
            let deep = FileSearch.run(on: target)
            #expect(!deep.truncated && deep.setuidFiles.map(\.path) == ["/a/b/c/d/e/f"])
            let timed = FileSearch.run(on: target, options: .init(timeLimit: .zero))
            #expect(timed.truncated && timed.limitReason == "time limit reached" && timed.limitsHit == [.time])
        }
        // In name order: `/a` is too deep to enter, then the entry limit stops the walk too.
        let both = FileSearch.run(on: fixture, options: .init(maxEntries: 3, maxDepth: 1))
        #expect(both.limitsHit == [.depth, .entries] && both.limitReason == "deeper than 1 levels")
    }
}

@Suite struct ResourcePortTests {
    @Test func procNetTables() {
        let tcp = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 21071 1 0000000000000000 100 0 0 10 0
               1: 0100007F:0CEA 00000000:0000 0A 00000000:00000000 00:00000000 00000000   111        0 23950 1 0000000000000000 100 0 0 10 0
               2: 0F02000A:0016 0202000A:D3A4 01 00000000:00000000 02:0009F5C6 00000000     0        0 31234 2 0000000000000000 20 4 30 10 -1
            """
        let sockets = ListeningPorts.parse(tcp, proto: .tcp)
        #expect(sockets.map(\.address) == ["0.0.0.0", "127.0.0.1"])
        #expect(sockets.map(\.port) == [22, 3306])
        #expect(sockets[1].uid == 111 && sockets[1].inode == 23950 && sockets[1].isLoopback && sockets[0].isWildcard)

        let tcp6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 21073 1 0000000000000000 100 0 0 10 0
               1: 00000000000000000000000001000000:0277 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 22000 1 0000000000000000 100 0 0 10 0
               2: 000080FE00000000FF005450B6AD1DFE:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 22001 1 0000000000000000 100 0 0 10 0
               3: 0000000000000000FFFF00000100007F:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 22002 1 0000000000000000 100 0 0 10 0
            """
        let six = ListeningPorts.parse(tcp6, proto: .tcp6)
        #expect(six.map(\.address) == ["::", "::1", "fe80::5054:ff:fe1d:adb6", "::ffff:127.0.0.1"])
        #expect(six.map(\.port) == [22, 631, 8080, 80])

        let udp = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
             1: 3500007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 20000 2 0000000000000000 0
             2: 0F02000A:A1B2 08080808:0035 01 00000000:00000000 00:00000000 00000000  1000        0 20001 2 0000000000000000 0
            """
        let listening = ListeningPorts(sockets: sockets + ListeningPorts.parse(udp, proto: .udp))
        #expect(listening.sockets(port: 53).map(\.address) == ["127.0.0.53"])
        #expect(listening.isListening(port: 22, proto: .tcp) && !listening.isListening(port: 22, proto: .udp))
        #expect(listening.tcpPorts == [22, 3306])
    }

    @Test func onlyLiveTargets() throws {
        let (_, image) = try fixtureRoot(["proc/net/tcp": "x\n"])
        #expect(ListeningPorts.load(from: image) == nil)
    }
}

@Suite struct ResourceMiscTests {
    @Test func osRelease() throws {
        let ubuntu = OSInfo.parse("NAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\nID=ubuntu\nID_LIKE=debian\nPRETTY_NAME=\"Ubuntu 24.04.1 LTS\"\n")
        #expect(ubuntu.id == "ubuntu" && ubuntu.family == .debian && ubuntu.versionID == "24.04" && ubuntu.prettyName == "Ubuntu 24.04.1 LTS")
        #expect(OSInfo.parse("ID=\"rocky\"\nID_LIKE=\"rhel centos fedora\"\n").family == .redhat)
        #expect(OSInfo.parse("ID=fedora\n").family == .redhat)
        #expect(OSInfo.parse("ID=\"opensuse-leap\"\nID_LIKE=\"suse opensuse\"\n").family == .suse)
        #expect(OSInfo.parse("ID=alpine\n").family == .alpine)
        #expect(OSInfo.parse("ID=archarm\nID_LIKE=arch\n").family == .arch)
        #expect(OSInfo.parse("ID=myos\nID_LIKE=\"ubuntu debian\"\n").family == .debian)
        #expect(OSInfo.parse("ID=gentoo\n").family == .unknown)
        #expect(OSInfo.parse("PRETTY_NAME='It''s \"quoted\"'\nX=\"a\\\"b\\$c\"\n").fields["X"] == "a\"b$c")
        #expect(OSInfo.parse("").id == "linux")
        let (_, target) = try fixtureRoot(["usr/lib/os-release": "ID=debian\nVERSION_ID=\"12\"\n"])
        #expect(OSInfo.load(from: target)?.family == .debian)
    }

    @Test func auditdConf() throws {
        let conf = AuditdConf.parse("""
            # auditd
            log_file = /var/log/audit/audit.log
            log_format=RAW
            space_left_action = SYSLOG
            Space_Left = 75
            space_left = 100
            bad line
            """)
        #expect(conf["log_file"] == "/var/log/audit/audit.log")
        #expect(conf["LOG_FORMAT"] == "RAW")
        #expect(conf["space_left"] == "100" && conf.source(of: "space_left")?.line == 6)
        #expect(conf["flush"] == nil)
        let (_, target) = try fixtureRoot(["etc/audit/auditd.conf": "flush = INCREMENTAL_ASYNC\n"])
        #expect(AuditdConf.load(from: target)?.value("flush") == "INCREMENTAL_ASYNC")
    }

    @Test func cronFiles() throws {
        let (dir, target) = try fixtureRoot(["etc/crontab": "* * * * * root true\n", "etc/cron.d/job": ""])
        chmod(dir.absolute("root/etc/crontab"), 0o600)
        let cron = CronFiles.load(from: target)
        #expect(cron.entries.map(\.path) == ["/etc/crontab", "/etc/cron.d"])
        #expect(cron.entry("/etc/crontab")?.info.mode == 0o600)
        #expect(cron.entry("/etc/cron.d")?.info.kind == .directory)
    }

    @Test func globs() {
        #expect(Glob("*.conf").matches("50-default.conf"))
        #expect(!Glob("*.conf").matches(".hidden.conf", leadingDot: true))
        #expect(Glob("*.conf").matches(".hidden.conf"))
        #expect(Glob("[0-9]?-*").matches("50-x") && !Glob("[!0-9]*").matches("5x"))
        #expect(Glob("a\\*b").matches("a*b") && !Glob("a\\*b").matches("axb"))
        #expect(Glob("[]]x").matches("]x"))
        #expect(!Glob("*a*a*a*a*a*a*a*a*b").matches(String(repeating: "a", count: 5000)))
        #expect(Glob("net.ipv4.conf.*.rp_filter").matches("net.ipv4.conf.all.rp_filter"))
    }

    @Test func globExpansionThroughTheTarget() throws {
        let (_, target) = try fixtureRoot([
            "etc/ssh/sshd_config.d/b.conf": "", "etc/ssh/sshd_config.d/a.conf": "", "etc/ssh/sshd_config.d/.c.conf": "",
            "etc/ssh/other.d/z.conf": "",
        ])
        #expect(HostPath.expand("/etc/ssh/sshd_config.d/*.conf", on: target) == ["/etc/ssh/sshd_config.d/a.conf", "/etc/ssh/sshd_config.d/b.conf"])
        #expect(HostPath.expand("/etc/ssh/*.d/*.conf", on: target) == [
            "/etc/ssh/other.d/z.conf", "/etc/ssh/sshd_config.d/a.conf", "/etc/ssh/sshd_config.d/b.conf",
        ])
        #expect(HostPath.expand("/etc/ssh/none/*.conf", on: target).isEmpty)
        #expect(HostPath.expand("/etc/ssh/sshd_config.d/a.conf", on: target) == ["/etc/ssh/sshd_config.d/a.conf"])
    }
}
