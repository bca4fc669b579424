import RampartCore

/// A resource and one of its properties, as a check names them: `file /etc/shadow mode`,
/// `sshd_config PermitRootLogin value`, `package telnetd installed`.
public struct FactQuery: Sendable, Hashable, CustomStringConvertible {
    public var resource: String
    public var argument: String
    public var property: String

    public init(_ resource: String, _ argument: String, _ property: String) {
        self.resource = resource
        self.argument = argument
        self.property = property
    }

    public var description: String { "\(resource)(\(argument)).\(property)" }
}

/// One expectation of a control: a property of a resource and a matcher, or a check written in
/// Swift where a matcher language would be contorted.
public enum Check: Sendable {
    case expect(FactQuery, Matcher)
    case custom(CustomCheck)
}

/// A check written in Swift: it reads the facts it needs and returns its outcomes.
public struct CustomCheck: Sendable {
    public var description: String
    public var evaluate: @Sendable (HostFacts) -> [CheckResult]

    public init(_ description: String, evaluate: @escaping @Sendable (HostFacts) -> [CheckResult]) {
        self.description = description
        self.evaluate = evaluate
    }
}

/// The outcome of one check, as InSpec reports it.
public struct CheckResult: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        case passed, failed, skipped, error
    }

    public var status: Status
    /// `File /etc/shadow mode should not be more permissive than 0640`.
    public var codeDesc: String
    /// Why it failed or was skipped: `expected "0640", got "0644"`.
    public var message: String?

    public init(_ status: Status, _ codeDesc: String, message: String? = nil) {
        self.status = status
        self.codeDesc = codeDesc
        self.message = message
    }
}

/// A fix, said once and rendered twice: as Ansible tasks and by the native engine.
public enum Remediation: Sendable, Hashable {
    /// A `key value` line in a configuration file (sshd_config, login.defs), replacing any line
    /// that sets the key.
    case configLine(file: String, key: String, value: String, separator: String)
    /// A `key = value` entry in a `sysctl.d` file.
    case sysctl(key: String, value: String)
    /// A line in a `modprobe.d` file (`install cramfs /bin/true`).
    case modprobe(file: String, line: String)
    /// Owner, group and mode of an existing file or folder (mode: bits to remove from it).
    case fileMode(path: String, owner: String?, group: String?, removeBits: UInt32)
    case fileAbsent(path: String)
    case packageAbsent(name: String)
    case packagePresent(name: String)
    case serviceDisabled(name: String)
    /// A server (`sshd_config`) or client (`ssh_config`) keyword: written where it takes effect
    /// (a drop-in read first when the file includes `*.d/*.conf`, else the file itself).
    case sshdSetting(key: String, value: String)
    case sshSetting(key: String, value: String)
    /// Lines of a file matching a pattern removed (weak Diffie-Hellman moduli).
    case removeLines(file: String, pattern: String)
}

/// A control of a profile: what it checks, why, how much it matters, and how to fix it.
public struct Control: Sendable {
    public var id: String
    public var title: String
    /// 0.0 (informational) to 1.0 (critical), InSpec's impact.
    public var impact: Double
    public var description: String
    public var tags: [String]
    public var references: [String]
    /// All must hold, or the control is skipped (InSpec's `only_if`).
    public var onlyIf: [Check]
    public var checks: [Check]
    /// The control reads live state (running services, loaded modules, ports, `/proc`):
    /// skipped on root file system folders.
    public var needsLiveSystem: Bool
    public var remediation: [Remediation]
    /// Why it is not fixed automatically, when it is not.
    public var notFixable: String?
    /// Where the control departs from the dev-sec check it implements, and why.
    public var note: String?

    public init(id: String, title: String, impact: Double, description: String, tags: [String] = [], references: [String] = [],
                onlyIf: [Check] = [], checks: [Check], needsLiveSystem: Bool = false, remediation: [Remediation] = [],
                notFixable: String? = nil, note: String? = nil) {
        self.id = id
        self.title = title
        self.impact = impact
        self.description = description
        self.tags = tags
        self.references = references
        self.onlyIf = onlyIf
        self.checks = checks
        self.needsLiveSystem = needsLiveSystem
        self.remediation = remediation
        self.notFixable = notFixable
        self.note = note
    }

    /// InSpec's mapping of impact to severity.
    public var severity: Severity {
        switch impact {
        case 0.9...: .critical
        case 0.7..<0.9: .high
        case 0.4..<0.7: .medium
        case 0.01..<0.4: .low
        default: .info
        }
    }

    public var isFixable: Bool { !remediation.isEmpty }
}

/// A control's outcome on one target.
public struct ControlResult: Sendable {
    public var control: Control
    public var results: [CheckResult]

    /// Failed when any check failed (or erred), skipped when every check was, else passed.
    public var status: CheckResult.Status {
        if results.contains(where: { $0.status == .failed }) { return .failed }
        if results.contains(where: { $0.status == .error }) { return .error }
        if !results.isEmpty && results.allSatisfy({ $0.status == .skipped }) { return .skipped }
        return results.isEmpty ? .skipped : .passed
    }
}

/// A named set of controls (`linux-baseline`, `ssh-baseline`, or a user's YAML profile).
public struct Profile: Sendable {
    public var name: String
    public var title: String
    public var version: String
    public var controls: [Control]

    public init(name: String, title: String, version: String = "1.0.0", controls: [Control]) {
        self.name = name
        self.title = title
        self.version = version
        self.controls = controls
    }
}
