import Foundation

/// Services as systemd would see them from its unit files, without asking a running systemd
/// (so it works the same on a root file system), plus whether they run on live targets.
///
/// - a unit file is looked up in `/etc/systemd/system`, `/run/systemd/system`,
///   `/usr/local/lib/systemd/system`, `/lib/systemd/system`, `/usr/lib/systemd/system`, first
///   folder wins; `getty@tty1.service` falls back to its template `getty@.service`;
/// - **masked**: the unit's entry in `/etc/systemd/system` or `/run/systemd/system` is a link
///   to `/dev/null` or an empty file;
/// - **enabled**: a link with the unit's name (or one of its aliases, or pointing at its unit
///   file) sits in a `*.wants`/`*.requires` folder of those roots, or an `Alias=` link of it
///   exists in `/etc/systemd/system` (what `systemctl enable` creates);
/// - **static**: the unit file has no `[Install]` section to enable it by;
/// - SysV: `/etc/init.d/<name>` is a fallback, enabled by an `S??<name>` link in `/etc/rc[2-5].d`.
public struct Services: Sendable {
    public enum State: String, Sendable {
        case enabled, disabled, masked
        /// No `[Install]` section: started only as a dependency of another unit.
        case `static`
        case notFound = "not-found"
    }

    public struct Service: Sendable, Equatable {
        /// The unit asked for, with its suffix (`ssh.service`).
        public var unit: String
        /// The unit an alias resolves to (`sshd.service` → `ssh.service`).
        public var resolvedUnit: String
        /// The unit file read (nil for SysV-only or missing services).
        public var unitFile: String?
        public var sysvScript: String?
        public var state: State
        /// The links that enable it (wants/requires entries, alias links, rc links).
        public var enabledBy: [String]
        /// `systemctl is-active` on live targets; nil elsewhere or when it cannot run.
        public var isRunning: Bool?

        public var isInstalled: Bool { state != .notFound }
        public var isEnabled: Bool { state == .enabled }
        public var isMasked: Bool { state == .masked }
    }

    public static let unitFolders = ["/etc/systemd/system", "/run/systemd/system", "/usr/local/lib/systemd/system", "/lib/systemd/system", "/usr/lib/systemd/system"]
    static let unitSuffixes = [".service", ".socket", ".timer", ".target", ".mount", ".automount", ".path", ".slice", ".scope", ".swap", ".device"]

    private let target: any HostTarget
    /// Link name in some `*.wants`/`*.requires` folder → the links' paths.
    private let wantsByName: [String: [String]]
    /// Base name of a wants link's destination → the links' paths.
    private let wantsByDestination: [String: [String]]

    public static func load(from target: any HostTarget) -> Services {
        var byName: [String: [String]] = [:], byDestination: [String: [String]] = [:]
        var budget = 100_000
        for folder in unitFolders {
            guard let names = try? target.list(folder) else { continue }
            for name in names where name.hasSuffix(".wants") || name.hasSuffix(".requires") {
                let wants = HostPath.join(folder, name)
                guard let links = try? target.list(wants) else { continue }
                for link in links {
                    budget -= 1
                    if budget < 0 { break }
                    let path = HostPath.join(wants, link)
                    byName[link, default: []].append(path)
                    if let destination = target.info(path, followLinks: false)?.linkTarget {
                        byDestination[HostPath.baseName(destination), default: []].append(path)
                    }
                }
            }
        }
        return Services(target: target, wantsByName: byName, wantsByDestination: byDestination)
    }

    private init(target: any HostTarget, wantsByName: [String: [String]], wantsByDestination: [String: [String]]) {
        self.target = target
        self.wantsByName = wantsByName
        self.wantsByDestination = wantsByDestination
    }

    /// `ssh` → `ssh.service`.
    public static func unitName(_ name: String) -> String {
        unitSuffixes.contains { name.hasSuffix($0) } ? name : name + ".service"
    }

