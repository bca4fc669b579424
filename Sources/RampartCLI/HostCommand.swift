import ArgumentParser
import Foundation
import RampartCore
import RampartHost

/// Target and profile options shared by `rampart host` and `rampart harden`.
struct HostSelection: ParsableArguments {
    @Option(help: ArgumentHelp("What to check: local, dir:/path/to/rootfs, ssh://user@host:port.", valueName: "target"))
    var target = "local"

    @Option(help: ArgumentHelp("SSH: the private key (Ed25519 or ECDSA; default ~/.ssh/id_ed25519, then id_ecdsa).", valueName: "key"))
    var identity: String?

    @Option(help: ArgumentHelp("SSH: the known_hosts file (default ~/.ssh/known_hosts, then /etc/ssh/ssh_known_hosts).", valueName: "file"))
    var knownHosts: String?

    @Flag(help: "SSH: trust and record a host key not yet in known_hosts (a changed key is always refused).")
    var acceptNewHostKey = false

    @Flag(help: "SSH: run the checks through sudo -n (for a user who cannot read /etc/shadow and the like).")
    var sudo = false

    @Option(name: .customLong("profile"), help: ArgumentHelp("A built-in profile (linux-baseline, ssh-baseline) or a profile YAML file (repeatable; default both built-in ones).", valueName: "name"))
    var profiles: [String] = []

    @Option(help: ArgumentHelp("Waivers: a YAML list of {control, reason, expires}.", valueName: "waivers.yml"))
    var waivers: String?

    func hostTarget() throws -> any HostTarget {
        do {
            let hostKeys = HostKeyPolicy(knownHostsFiles: knownHosts.map { [$0] }, recordFile: knownHosts, acceptNew: acceptNewHostKey)
            // A relative `dir:` target keeps its name as typed: fingerprints then do not depend on the checkout's place.
            let relative = target.hasPrefix("dir:") && !target.dropFirst(4).hasPrefix("/") && !target.dropFirst(4).hasPrefix("~")
            return try HostTargets.parse(target, ssh: SSHOptions(identity: identity, hostKeys: hostKeys, sudo: sudo), name: relative ? target : nil)
        } catch {
            throw UsageFailure("error: \(error)")
        }
    }

    func loadProfiles() throws -> [Profile] {
        guard !profiles.isEmpty else { return BuiltInProfiles.all }
        return try profiles.map { name in
            if let builtIn = BuiltInProfiles.named(name) { return builtIn }
            guard let data = FileReader.data(name, limit: 4 << 20) else {
                throw UsageFailure("error: no built-in profile '\(name)' and no such file (built in: \(BuiltInProfiles.all.map(\.name).joined(separator: ", ")))")
            }
            do {
                return try ProfileLoader.load(yaml: String(decoding: data, as: UTF8.self), file: name, builtIn: BuiltInProfiles.all)
            } catch {
                throw UsageFailure("profile error: \(error)")
            }
        }
    }

    func loadWaivers() throws -> [Waiver] {
        guard let waivers else { return [] }
        guard let data = FileReader.data(waivers, limit: 4 << 20) else { throw UsageFailure("error: cannot read \(waivers)") }
        do {
            return try WaiverLoader.load(yaml: String(decoding: data, as: UTF8.self), file: waivers)
        } catch {
            throw UsageFailure("waiver error: \(error)")
        }
    }
}

