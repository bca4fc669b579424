import PythonSyntax
import RampartCore

/// B507 (ssh_no_host_key_verification): Paramiko trusting unknown host keys.
enum B507SSHNoHostKeyVerification: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B507", "ssh_no_host_key_verification", title: "SSH host key not verified", severity: .high, confidence: .medium, cwe: 295, owasp: .a07,
        documentation: """
        ## What it does
        Flags Paramiko's `set_missing_host_key_policy(AutoAddPolicy)` and `WarningPolicy`.

        ## Why is this bad?
        Accepting any host key lets a machine in the middle impersonate the server and capture credentials and commands.

        ## What to do instead
        Load known hosts (`client.load_system_host_keys()`) and keep the default `RejectPolicy`.

        ## References
        - [CWE-295](https://cwe.mitre.org/data/definitions/295.html)
        """,
        examples: [.triggers("import paramiko\nclient = paramiko.SSHClient()\nclient.set_missing_host_key_policy(paramiko.AutoAddPolicy())\n"), .passes("import paramiko\nclient = paramiko.SSHClient()\nclient.load_system_host_keys()\n")]
    )

    static let callLastNames: Set<String>? = ["set_missing_host_key_policy"]

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard context.isModuleImportedLike("paramiko"), context.name == "set_missing_host_key_policy", let policy = context.callArguments.first else { return nil }
        var name: String?
        switch policy.kind {
        case .attribute(_, let attr, _): name = attr
        case .name(let id, _): name = id
        case .call(let function, _, _):
            if case .attribute(_, let attr, _) = function.kind { name = attr }
            if case .name(let id, _) = function.kind { name = id }
        default: break
        }
        guard name == "AutoAddPolicy" || name == "WarningPolicy" else { return nil }
        return RuleHit(.high, .medium, "Paramiko call with policy set to automatically trust the unknown host key.", line: context.lineOfKeyword("set_missing_host_key_policy"))
    }
}
