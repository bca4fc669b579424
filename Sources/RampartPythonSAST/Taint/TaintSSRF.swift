import RampartCore

/// User input as the URL of a server-side request (CWE-918): a taint rule.
public enum TaintSSRF: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "ssrf", confirming: confirms, title: "User input as the URL of a server-side request", severity: .high, cwe: 918, owasp: .a10,
        documentation: """
        ## What it does
        Follows user input to the URL of an outgoing request: `requests`, `httpx`, `urllib.request.urlopen`, `urllib3`. A check of the URL's host against an allow-list makes it safe.

        ## Why is this bad?
        The server fetches what the attacker names: cloud metadata endpoints with credentials, internal admin pages, other hosts of the private network.

        ## What to do instead
        Build the URL from a fixed base and check the host of any URL you must take against an allow-list.

        ## References
        - [CWE-918](https://cwe.mitre.org/data/definitions/918.html)
        """,
        examples: [
            .triggers("from flask import Flask, request\napp = Flask(__name__)\nimport requests\n@app.route('/fetch')\ndef fetch():\n    return requests.get(request.args['url'], timeout=5).text\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nimport requests\n@app.route('/fetch')\ndef fetch():\n    page = request.args['page']\n    return requests.get('https://api.example.com/pages', params={'p': page}, timeout=5).text\n"),
        ]
    )

    public static let confirms = ["B310"]

    public static let message = "User input decides which URL the server fetches: it can reach internal services (server-side request forgery)"

    public static let sources: [TaintPattern] = TaintModels.untrustedInput

    public static let sinks: [TaintPattern] = [
        .focus("requests.$METHOD($URL, ...)", on: "$URL"),
        .focus("httpx.$METHOD($URL, ...)", on: "$URL"),
        .focus("urllib.request.urlopen($URL, ...)", on: "$URL", not: ["urllib.request.urlopen(urllib.request.Request(...), ...)"]),
        .focus("urllib.request.Request($URL, ...)", on: "$URL"),
        .focus("urllib3.PoolManager(...).request($METHOD, $URL, ...)", on: "$URL"),
    ]

    public static let sanitizers: [TaintPattern] = TaintModels.validations + TaintModels.cachedValues + [.check("urllib.parse.urlparse($U).netloc in $ALLOWED", on: "$U", outcome: true)] + [.check("urllib.parse.urlparse($U).hostname in $ALLOWED", on: "$U", outcome: true), .check("urllib.parse.urlparse($U).netloc not in $ALLOWED", on: "$U", outcome: false), .check("urllib.parse.urlparse($U).hostname not in $ALLOWED", on: "$U", outcome: false)]
}
