import Foundation
import RampartCore

/// Compliance as code: runs profiles of controls on a target (the local machine, a root file
/// system folder) and reports failed controls as findings (`host/<control id>`).
public struct HostScanner: SecurityScanner {
    public var options: HostOptions

    public init(options: HostOptions = HostOptions()) {
        self.options = options
    }

    public var id: String { "host" }
    public var title: String { "Compliance (dev-sec linux and ssh baselines)" }
    public var rules: [RuleMetadata] { (options.profiles.isEmpty ? BuiltInProfiles.all : options.profiles).flatMap { profile in profile.controls.map { $0.metadata(profile: profile.name) } } }

    public func scan(_ context: ScanContext) async -> ScannerOutput {
        var output = ScannerOutput()
        let target: any HostTarget
        if let given = options.target {
            target = given
        } else if let spec = options.targetSpec {
            // Named in .rampart.yml: connected now, not when the configuration is read.
            do throws(HostError) {
                target = try HostTargets.parse(spec, ssh: options.ssh, name: options.targetName)
            } catch {
                output.diagnostics.append(Diagnostic(.error, code: "host-target", message: "\(spec): \(error)", scanner: id))
                return output
            }
        } else {
            // `rampart scan` touches no host unless `host.target` is configured.
            return output
        }
        let facts = HostFacts(target: target)
        let profiles = options.profiles.isEmpty ? BuiltInProfiles.all : options.profiles
        let reports = profiles.map { ProfileRunner.run($0, on: target, facts: facts, waivers: options.waivers, today: options.today) }
        for report in reports {
            output.findings += report.findings()
            for (control, waiver) in report.waived where waiver.expired {
                output.diagnostics.append(Diagnostic(.warning, code: "waiver-expired", message: "the waiver of \(control) expired; the control counts again (\(waiver.reason))", scanner: id))
            }
            // A control whose evidence could not be read was not checked: the scan cannot pass.
            for result in report.results where result.status == .error {
                output.diagnostics.append(Diagnostic(.error, code: "control-error", message: "\(result.control.id): \(result.results.first { $0.status == .error }?.message ?? "error")", scanner: id))
            }
        }
        output.diagnostics.append(Diagnostic(.note, code: "compliance", message: ComplianceSummary.render(reports).trimmingWhitespace(), scanner: id))
        options.reports?.withLock { $0 += reports }
        output.filesScanned = reports.reduce(0) { $0 + $1.results.count }
        return output
    }
}

/// Settings of the host scanner.
public struct HostOptions: Sendable {
    public var target: (any HostTarget)?
    /// A target by name (`local`, `dir:…`, `ssh://…`), opened when the scan starts.
    public var targetSpec: String?
    /// The target's name in findings when it differs from the spec: a `dir:` target as the
    /// configuration wrote it (`dir:image`), so fingerprints do not depend on where the checkout is.
    public var targetName: String?
    public var ssh = SSHOptions()
    /// Profiles to run; empty runs the built-in ones.
    public var profiles: [Profile] = []
    public var waivers: [Waiver] = []
    public var today = ProfileRunner.today()
    /// Where the command collects the profile reports (InSpec JSON, hardening).
    public var reports: Locked<[ProfileReport]>?

    public init(target: (any HostTarget)? = nil) {
        self.target = target
    }
}

