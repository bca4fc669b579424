import RampartCore

/// B312 (telnetlib): Telnet client.
enum B312TelnetCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "telnetlib.Telnet",
    ]
    static let message = "Telnet sends everything, passwords included, in clear text (`{name}`)."
    static let metadata = RuleMetadata.bandit(
        "B312", "telnetlib", title: "Telnet client", severity: .high, confidence: .high, cwe: 319, owasp: .a02,
        documentation: "## What it does\nFlags calls to `telnetlib.Telnet`.\n\n## Why is this bad?\nTelnet sends everything, passwords included, in clear text (`the call`).\n\n## What to do instead\nUse SSH (for example `paramiko`) with host key verification.\n\n## References\n- [CWE-319](https://cwe.mitre.org/data/definitions/319.html)\n",
        examples: [.triggers("import telnetlib\nconn = telnetlib.Telnet(host)\n"), .passes("import paramiko\nclient = paramiko.SSHClient()\n")]
    )
}
