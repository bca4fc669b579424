import Foundation
import RampartRegex

/// Applies remediations directly, the same declarations the playbook renders, with the same
/// semantics (Ansible's lineinfile: the last matching line is replaced, else the line is
/// appended). On a root file system only files change; package and service changes are
/// reported as needing Ansible (apt in a chroot).
public struct NativeHardening {
    public struct Change: Sendable, Equatable {
        public var control: String
        public var path: String
        public var summary: String
        /// Lines removed (`-`) and added (`+`), for `--check`.
        public var diff: [String]
    }

    public struct Outcome: Sendable {
        public var changes: [Change] = []
        /// Remediations this engine cannot apply on this target, with the reason.
        public var notApplied: [(control: String, reason: String)] = []
        public var errors: [(control: String, message: String)] = []
    }

    let target: any HostWriter
    let context: RemediationContext
    let users: UserDatabase
    /// Compute the changes without writing (`--check`).
    let checkOnly: Bool

    public init(target: any HostWriter, context: RemediationContext, checkOnly: Bool) {
        self.target = target
        self.context = context
        self.checkOnly = checkOnly
        self.users = UserDatabase.load(from: target)
    }

    public func apply(_ controls: [Control]) -> Outcome {
        var outcome = Outcome()
        for control in controls {
            for remediation in control.remediation {
                do {
                    if let change = try apply(remediation, control: control.id) { outcome.changes.append(change) }
                } catch let error as NotApplicable {
                    outcome.notApplied.append((control.id, error.reason))
                } catch {
                    outcome.errors.append((control.id, "\(error)"))
                }
            }
        }
        return outcome
    }

    struct NotApplicable: Error {
        var reason: String
    }

