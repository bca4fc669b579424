import RampartCore

/// B501 (request_with_no_cert_validation): TLS certificate checks turned off.
enum B501RequestWithNoCertValidation: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B501", "request_with_no_cert_validation", title: "HTTP request without certificate validation", severity: .high, confidence: .high, cwe: 295, owasp: .a07,
        documentation: """
        ## What it does
        Flags `requests` and `httpx` calls with `verify=False`.

        ## Why is this bad?
        Without certificate validation anyone on the network path can impersonate the server and read or change the traffic.

        ## What to do instead
        Keep verification on; for private CAs pass the CA bundle: `verify="/path/to/ca.pem"`.

        ## References
        - [CWE-295](https://cwe.mitre.org/data/definitions/295.html)
        """,
        examples: [.triggers("import requests\nrequests.get(url, verify=False, timeout=5)\n"), .passes("import requests\nrequests.get(url, verify='/etc/ca.pem', timeout=5)\n")]
    )

    static let callLastNames: Set<String>? = HTTPClients.httpxNames

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard let library = HTTPClients.library(context, includeHTTPX: true), context.checkKeyword("verify", ["False"]) == true else { return nil }
        return RuleHit(.high, .high, "Call to \(library) with verify=False disabling SSL certificate checks, security issue.", line: context.lineOfKeyword("verify"))
    }
}
