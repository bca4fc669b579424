import Foundation

/// Where a remediation lands on this target: decided from the target's facts when rendering, so
/// the playbook and the native engine write the same files.
public struct RemediationContext: Sendable {
    /// A running system (live `sysctl`, service reloads) or files only (a root file system).
    public var live: Bool
    /// The `sshd_config` drop-in read before anything else, when `sshd_config` includes
    /// `sshd_config.d/*.conf` first (Debian, Ubuntu); nil edits `sshd_config` itself.
    public var sshdDropIn: String?
    public var sshDropIn: String?
    /// Paths that exist on the target (fixes of absent files are left out).
    public var exists: @Sendable (String) -> Bool

    public init(live: Bool, sshdDropIn: String?, sshDropIn: String?, exists: @escaping @Sendable (String) -> Bool) {
        self.live = live
        self.sshdDropIn = sshdDropIn
        self.sshDropIn = sshDropIn
        self.exists = exists
    }

    public static let sysctlFile = "/etc/sysctl.d/99-rampart-hardening.conf"
}

/// Renders remediations as an Ansible playbook: one task (or two) per remediation, tagged with
/// its control id, idempotent, with handlers for what must be reloaded.
public enum AnsiblePlaybook {
    public static func render(_ controls: [Control], context: RemediationContext, targetName: String) -> String {
        var out = """
        # Hardening written by rampart harden for \(targetName): one task per fix of a failed control,
        # tagged with the control id (ansible-playbook --tags sshd-27 runs one). Idempotent.
        - name: Rampart hardening
          hosts: all
          become: true
          gather_facts: false
          tasks:

        """
        var handlers: Set<String> = []
        var tasks = 0
        for control in controls {
            for remediation in control.remediation {
                let rendered = tasksFor(remediation, control: control, context: context)
                for task in rendered {
                    out += task.text
                    tasks += 1
                    if let handler = task.notify { handlers.insert(handler) }
                }
            }
        }
        if tasks == 0 { out += "    []\n" }
        if !handlers.isEmpty && context.live {
            out += "\n  handlers:\n"
            if handlers.contains("reload sshd") {
                out += """
                    - name: reload sshd
                      ansible.builtin.service:
                        name: ssh
                        state: reloaded

                """
            }
        }
        return out
    }

    struct Task {
        var text: String
        var notify: String?
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }

    static func task(_ control: Control, _ name: String, module: String, _ arguments: [(String, String)], notify: String? = nil, live: Bool) -> Task {
        var text = "    - name: \(quote("\(control.id): \(name)"))\n      \(module):\n"
        for (key, value) in arguments { text += "        \(key): \(value)\n" }
        text += "      tags: [\(control.id)]\n"
        if let notify, live { text += "      notify: \(notify)\n" }
        return Task(text: text + "\n", notify: live ? notify : nil)
    }

    /// A regular expression matching a line that sets `key` (commented out or not).
    static func keyPattern(_ key: String, separator: String) -> String {
        let escaped = NSRegularExpression.escapedPattern(for: key)
        return separator.contains("=") ? "^\\s*#?\\s*\(escaped)\\s*=" : "^\\s*#?\\s*\(escaped)(\\s|$)"
    }

