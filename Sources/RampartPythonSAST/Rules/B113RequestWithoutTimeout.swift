import RampartCore

/// B113 (request_without_timeout): an HTTP request that can wait forever.
enum B113RequestWithoutTimeout: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B113", "request_without_timeout", title: "HTTP request without a timeout", severity: .medium, confidence: .low, cwe: 400, owasp: .a05,
        documentation: """
        ## What it does
        Flags `requests` calls without `timeout=`, and `requests`/`httpx` calls with `timeout=None`.

        ## Why is this bad?
        Without a timeout a slow or malicious server holds the request, and the worker that made it, indefinitely: an easy denial of service.

        ## What to do instead
        Always pass a timeout: `requests.get(url, timeout=10)`.

        ## Difference from Bandit
        Bandit also reports calls whose timeout is not a literal, such as `timeout=config.get("timeout")`, as having no timeout. Rampart reports only a missing timeout or `timeout=None`; `--bandit-compat` restores Bandit's behaviour.

        ## References
        - [CWE-400](https://cwe.mitre.org/data/definitions/400.html)
        """,
        examples: [
            .triggers("import requests\nrequests.get(url)\n"), .triggers("import httpx\nhttpx.get(url, timeout=None)\n"),
            .passes("import requests\nrequests.get(url, timeout=5)\n"), .passes("import requests\nrequests.get(url, timeout=settings.timeout())\n"),
        ]
    )

    static let callLastNames: Set<String>? = HTTPClients.httpxNames

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        // Bandit also reports a timeout it cannot read as a literal (`timeout=settings.get()`);
        // Rampart only a missing one, unless asked to behave like Bandit.
        let missing = context.options.banditCompatible ? context.keywordIsMissingOrNotLiteral("timeout") : context.keyword("timeout") == nil
        if HTTPClients.library(context, includeHTTPX: false) != nil, missing {
            return RuleHit(.medium, .low, "Call to requests without timeout")
        }
        if let library = HTTPClients.library(context, includeHTTPX: true), context.checkKeyword("timeout", ["None"]) == true {
            return RuleHit(.medium, .low, "Call to \(library) with timeout set to None")
        }
        return nil
    }
}