    func apply(_ remediation: Remediation, control: String) throws -> Change? {
        switch remediation {
        case .configLine(let file, let key, let value, let separator):
            return try edit(file, control: control, create: false) { lines in
                Self.lineInFile(&lines, pattern: AnsiblePlaybook.keyPattern(key, separator: separator), line: key + separator + value)
            }
        case .sshdSetting(let key, let value), .sshSetting(let key, let value):
            let isServer = if case .sshdSetting = remediation { true } else { false }
            if let dropIn = isServer ? context.sshdDropIn : context.sshDropIn {
                return try edit(dropIn, control: control, create: true, mode: 0o600) { lines in
                    Self.lineInFile(&lines, pattern: AnsiblePlaybook.keyPattern(key, separator: " "), line: "\(key) \(value)")
                }
            }
            let file = isServer ? "/etc/ssh/sshd_config" : "/etc/ssh/ssh_config"
            return try edit(file, control: control, create: false) { lines in
                let line = "\(key) \(value)"
                let other = try? ByteRegex("(?i)^\\s*\(NSRegularExpression.escapedPattern(for: key))\\s+")
                lines.removeAll { $0 != line && (other?.matches($0) ?? false) }
                if !lines.contains(line) { lines.insert(line, at: 0) }
            }
        case .sysctl(let key, let value):
            // ansible.posix.sysctl writes `key=value`.
            return try edit(RemediationContext.sysctlFile, control: control, create: true, mode: 0o644) { lines in
                Self.lineInFile(&lines, pattern: "^\\s*\(NSRegularExpression.escapedPattern(for: key))\\s*=", line: "\(key)=\(value)")
            }
        case .modprobe(let file, let line):
            return try edit(file, control: control, create: true, mode: 0o644) { lines in
                if !lines.contains(line) { lines.append(line) }
            }
        case .removeLines(let file, let pattern):
            return try edit(file, control: control, create: false) { lines in
                guard let regex = try? ByteRegex(pattern) else { return }
                lines.removeAll { regex.matches($0) }
            }
        case .fileMode(let path, let owner, let group, let removeBits):
            guard let info = target.info(path) else { return nil }
            let uid = owner.flatMap { users.user(named: $0)?.uid }
            let gid = group.flatMap { users.group(named: $0)?.gid }
            if owner != nil && uid == nil { throw NotApplicable(reason: "no user \(owner ?? "") on the target") }
            if group != nil && gid == nil { throw NotApplicable(reason: "no group \(group ?? "") on the target") }
            let mode = info.mode & ~removeBits
            let ownerChanges = (uid.map { $0 != info.uid } ?? false) || (gid.map { $0 != info.gid } ?? false)
            guard mode != info.mode || ownerChanges else { return nil }
            if !checkOnly { try target.setOwnerAndMode(path, uid: uid, gid: gid, mode: mode) }
            let from = String(format: "%04o %d:%d", info.mode, info.uid, info.gid)
            let to = String(format: "%04o %d:%d", mode, uid ?? info.uid, gid ?? info.gid)
            return Change(control: control, path: path, summary: "mode and owner \(from) → \(to)", diff: ["-\(from)", "+\(to)"])
        case .fileAbsent(let path):
            guard target.info(path, followLinks: false) != nil else { return nil }
            if !checkOnly { try target.remove(path) }
            return Change(control: control, path: path, summary: "removed", diff: ["-\(path)"])
        case .packageAbsent(let name), .packagePresent(let name):
            let present = if case .packagePresent = remediation { true } else { false }
            guard context.live else { throw NotApplicable(reason: "installing or removing \(name) on a root file system needs apt in a chroot: use the Ansible engine") }
            if checkOnly { return Change(control: control, path: name, summary: present ? "install \(name)" : "remove \(name)", diff: []) }
            let arguments = present ? ["apt-get", "install", "-y", "-q", name] : ["apt-get", "remove", "--purge", "-y", "-q", name]
            let result = try target.run(arguments, timeout: .seconds(600))
            guard result.status == 0 else { throw HostError.commandFailed("apt-get: \(result.stderr.suffix(300))") }
            return Change(control: control, path: name, summary: present ? "installed \(name)" : "removed \(name)", diff: [])
        case .serviceDisabled(let name):
            guard context.live else { throw NotApplicable(reason: "services are not changed on a root file system") }
            if checkOnly { return Change(control: control, path: name, summary: "disable \(name)", diff: []) }
            let result = try target.run(["systemctl", "disable", "--now", name], timeout: .seconds(60))
            guard result.status == 0 else { throw HostError.commandFailed("systemctl: \(result.stderr.suffix(300))") }
            return Change(control: control, path: name, summary: "disabled \(name)", diff: [])
        }
    }

    /// Reads `path` (lines), lets `change` edit them, writes the result back when it differs.
    func edit(_ path: String, control: String, create: Bool, mode: UInt32 = 0o644, _ change: (inout [String]) throws -> Void) throws -> Change? {
        let info = target.info(path)
        let original: [String]
        if info != nil {
            let bytes = try target.read(path, limit: 16 << 20)
            original = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        } else {
            guard create else { return nil }
            original = []
        }
        var lines = original
        // A trailing newline is an empty last element: keep it out of the edit.
        if lines.last == "" { lines.removeLast() }
        let before = lines
        try change(&lines)
        guard lines != before else { return nil }
        if !checkOnly {
            let text = lines.joined(separator: "\n") + "\n"
            try target.write(path, Array(text.utf8), mode: info?.mode ?? mode, uid: info?.uid ?? 0, gid: info?.gid ?? 0)
        }
        let removed = before.filter { !lines.contains($0) }.map { "-" + $0 }
        let added = lines.filter { !before.contains($0) }.map { "+" + $0 }
        return Change(control: control, path: path, summary: info == nil ? "created" : "edited", diff: removed + added)
    }

    /// Ansible's lineinfile: the last line matching `pattern` becomes `line`; without a match,
    /// `line` is appended (unless it is already there).
    static func lineInFile(_ lines: inout [String], pattern: String, line: String) {
        guard let regex = try? ByteRegex(pattern) else { return }
        if let index = lines.lastIndex(where: { regex.matches($0) }) {
            lines[index] = line
        } else if !lines.contains(line) {
            lines.append(line)
        }
    }
}
