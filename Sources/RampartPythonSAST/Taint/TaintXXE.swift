import RampartCore

/// User input parsed as XML with external entities (CWE-611): a taint rule.
public enum TaintXXE: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "xxe", confirming: confirms, title: "User input parsed as XML with external entities", severity: .high, cwe: 611, owasp: .a05,
        documentation: """
        ## What it does
        Follows user input to XML parsers configured to resolve external entities: `lxml` with `resolve_entities=True` or `no_network=False`, `xml.sax` with the external general entities feature on, `xml.dom.pulldom` with such a parser.

        ## Why is this bad?
        An entity naming `file:///etc/passwd` or an internal URL makes the parser read it into the document: file disclosure and server-side requests.

        ## What to do instead
        Parse with `defusedxml`, or leave entity resolution off (the default of `lxml` 5 and of `xml.etree`).

        ## References
        - [CWE-611](https://cwe.mitre.org/data/definitions/611.html)
        """,
        examples: [
            .triggers("from flask import Flask, request\napp = Flask(__name__)\nfrom lxml import etree\n@app.route('/xml', methods=['POST'])\ndef xml():\n    parser = etree.XMLParser(resolve_entities=True)\n    root = etree.fromstring(request.data, parser)\n    return root.tag\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nfrom lxml import etree\n@app.route('/xml', methods=['POST'])\ndef xml():\n    parser = etree.XMLParser(resolve_entities=False)\n    root = etree.fromstring(request.data, parser)\n    return root.tag\n"),
        ]
    )

    public static let confirms = ["B313", "B314", "B315", "B316", "B317", "B318", "B319", "B320"]

    public static let message = "User input is parsed as XML by a parser that resolves external entities (XML external entity injection)"

    public static let sources: [TaintPattern] = TaintModels.untrustedInput

    public static let sinks: [TaintPattern] = [
        .focus("lxml.etree.fromstring($XML, $PARSER, ...)", on: "$XML", inside: ["$PARSER = lxml.etree.XMLParser(..., resolve_entities=True, ...)\n..."]),
        .focus("lxml.etree.parse($XML, $PARSER, ...)", on: "$XML", inside: ["$PARSER = lxml.etree.XMLParser(..., resolve_entities=True, ...)\n..."]),
        .focus("lxml.etree.XML($XML, $PARSER, ...)", on: "$XML", inside: ["$PARSER = lxml.etree.XMLParser(..., resolve_entities=True, ...)\n..."]),
        .focus("$SAX.parse($XML)", on: "$XML", inside: ["$SAX.setFeature(xml.sax.handler.feature_external_ges, True)\n..."]),
        .focus("xml.sax.parseString($XML, ...)", on: "$XML", inside: ["$SAX.setFeature(xml.sax.handler.feature_external_ges, True)\n..."]),
    ]

    public static let sanitizers: [TaintPattern] = [.pattern("defusedxml.$MODULE.$FUNCTION(...)")]
}
