import RampartCore

enum LogglyToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "loggly-token", title: "Loggly customer token", confidence: .medium,
        documentation: """
        A Loggly customer token (a UUID) sends log events into a Loggly subdomain; a holder can \
        inject or flood logs, hiding real activity and running up volume charges.

        **Fix:** create a new customer token (Source setup → Customer tokens), switch the senders, \
        delete the old token, and provide it through the environment.
        """,
        examples: [
            .triggers("LOGGLY_TOKEN=a9d4e608-c69d-40a6-9d61-56d800a3ae5f\n", fileName: ".env"),
            .triggers("logger.addHandler(LogglyHandler(url=\"https://logs-01.loggly.com/inputs/a9d4e608-c69d-40a6-9d61-56d800a3ae5f/tag/python\"))\n", fileName: "log.py"),
            .passes("LOGGLY_TOKEN=a9d4e608-c69d-40a6\n", fileName: ".env"),
            .passes("LOGGLY_SUBDOMAIN=a9d4e608-c69d-40a6-9d61-56d800a3ae5f\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["loggly"],
        regex: #"(?:(?i:loggly[\w.-]{0,10}(?:token|key))["']?\s*(?:=>|:=|[:=])\s*["']?|(?i:loggly\.com/(?:inputs|bulk)/))(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])"#,
        minEntropy: 3.0
    )
}
