import RampartCore

/// User input in an LDAP filter (CWE-90): a taint rule.
public enum TaintLDAPInjection: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "ldap-injection", confirming: confirms, title: "User input in an LDAP filter", severity: .high, cwe: 90, owasp: .a03,
        documentation: """
        ## What it does
        Follows user input to the filter of an LDAP search: `python-ldap`'s `search`, `search_s`, `search_st`, `search_ext`, `search_ext_s` and `ldap3`'s `Connection.search`. `escape_filter_chars` makes a value safe.

        ## Why is this bad?
        Filter syntax in the data (`*)(uid=*`) widens the search: a login check built on it lets anyone in, or the directory leaks.

        ## What to do instead
        Escape each value with `ldap.filter.escape_filter_chars` (or `ldap3.utils.conv.escape_filter_chars`), or build filters with `ldap.filter.filter_format`.

        ## References
        - [CWE-90](https://cwe.mitre.org/data/definitions/90.html)
        """,
        examples: [
            .triggers("from flask import Flask, request\napp = Flask(__name__)\nimport ldap\n@app.route('/find')\ndef find():\n    connection = ldap.initialize('ldap://directory')\n    user = request.args['user']\n    return str(connection.search_s('dc=example,dc=com', ldap.SCOPE_SUBTREE, '(uid=' + user + ')'))\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nimport ldap\nfrom ldap.filter import escape_filter_chars\n@app.route('/find')\ndef find():\n    connection = ldap.initialize('ldap://directory')\n    user = escape_filter_chars(request.args['user'])\n    return str(connection.search_s('dc=example,dc=com', ldap.SCOPE_SUBTREE, '(uid=' + user + ')'))\n"),
        ]
    )

    public static let message = "User input reaches an LDAP search filter: it can change what the search matches (LDAP injection)"

    public static let sources: [TaintPattern] = TaintModels.untrustedInput

    public static let sinks: [TaintPattern] = [
        .focus("$CONNECTION.search_s($BASE, $SCOPE, $FILTER, ...)", on: "$FILTER"),
        .focus("$CONNECTION.search_st($BASE, $SCOPE, $FILTER, ...)", on: "$FILTER"),
        .focus("$CONNECTION.search_ext_s($BASE, $SCOPE, $FILTER, ...)", on: "$FILTER"),
        .focus("$CONNECTION.search_ext($BASE, $SCOPE, $FILTER, ...)", on: "$FILTER"),
        .focus("$CONNECTION.search($BASE, $SCOPE, $FILTER, ...)", on: "$FILTER", inside: ["import ldap\n..."]),
        .focus("$CONNECTION.search($BASE, $FILTER, ...)", on: "$FILTER", inside: ["import ldap3\n..."]),
        .focus("$CONNECTION.search(search_filter=$FILTER, ...)", on: "$FILTER"),
    ]

    public static let sanitizers: [TaintPattern] = TaintModels.conversions + TaintModels.validations + TaintModels.cachedValues + [.pattern("ldap.filter.escape_filter_chars(...)")] + [.pattern("ldap3.utils.conv.escape_filter_chars(...)")] + [.pattern("ldap.filter.filter_format(...)")]
}
