import PythonSyntax
import RampartCore

/// B105 (hardcoded_password_string): a string assigned to, compared with, or stored under a
/// password-like name.
enum B105HardcodedPasswordString: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.string]
    static let metadata = RuleMetadata.bandit(
        "B105", "hardcoded_password_string", title: "Hard-coded password string", severity: .low, confidence: .medium, cwe: 259, owasp: .a07,
        tags: ["secret"],
        documentation: """
        ## What it does
        Flags string literals assigned to a password-like name (`password`, `db_passwd`, `api_token`, `secret`, …), used as the value of such a key in a dict or subscript, or compared with such a name.

        ## Why is this bad?
        A password in the code is in every clone, fork, backup and log of the repository, and cannot be rotated without a release.

        ## What to do instead
        Read secrets from the environment or a secrets manager at run time (`os.environ["DB_PASSWORD"]`).

        ## References
        - [CWE-259](https://cwe.mitre.org/data/definitions/259.html)
        """,
        examples: [
            .triggers("password = 'hunter2'\n"),
            .triggers("config['db_password'] = 'hunter2'\n"),
            .triggers("settings = {'api_token': 'abc123'}\n"),
            .triggers("if password == 'letmein':\n    pass\n"),
            .passes("password = os.environ['PASSWORD']\n"),
            .passes("username = 'admin'\n"),
        ]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard case .string(let node, let value) = context.node else { return nil }
        switch context.parent {
        case .statement(let parent)?:
            guard case .assign(let targets, _) = parent.kind else { return nil }
            for target in targets {
                switch target.kind {
                case .name(let id, _) where HardcodedPassword.isCandidate(id): return HardcodedPassword.hit(value)
                case .attribute(_, let attr, _) where HardcodedPassword.isCandidate(attr): return HardcodedPassword.hit(value)
                default: continue
                }
            }
        case .expression(let parent)?:
            switch parent.kind {
            case .dict(let keys, let values):
                guard HardcodedPassword.isCandidate(value), let index = keys.firstIndex(where: { $0 === node }) else { return nil }
                guard case .constant(let constant, _) = values[index].kind else { return nil }
                return HardcodedPassword.hit(Self.text(constant))
            case .subscript:
                guard HardcodedPassword.isCandidate(value), case .statement(let assign)? = context.grandparent,
                      case .assign(_, let assigned) = assign.kind, let secret = assigned.stringValue else { return nil }
                return HardcodedPassword.hit(secret)
            case .compare(let left, _, let comparators):
                let name: String?
                switch left.kind {
                case .name(let id, _): name = id
                case .attribute(_, let attr, _): name = attr
                default: name = nil
                }
                guard let name, HardcodedPassword.isCandidate(name), let secret = comparators.first?.stringValue else { return nil }
                return HardcodedPassword.hit(secret)
            default:
                return nil
            }
        default:
            return nil
        }
        return nil
    }

    static func text(_ constant: ConstantValue) -> String {
        if case .string(let s) = constant { return s }
        return PythonRepr.constant(constant)
    }
}