    static func tasksFor(_ remediation: Remediation, control: Control, context: RemediationContext) -> [Task] {
        let live = context.live
        switch remediation {
        case .configLine(let file, let key, let value, let separator):
            return [task(control, "\(key) in \(file)", module: "ansible.builtin.lineinfile", [
                ("path", quote(file)), ("regexp", quote(keyPattern(key, separator: separator))), ("line", quote(key + separator + value)),
            ], live: live)]
        case .sshdSetting(let key, let value), .sshSetting(let key, let value):
            let isServer = if case .sshdSetting = remediation { true } else { false }
            let notify = isServer ? "reload sshd" : nil
            if let dropIn = isServer ? context.sshdDropIn : context.sshDropIn {
                return [task(control, "\(key) \(value) in \(dropIn)", module: "ansible.builtin.lineinfile", [
                    ("path", quote(dropIn)), ("regexp", quote(keyPattern(key, separator: " "))), ("line", quote("\(key) \(value)")),
                    ("create", "true"), ("owner", "root"), ("group", "root"), ("mode", quote("0600")),
                ], notify: notify, live: live)]
            }
            // sshd takes the first value: every line setting the key goes, one goes first.
            let file = isServer ? "/etc/ssh/sshd_config" : "/etc/ssh/ssh_config"
            return [
                task(control, "no other \(key) line in \(file)", module: "ansible.builtin.lineinfile", [
                    ("path", quote(file)), ("regexp", quote("^\\s*\(key)\\s+(?!\(NSRegularExpression.escapedPattern(for: value))$)")), ("state", "absent"),
                ], notify: notify, live: live),
                task(control, "\(key) \(value) first in \(file)", module: "ansible.builtin.lineinfile", [
                    ("path", quote(file)), ("line", quote("\(key) \(value)")), ("insertbefore", "BOF"),
                ], notify: notify, live: live),
            ]
        case .sysctl(let key, let value):
            return [task(control, "\(key) = \(value)", module: "ansible.posix.sysctl", [
                ("name", quote(key)), ("value", quote(value)), ("sysctl_file", quote(RemediationContext.sysctlFile)),
                // On a root file system only the file is written: never the host's live kernel.
                ("sysctl_set", live ? "true" : "false"), ("reload", live ? "true" : "false"),
            ], live: live)]
        case .modprobe(let file, let line):
            return [task(control, line, module: "ansible.builtin.lineinfile", [
                ("path", quote(file)), ("line", quote(line)), ("create", "true"), ("owner", "root"), ("group", "root"), ("mode", quote("0644")),
            ], live: live)]
        case .fileMode(let path, let owner, let group, let removeBits):
            guard context.exists(path) else { return [] }
            var arguments: [(String, String)] = [("path", quote(path))]
            if let owner { arguments.append(("owner", owner)) }
            if let group { arguments.append(("group", group)) }
            if removeBits != 0 { arguments.append(("mode", quote(symbolicRemoval(removeBits)))) }
            return [task(control, "owner and mode of \(path)", module: "ansible.builtin.file", arguments, live: live)]
        case .fileAbsent(let path):
            return [task(control, "no \(path)", module: "ansible.builtin.file", [("path", quote(path)), ("state", "absent")], live: live)]
        case .packageAbsent(let name):
            return [task(control, "package \(name) absent", module: "ansible.builtin.apt", [("name", name), ("state", "absent"), ("purge", "true")], live: live)]
        case .packagePresent(let name):
            return [task(control, "package \(name) installed", module: "ansible.builtin.apt", [("name", name), ("state", "present"), ("update_cache", "true"), ("cache_valid_time", "3600")], live: live)]
        case .serviceDisabled(let name):
            guard live else { return [] }
            return [task(control, "service \(name) disabled", module: "ansible.builtin.systemd", [("name", name), ("enabled", "false"), ("state", "stopped")], live: live)]
        case .removeLines(let file, let pattern):
            return [task(control, "lines matching \(pattern) out of \(file)", module: "ansible.builtin.lineinfile", [
                ("path", quote(file)), ("regexp", quote(pattern)), ("state", "absent"),
            ], live: live)]
        }
    }

    /// Bits to remove as Ansible's symbolic mode: 0o137 → `u-x,g-wx,o-rwx`; 0o6000 → `u-s,g-s`.
    static func symbolicRemoval(_ bits: UInt32) -> String {
        var parts: [String] = []
        for (who, shift, special, specialLetter) in [("u", 6, UInt32(0o4000), "s"), ("g", 3, UInt32(0o2000), "s"), ("o", 0, UInt32(0o1000), "t")] {
            var letters = ""
            if bits & special != 0 { letters += specialLetter }
            let rwx = (bits >> UInt32(shift)) & 0o7
            if rwx & 0o4 != 0 { letters += "r" }
            if rwx & 0o2 != 0 { letters += "w" }
            if rwx & 0o1 != 0 { letters += "x" }
            if !letters.isEmpty { parts.append("\(who)-\(letters)") }
        }
        return parts.joined(separator: ",")
    }
}
