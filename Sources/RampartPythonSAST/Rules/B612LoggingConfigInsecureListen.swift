import RampartCore

/// B612 (logging_config_insecure_listen): a logging configuration socket without verification.
enum B612LoggingConfigInsecureListen: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let callNames: Set<String>? = ["logging.config.listen"]
    static let metadata = RuleMetadata.bandit(
        "B612", "logging_config_insecure_listen", title: "logging.config.listen without verify", severity: .medium, confidence: .high, cwe: 94, owasp: .a08,
        documentation: """
        ## What it does
        Flags `logging.config.listen()` without `verify=`.

        ## Why is this bad?
        The listener accepts logging configurations from the network, and configurations can name classes and call functions: code execution.

        ## What to do instead
        Pass a `verify` function that checks a signature on the configuration, or do not listen.

        ## References
        - [CWE-94](https://cwe.mitre.org/data/definitions/94.html)
        """,
        examples: [.triggers("import logging.config\nt = logging.config.listen(9999)\n"), .passes("import logging.config\nt = logging.config.listen(9999, verify=check_signature)\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard context.qualname == "logging.config.listen", context.keyword("verify") == nil else { return nil }
        return RuleHit(.medium, .high, "Use of insecure logging.config.listen detected.")
    }
}