    public func service(_ name: String, checkRunning: Bool = true) -> Service {
        let unit = Self.unitName(name)
        var service = Service(unit: unit, resolvedUnit: unit, unitFile: nil, sysvScript: nil, state: .notFound, enabledBy: [], isRunning: nil)
        if checkRunning { service.isRunning = Self.isRunning(unit, on: target) }

        // Masking lives in the administrator's and the runtime folders.
        for folder in ["/etc/systemd/system", "/run/systemd/system"] {
            let path = HostPath.join(folder, unit)
            guard let entry = target.info(path, followLinks: false) else { continue }
            if entry.kind == .symlink, entry.linkTarget == "/dev/null" || target.info(path)?.kind == .characterDevice {
                service.state = .masked
                service.unitFile = path
                return service
            }
            if entry.kind == .file && entry.size == 0 {
                service.state = .masked
                service.unitFile = path
                return service
            }
        }

        let stem = String(unit.prefix(while: { $0 != "." }))
        if let script = ["/etc/init.d/\(stem)", "/etc/rc.d/init.d/\(stem)"].first(where: { target.info($0)?.kind == .file }) {
            service.sysvScript = script
        }

        guard let (file, resolved, viaAlias) = locate(unit) else {
            guard service.sysvScript != nil else { return service }
            let links = sysvStartLinks(stem)
            service.enabledBy = links
            service.state = links.isEmpty ? .disabled : .enabled
            return service
        }
        service.unitFile = file
        service.resolvedUnit = resolved
        let install = installSection(file)
        var links = (wantsByName[unit] ?? []) + (wantsByName[resolved] ?? []) + (wantsByDestination[resolved] ?? [])
        for alias in install.aliases {
            links += wantsByName[alias] ?? []
            let aliasLink = HostPath.join("/etc/systemd/system", alias)
            if target.info(aliasLink, followLinks: false)?.kind == .symlink { links.append(aliasLink) }
        }
        if let viaAlias { links.append(viaAlias) }
        var seen = Set<String>()
        service.enabledBy = links.filter { seen.insert($0).inserted }
        if !service.enabledBy.isEmpty {
            service.state = .enabled
        } else if install.isEmpty, service.sysvScript == nil {
            service.state = .static
        } else {
            service.state = .disabled
        }
        return service
    }

    /// Whether the unit is running: `systemctl is-active` on live targets, nil elsewhere.
    public static func isRunning(_ unit: String, on target: any HostTarget) -> Bool? {
        guard target.isLive, let result = try? target.run(["systemctl", "is-active", unitName(unit)], timeout: .seconds(10)) else { return nil }
        let answer = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        if answer == "active" || answer == "reloading" || answer == "activating" { return true }
        if ["inactive", "failed", "deactivating", "unknown", "maintenance"].contains(answer) { return false }
        return nil
    }

    /// The unit file, the unit it really is (after following an alias link), and the alias link
    /// in `/etc/systemd/system` when it was one (an alias there is an enablement).
    private func locate(_ unit: String) -> (String, String, String?)? {
        var candidates = [unit]
        if let at = unit.firstIndex(of: "@"), let dot = unit.lastIndex(of: "."), unit.index(after: at) < dot {
            candidates.append(String(unit[...at]) + String(unit[dot...]))  // the template
        }
        for candidate in candidates {
            for folder in Self.unitFolders {
                let path = HostPath.join(folder, candidate)
                guard let entry = target.info(path, followLinks: false) else { continue }
                if entry.kind == .symlink, let destination = entry.linkTarget {
                    guard target.info(path)?.kind == .file else { continue }  // dangling
                    let resolved = HostPath.baseName(destination)
                    let real = destination.hasPrefix("/") ? destination : HostPath.join(folder, destination)
                    let alias = resolved != candidate && folder == "/etc/systemd/system" ? path : nil
                    return (real, resolved == candidate ? unit : resolved, alias)
                }
                if entry.kind == .file { return (path, unit, nil) }
            }
        }
        return nil
    }

    struct InstallSection {
        var aliases: [String] = []
        var wantedBy: [String] = []
        var also: [String] = []
        var isEmpty: Bool { aliases.isEmpty && wantedBy.isEmpty && also.isEmpty }
    }

    private func installSection(_ path: String) -> InstallSection {
        guard let text = target.text(path, limit: 1 << 20) else { return InstallSection() }
        return Self.parseInstallSection(text)
    }

    /// The `[Install]` section's `Alias=`, `WantedBy=`/`RequiredBy=`/`UpheldBy=` and `Also=` lists.
    static func parseInstallSection(_ text: String) -> InstallSection {
        var section = InstallSection()
        var inInstall = false
        ConfigText.forEachLine(text) { _, line in
            let content = ConfigText.trimmed(line)
            if content.hasPrefix("[") {
                inInstall = content == "[Install]"
                return
            }
            guard inInstall, let equals = content.firstIndex(of: "=") else { return }
            let key = ConfigText.trimmed(content[..<equals])
            let values = ConfigText.fields(content[content.index(after: equals)...]).map(String.init)
            switch key {
            case "Alias": section.aliases += values
            case "WantedBy", "RequiredBy", "UpheldBy": section.wantedBy += values
            case "Also": section.also += values
            default: break
            }
        }
        return section
    }

    /// `S??name` links in the multi-user runlevels' folders.
    private func sysvStartLinks(_ name: String) -> [String] {
        var links: [String] = []
        for level in 2...5 {
            for base in ["/etc/rc\(level).d", "/etc/rc.d/rc\(level).d"] {
                guard let entries = try? target.list(base) else { continue }
                for entry in entries where entry.hasPrefix("S") && entry.dropFirst().drop(while: \.isNumber) == Substring(name) {
                    links.append(HostPath.join(base, entry))
                }
            }
        }
        return links
    }
}