/// `rampart host`: compliance of a host or image against profiles of controls.
struct HostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "host",
        abstract: "Check a host or an image's root file system against compliance profiles (the dev-sec linux and ssh baselines).",
        discussion: """
        Failed controls are findings (host/<control id>, severity from impact). A root file system \
        (--target dir:/path) is read strictly inside the folder; controls that need a running \
        system are skipped there, never passed. The compliance summary per profile goes to \
        standard error; --format inspec-json writes InSpec's JSON report (profiles, controls, results).
        """
    )

    @OptionGroup var selection: HostSelection

    @Option(help: ArgumentHelp("Also write InSpec's JSON report here (the same as --format inspec-json --output FILE).", valueName: "report.json"))
    var inspecJSON: String?

    @OptionGroup var options: CommonOptions

    func run() async throws {
        let target = try selection.hostTarget()
        var host = HostOptions(target: target)
        host.profiles = try selection.loadProfiles()
        host.waivers = try selection.loadWaivers()
        let reports = Locked<[ProfileReport]>([])
        host.reports = reports
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-host-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        var runner = ScanRunner(options: options, path: root)
        runner.host = host
        runner.onlyScanners = ["host"]
        let report = try await runner.run()
        let collected = reports.withLock { $0 }
        if !options.quiet { Terminal.writeStderr(ComplianceSummary.render(collected)) }
        try ScanRunner.write(report, options: options, commandFormats: ["inspec-json"])
        // InSpec's JSON: --format inspec-json (with its --output, or standard output), or --inspec-json FILE.
        let inspecDestinations = options.namedDestinations.filter { $0.0 == "inspec-json" }.map(\.1) + (inspecJSON.map { [$0] } ?? [])
        if !inspecDestinations.isEmpty {
            let text = InSpecJSON.render(collected, platform: OSInfo.load(from: target))
            for destination in inspecDestinations {
                guard let destination else {
                    Terminal.writeStdout(text)
                    continue
                }
                do {
                    try Terminal.writeFile(destination, Data(text.utf8))
                } catch {
                    throw UsageFailure("error: cannot write \(destination): \(error.localizedDescription)")
                }
                if !options.quiet { Terminal.writeStderr("wrote inspec-json report to \(destination)\n") }
            }
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

/// `rampart harden`: fixes what failed, as an Ansible playbook or directly.
struct HardenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harden",
        abstract: "Fix the failed controls: write an Ansible playbook, or apply the fixes (with Ansible or natively).",
        discussion: """
        Each built-in control that can be fixed safely carries its fix once (a line in a file, a \
        key in sshd_config, a sysctl.d entry, a modprobe.d entry, a file's mode and owner, a \
        package removed); --playbook renders it as Ansible tasks tagged with the control id, \
        --engine native applies it directly. On a root file system only files change: sysctl.d \
        files, never the live kernel; no mounts, no services, nothing run on the host. --check \
        shows what would change and changes nothing.
        """
    )

    enum Engine: String, ExpressibleByArgument {
        case ansible, native
    }

    @OptionGroup var selection: HostSelection

    @Option(help: ArgumentHelp("Write the playbook here.", valueName: "hardening.yml"))
    var playbook: String?

    @Flag(help: "Apply the fixes (with --engine).")
    var apply = false

    @Option(help: "ansible (runs ansible-playbook) or native.")
    var engine: Engine = .ansible

    @Flag(help: "Show what would change, per control, and change nothing.")
    var check = false

    @Option(help: ArgumentHelp("The ansible-playbook program.", valueName: "path"))
    var ansiblePlaybook = "ansible-playbook"

    @Option(name: .customLong("ansible-arg"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("One more argument for ansible-playbook (repeatable): --ansible-arg=-e --ansible-arg=ansible_python_interpreter=/usr/bin/python3.", valueName: "argument"))
    var ansibleArguments: [String] = []

    @Flag(name: .shortAndLong, help: "Less output.")
    var quiet = false

    func run() async throws {
        let target = try selection.hostTarget()
        let plan = HardeningPlan(target: target, profiles: try selection.loadProfiles(), waivers: try selection.loadWaivers())
        let (fixable, manual, context) = (plan.fixable, plan.manual, plan.context)
        if !quiet {
            Terminal.writeStderr(ComplianceSummary.render(plan.reports))
            Terminal.writeStderr("\(fixable.count + manual.count) controls failed: \(fixable.count) fixable, \(manual.count) to fix by hand\n")
            for control in manual { Terminal.writeStderr(TextEscaping.escape("  \(control.id): \(control.notFixable ?? "no automatic fix")") + "\n") }
        }
        let text = plan.playbook
        if let playbook {
            do {
                try Terminal.writeFile(playbook, Data(text.utf8))
            } catch {
                throw UsageFailure("error: cannot write \(playbook): \(error.localizedDescription)")
            }
            if !quiet { Terminal.writeStderr("wrote \(playbook)\n") }
        }
        guard apply || check else {
            if playbook == nil { Terminal.writeStdout(text) }
            return
        }
        switch engine {
        case .native:
            guard let writer = target as? any HostWriter else { throw UsageFailure("error: the native engine cannot change \(target.name)") }
            let outcome = NativeHardening(target: writer, context: context, checkOnly: check).apply(fixable)
            for change in outcome.changes {
                Terminal.writeStdout(TextEscaping.escape("\(change.control): \(change.path): \(change.summary)") + "\n")
                if check { for line in change.diff.prefix(20) { Terminal.writeStdout(TextEscaping.escape("    \(line)") + "\n") } }
            }
            for (control, reason) in outcome.notApplied { Terminal.writeStderr(TextEscaping.escape("\(control): not applied: \(reason)") + "\n") }
            for (control, message) in outcome.errors { Terminal.writeStderr(TextEscaping.escape("\(control): error: \(message)") + "\n") }
            if !quiet { Terminal.writeStderr("\(outcome.changes.count) changes \(check ? "would be made" : "made")\n") }
            if !outcome.errors.isEmpty { throw ExitCode(3) }
        case .ansible:
            let file = playbook ?? (FileManager.default.temporaryDirectory.appendingPathComponent("rampart-hardening-\(UUID().uuidString).yml").path)
            if playbook == nil { try Data(text.utf8).write(to: URL(fileURLWithPath: file)) }
            var arguments = [ansiblePlaybook, file]
            switch target {
            case let directory as DirectoryTarget where !directory.isLive:
                arguments += ["-i", directory.root + ",", "-c", "community.general.chroot"]
            case let directory as DirectoryTarget where directory.root == "/":
                arguments += ["-i", "localhost,", "-c", "local"]
            case let remote as SSHTarget:
                // The same host, user, port, key and known_hosts the scan used.
                let address = remote.address
                arguments += ["-i", address.host + ",", "-c", "ssh", "-u", address.user, "-e", "ansible_port=\(address.port)"]
                if let identity = selection.identity ?? SSHTarget.defaultIdentities().first { arguments += ["--private-key", identity] }
                if let knownHosts = selection.knownHosts { arguments += ["--ssh-common-args=-o UserKnownHostsFile=\(knownHosts)"] }
                if selection.sudo { arguments += ["--become"] }
            default:
                throw UsageFailure("error: Ansible cannot reach \(target.name)")
            }
            if check { arguments += ["--check", "--diff"] }
            arguments += ansibleArguments
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
            do {
                try process.run()
            } catch {
                throw UsageFailure("error: cannot run \(ansiblePlaybook): \(error.localizedDescription)")
            }
            process.waitUntilExit()
            if process.terminationStatus != 0 { throw ExitCode(3) }
        }
    }
}
