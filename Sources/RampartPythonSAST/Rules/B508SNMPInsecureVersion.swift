import RampartCore

/// B508 (snmp_insecure_version): SNMP v1 or v2c.
enum B508SNMPInsecureVersion: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let callNames: Set<String>? = ["pysnmp.hlapi.CommunityData"]
    static let metadata = RuleMetadata.bandit(
        "B508", "snmp_insecure_version", title: "Insecure SNMP version", severity: .medium, confidence: .high, cwe: 319, owasp: .a02,
        documentation: """
        ## What it does
        Flags `pysnmp.hlapi.CommunityData(…, mpModel=0|1)`: SNMP v1 and v2c.

        ## Why is this bad?
        SNMP v1 and v2c send the community string, effectively a password, in clear text and have no integrity protection.

        ## What to do instead
        Use SNMPv3 with authentication and privacy (`UsmUserData` with auth and priv keys).

        ## References
        - [CWE-319](https://cwe.mitre.org/data/definitions/319.html)
        """,
        examples: [.triggers("from pysnmp.hlapi import CommunityData\nCommunityData('public', mpModel=0)\n"), .passes("from pysnmp.hlapi import UsmUserData\nUsmUserData('user', 'authkey', 'privkey')\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard context.qualname == "pysnmp.hlapi.CommunityData", let model = context.keywordLiteral("mpModel"),
              model == .int("0") || model == .int("1") else { return nil }
        return RuleHit(.medium, .high, "The use of SNMPv1 and SNMPv2 is insecure. You should use SNMPv3 if able.", line: context.lineOfKeyword("CommunityData"))
    }
}
