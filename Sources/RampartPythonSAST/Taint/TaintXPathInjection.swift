import RampartCore

/// User input in an XPath query (CWE-643): a taint rule.
public enum TaintXPathInjection: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "xpath-injection", confirming: confirms, title: "User input in an XPath query", severity: .high, cwe: 643, owasp: .a03,
        documentation: """
        ## What it does
        Follows user input to the query text of `lxml`'s `xpath` and `XPath`. Values passed as XPath variables (`tree.xpath('//user[@name=$name]', name=value)`) are safe.

        ## Why is this bad?
        Quotes in the data end the string and add conditions: `' or '1'='1` selects every node, bypassing checks built on the query.

        ## What to do instead
        Keep the query constant and pass values as XPath variables.

        ## References
        - [CWE-643](https://cwe.mitre.org/data/definitions/643.html)
        """,
        examples: [
            .triggers("from flask import Flask, request\napp = Flask(__name__)\nfrom lxml import etree\nusers = etree.parse('users.xml')\n@app.route('/user')\ndef user():\n    name = request.args['name']\n    return str(users.xpath(\"//user[@name='\" + name + \"']\"))\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nfrom lxml import etree\nusers = etree.parse('users.xml')\n@app.route('/user')\ndef user():\n    return str(users.xpath('//user[@name=$name]', name=request.args['name']))\n"),
        ]
    )

    public static let message = "User input reaches an XPath query: it can change what the query selects (XPath injection)"

    public static let sources: [TaintPattern] = TaintModels.untrustedInput

    public static let sinks: [TaintPattern] = [
        .focus("$TREE.xpath($QUERY, ...)", on: "$QUERY"),
        .focus("lxml.etree.XPath($QUERY, ...)", on: "$QUERY"),
    ]

    public static let sanitizers: [TaintPattern] = TaintModels.conversions + TaintModels.validations + TaintModels.cachedValues
}
