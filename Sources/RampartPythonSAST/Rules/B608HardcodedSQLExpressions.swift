import Foundation
import PythonSyntax
import RampartCore

/// B608 (hardcoded_sql_expressions): SQL built from strings.
enum B608HardcodedSQLExpressions: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.string]
    static let metadata = RuleMetadata.bandit(
        "B608", "hardcoded_sql_expressions", title: "SQL built by string operations", severity: .medium, confidence: .low, cwe: 89, owasp: .a03,
        documentation: """
        ## What it does
        Flags SQL statements (`SELECT … FROM`, `DELETE FROM`, `INSERT INTO … VALUES`, `UPDATE … SET`) assembled with `+`, `%`, `.format()`, `.replace()` or f-strings. Confidence is medium when the result goes straight into `.execute()`/`.executemany()`.

        ## Why is this bad?
        Input placed in the SQL text can change the query: read other rows, bypass a login, drop tables.

        ## What to do instead
        Use the driver's parameters: `cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))`.

        ## References
        - [CWE-89](https://cwe.mitre.org/data/definitions/89.html)
        """,
        examples: [
            .triggers("cursor.execute('SELECT * FROM users WHERE name = ' + name)\n"),
            .triggers("query = f'DELETE FROM items WHERE id = {item_id}'\n"),
            .triggers("cursor.execute('UPDATE t SET a = {}'.format(value))\n"),
            .passes("cursor.execute('SELECT * FROM users WHERE name = %s', (name,))\n"),
        ]
    )

    static let sql = try? NSRegularExpression(
        pattern: #"(select\s.*from\s|delete\s+from\s|insert\s+into\s.*values[\s(]|update\s.*set\s)"#,
        options: [.caseInsensitive, .dotMatchesLineSeparators]
    )

    static func looksLikeSQL(_ text: String) -> Bool {
        guard ["select", "delete", "insert", "update"].contains(where: { TextSearch.containsIgnoringCase(text, $0) }) else { return false }
        return sql?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard case .string(let node, let value) = context.node else { return nil }
        var wrapper: BanditWalker.Parent?
        var statement = ""
        var strReplace = false
        switch context.parent {
        case .expression(let parent)?:
            switch parent.kind {
            case .binOp:
                (wrapper, statement) = concat(node, context)
            case .attribute(_, let attr, _) where attr == "format" || attr == "replace":
                statement = value
                wrapper = context.ancestor(3)
                strReplace = attr == "replace"
            case .joinedStr(let values):
                let substrings = values.filter { if case .constant(.string, _) = $0.kind { true } else { false } }
                if let first = substrings.first, first === node {
                    statement = substrings.compactMap(\.stringValue).joined()
                    wrapper = context.grandparent
                }
            default:
                break
            }
        default:
            break
        }
        guard looksLikeSQL(statement) else { return nil }
        var isExecute = false
        if case .expression(let call)? = wrapper, case .call(let function, _, _) = call.kind {
            let name: String?
            switch function.kind {
            case .attribute(_, let attr, _): name = attr
            case .name(let id, _): name = id
            default: name = nil
            }
            isExecute = name == "execute" || name == "executemany"
        }
        return RuleHit(.medium, isExecute && !strReplace ? .medium : .low, "Possible SQL injection vector through string-based query construction.")
    }

    /// Bandit's `concat_string`: the strings of the `BinOp` chain the node is in, and the chain's parent.
    static func concat(_ node: Expr, _ context: PythonRuleContext) -> (BanditWalker.Parent?, String) {
        var level = 1
        var root: Expr?
        while case .expression(let e)? = context.ancestor(level), case .binOp = e.kind {
            root = e
            level += 1
        }
        let stop: Expr? = { if case .expression(let e)? = context.parent { return e } else { return nil } }()
        var bits: [Expr?] = [node]
        func collect(_ e: Expr) {
            guard e !== stop, case .binOp(let left, _, let right) = e.kind else { return }
            if case .binOp = left.kind { collect(left); bits.append(nil) } else { bits.append(left) }
            if case .binOp = right.kind { collect(right); bits.append(nil) } else { bits.append(right) }
        }
        if let root { collect(root) }
        let text = bits.compactMap { $0?.stringValue }.joined(separator: " ")
        return (context.ancestor(level), text)
    }
}
