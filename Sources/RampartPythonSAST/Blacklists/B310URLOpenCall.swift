import RampartCore

/// B310 (urllib_urlopen): URL open that accepts file:// and custom schemes.
enum B310URLOpenCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "urllib.request.urlopen",
        "urllib.request.urlretrieve",
        "urllib.request.URLopener",
        "urllib.request.FancyURLopener",
        "six.moves.urllib.request.urlopen",
        "six.moves.urllib.request.urlretrieve",
        "six.moves.urllib.request.URLopener",
        "six.moves.urllib.request.FancyURLopener",
    ]
    static let message = "`{name}` opens `file://` and other schemes as well as HTTP: a URL from input can read local files."
    static let metadata = RuleMetadata.bandit(
        "B310", "urllib_urlopen", title: "URL open that accepts file:// and custom schemes", severity: .medium, confidence: .high, cwe: 22, owasp: .a10,
        documentation: "## What it does\nFlags calls to `urllib.request.urlopen`, `urllib.request.urlretrieve`, `urllib.request.URLopener`, `urllib.request.FancyURLopener`, `six.moves.urllib.request.urlopen`, `six.moves.urllib.request.urlretrieve` and more.\n\n## Why is this bad?\n`the call` opens `file://` and other schemes as well as HTTP: a URL from input can read local files.\n\n## What to do instead\nCheck the scheme against an allow list (`http`, `https`) before opening, or use an HTTP client such as `requests`.\n\n## References\n- [CWE-22](https://cwe.mitre.org/data/definitions/22.html)\n",
        examples: [.triggers("import urllib.request\nurllib.request.urlopen(url)\n"), .passes("import requests\nrequests.get(url, timeout=10)\n")]
    )
}
