import PythonSyntax

/// Recognises the reserved forms `PatternText` writes into a parsed pattern.
enum PatternSyntax {
    /// `$X` for a metavariable name node.
    static func metavariable(_ e: Expr) -> String? {
        if case .name(let id, _) = e.kind { return metavariable(id) }
        return nil
    }

    static func metavariable(_ id: String) -> String? {
        guard id.hasPrefix(PatternText.metavariablePrefix) else { return nil }
        return "$" + id.dropFirst(PatternText.metavariablePrefix.count)
    }

    /// `$...X` for a sequence metavariable name node.
    static func sequenceVariable(_ e: Expr) -> String? {
        if case .name(let id, _) = e.kind { return sequenceVariable(id) }
        return nil
    }

    static func sequenceVariable(_ id: String) -> String? {
        guard id.hasPrefix(PatternText.sequencePrefix) else { return nil }
        return "$..." + id.dropFirst(PatternText.sequencePrefix.count)
    }

    static func isEllipsis(_ e: Expr) -> Bool {
        if case .constant(.ellipsis, _) = e.kind { return true }
        return false
    }

    static func isEllipsis(_ s: Stmt) -> Bool {
        if case .expr(let e) = s.kind { return isEllipsis(e) }
        return false
    }

    /// The `e` of `<... e ...>`.
    static func deepInner(_ e: Expr) -> Expr? {
        if case .call(let f, let args, let keywords) = e.kind, keywords.isEmpty, args.count == 1,
           case .name(PatternText.deepName, _) = f.kind {
            return args[0]
        }
        return nil
    }

    static func isDots(_ name: String?) -> Bool { name == PatternText.dictDotsName }

    /// A string pattern's meaning.
    enum StringPattern {
        case any
        case regex(String)
        case metavariable(String)
        case literal(String)
    }

    static func stringPattern(_ value: String) -> StringPattern {
        if value == "..." { return .any }
        if value.hasPrefix("=~/"), let close = value.lastIndex(of: "/"), close > value.index(value.startIndex, offsetBy: 2) {
            let body = String(value[value.index(value.startIndex, offsetBy: 3)..<close])
            let flags = value[value.index(after: close)...]
            return .regex(flags.contains("i") ? "(?i)" + body : body)
        }
        if PatternText.isMetavariable(value[...]) { return .metavariable(value) }
        return .literal(value)
    }
}