extension Control {
    /// The control as a rule: `rampart rules`, rule pages and SARIF's rules table. The page says
    /// what is checked, when the control applies, how it is fixed (the Ansible tasks `rampart
    /// harden` writes for it) and where Rampart departs from dev-sec's check.
    public func metadata(profile: String) -> RuleMetadata {
        var page = description + "\n\n## What is checked\n\n"
        for check in checks {
            switch check {
            case .expect(let query, let matcher): page += "- `\(query)` should \(matcher)\n"
            case .custom(let custom): page += "- \(custom.description)\n"
            }
        }
        if !onlyIf.isEmpty {
            page += "\nIt applies only when:\n\n"
            for condition in onlyIf {
                switch condition {
                case .expect(let query, let matcher): page += "- `\(query)` \(matcher)\n"
                case .custom(let custom): page += "- \(custom.description)\n"
                }
            }
            page += "\nOtherwise it is skipped, saying why.\n"
        }
        if needsLiveSystem { page += "\nIt needs a running system: on a root file system (`--target dir:`) it is skipped, never passed.\n" }
        if let note { page += "\n## Difference from dev-sec\n\n\(note)\n" }
        if let notFixable {
            page += "\n## Fix\n\nNot fixed automatically: \(notFixable).\n"
        } else if isFixable {
            let context = RemediationContext(live: true, sshdDropIn: "/etc/ssh/sshd_config.d/00-rampart-hardening.conf",
                                             sshDropIn: "/etc/ssh/ssh_config.d/00-rampart-hardening.conf", exists: { _ in true })
            let tasks = remediation.flatMap { AnsiblePlaybook.tasksFor($0, control: self, context: context) }.map(\.text).joined()
                .split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix("    ") ? $0.dropFirst(4) : $0 }.joined(separator: "\n")
            page += "\n## Fix\n\n`rampart harden` writes these Ansible tasks (`--playbook`), or applies the same change itself "
            page += "(`--engine native`); on a root file system only files change. For a running Debian host:\n\n```yaml\n\(tasks.trimmingCharacters(in: .newlines))\n```\n"
        }
        if !references.isEmpty { page += "\n## References\n\n" + references.map { "- \($0)\n" }.joined() }
        return RuleMetadata(id: RuleID(scanner: "host", code: id), title: title, severity: severity, confidence: .high,
                            tags: ["compliance", profile] + tags, documentation: page, examples: [])
    }
}

/// How an SSH target authenticates and checks the server.
public struct SSHOptions: Sendable {
    /// The private key; nil tries `~/.ssh/id_ed25519` and `~/.ssh/id_ecdsa`.
    public var identity: String?
    public var hostKeys = HostKeyPolicy()
    /// Run the checks through `sudo -n` (a user who may not read `/etc/shadow` otherwise).
    public var sudo = false

    public init(identity: String? = nil, hostKeys: HostKeyPolicy = HostKeyPolicy(), sudo: Bool = false) {
        self.identity = identity
        self.hostKeys = hostKeys
        self.sudo = sudo
    }
}

/// Targets by name: `local`, `dir:/path/to/rootfs`, `ssh://user@host:port`.
public enum HostTargets {
    public static func parse(_ text: String, ssh: SSHOptions = SSHOptions(), name: String? = nil) throws(HostError) -> any HostTarget {
        if text == "local" { return LocalTarget.make() }
        if text.hasPrefix("dir:") {
            let path = String(text.dropFirst(4))
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { throw .notADirectory(path) }
            let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            return DirectoryTarget(root: absolute, name: name)
        }
        if text.hasPrefix("ssh://") {
            let address = try SSHAddress(parsing: text)
            guard let identity = ssh.identity ?? SSHTarget.defaultIdentities().first else {
                throw .connection("\(address.description): no identity: pass --identity (an Ed25519 or ECDSA private key)")
            }
            return try SSHTarget(address: address, identity: identity, hostKeys: ssh.hostKeys, sudo: ssh.sudo)
        }
        throw .unsupported("the target '\(text)' (local, dir:/path or ssh://user@host:port)")
    }

    /// Where remediations go on this target.
    public static func remediationContext(for facts: HostFacts) -> RemediationContext {
        let target = facts.target
        /// A drop-in takes effect only when the main file includes its folder before setting
        /// anything itself (first value wins): Debian's and Ubuntu's files start with the Include.
        func dropIn(_ file: String, folder: String) -> String? {
            guard let text = target.text(file, limit: 1 << 20) else { return nil }
            for raw in text.split(separator: "\n") {
                let line = raw.trimmingWhitespace()
                if line.isEmpty || line.hasPrefix("#") { continue }
                let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "=" })
                guard words.first?.lowercased() == "include" else { return nil }
                if words.dropFirst().contains(where: { $0.hasPrefix(folder + "/") && $0.hasSuffix(".conf") }) { return folder + "/00-rampart-hardening.conf" }
            }
            return nil
        }
        return RemediationContext(live: target.isLive, sshdDropIn: dropIn("/etc/ssh/sshd_config", folder: "/etc/ssh/sshd_config.d"),
                                  sshDropIn: dropIn("/etc/ssh/ssh_config", folder: "/etc/ssh/ssh_config.d"),
                                  exists: { target.exists($0) })
    }
}
