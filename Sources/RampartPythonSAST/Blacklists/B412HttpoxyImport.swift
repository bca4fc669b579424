import RampartCore

/// B412 (import_httpoxy): Import of a CGI handler open to httpoxy.
enum B412HttpoxyImport: BlacklistRule {
    static let kind = BlacklistKind.importName
    static let qualnames = ["wsgiref.handlers.CGIHandler", "twisted.web.twcgi.CGIScript", "twisted.web.twcgi.CGIDirectory"]
    static let message = "Import of {name}: CGI handlers copy the `Proxy` request header into `HTTP_PROXY`, so a request can redirect the server's outgoing traffic (httpoxy)."
    static let metadata = RuleMetadata.bandit(
        "B412", "import_httpoxy", title: "Import of a CGI handler open to httpoxy", severity: .high, confidence: .high, cwe: 284, owasp: .a05,
        documentation: "## What it does\nFlags imports of `wsgiref.handlers.CGIHandler`, `twisted.web.twcgi.CGIScript`, `twisted.web.twcgi.CGIDirectory` (also through `__import__` and `importlib.import_module`).\n\n## Why is this bad?\nCGI handlers copy the `Proxy` request header into `HTTP_PROXY`, so a request can redirect the server's outgoing traffic (httpoxy).\n\n## What to do instead\nDo not run applications as CGI; use a WSGI server.\n\n## Difference from Bandit\nBandit matches import names as text prefixes (so `import pickletools` counts as `pickle`); Rampart matches whole module names. `--bandit-compat` restores Bandit's matching.\n\n## References\n- [CWE-284](https://cwe.mitre.org/data/definitions/284.html)\n",
        examples: [.triggers("from wsgiref.handlers import CGIHandler\n"), .passes("from wsgiref.simple_server import make_server\n")]
    )
}
