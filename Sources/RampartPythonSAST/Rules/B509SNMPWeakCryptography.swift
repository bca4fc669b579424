import RampartCore

/// B509 (snmp_weak_cryptography): SNMPv3 without both authentication and privacy.
enum B509SNMPWeakCryptography: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let callNames: Set<String>? = ["pysnmp.hlapi.UsmUserData"]
    static let metadata = RuleMetadata.bandit(
        "B509", "snmp_weak_cryptography", title: "SNMPv3 without encryption", severity: .medium, confidence: .high, cwe: 319, owasp: .a02,
        documentation: """
        ## What it does
        Flags `pysnmp.hlapi.UsmUserData` with fewer than three arguments (noAuthNoPriv or authNoPriv).

        ## Why is this bad?
        Without privacy the traffic, including secrets the devices return, is readable on the network.

        ## What to do instead
        Give both an authentication and a privacy key.

        ## References
        - [CWE-319](https://cwe.mitre.org/data/definitions/319.html)
        """,
        examples: [.triggers("from pysnmp.hlapi import UsmUserData\nUsmUserData('user')\n"), .passes("from pysnmp.hlapi import UsmUserData\nUsmUserData('user', 'authkey', 'privkey')\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard context.qualname == "pysnmp.hlapi.UsmUserData", context.callArguments.count < 3 else { return nil }
        return RuleHit(.medium, .high, "You should not use SNMPv3 without encryption. noAuthNoPriv & authNoPriv is insecure", line: context.lineOfKeyword("UsmUserData"))
    }
}
