import PythonSyntax

/// What conditions and messages read of a bound value.
enum Values {
    /// The code as written.
    static func text(_ value: BoundValue, _ file: TargetFile) -> String {
        switch value {
        case .expression(let e): file.text(e.span)
        case .identifier(let name, _): name
        case .sequence(_, let span): span.map(file.text) ?? ""
        case .statement(let s): file.text(s.span)
        case .text(let t, _): t
        }
    }

    /// The value a constant holds (a string without quotes), or nil when it is not a constant.
    static func constantText(_ value: BoundValue, _ file: TargetFile) -> String? {
        guard case .expression(let e) = value else { return nil }
        let scope = file.scope(containing: SourceRange(e.span))
        switch scope.constantValue(of: e) {
        case .string(let s)?: return s
        case .int(let digits)?: return digits
        case .float(let d)?: return String(d)
        case .bool(let b)?: return b ? "True" : "False"
        default: return nil
        }
    }

    /// The value `metavariable-comparison` computes with: numbers, strings (their content),
    /// Booleans; nil for anything else (Semgrep then fails the comparison).
    static func comparisonValue(_ value: BoundValue, _ file: TargetFile) -> ComparisonExpression.Value? {
        if case .text(let t, _) = value { return .string(t) }
        if case .expression(let e) = value {
            let scope = file.scope(containing: SourceRange(e.span))
            if case .unaryOp(.uSub, let operand) = e.kind, case .constant(let c, _) = operand.kind {
                switch c {
                case .int(let digits): if let n = Int(digits) { return .int(-n) }
                case .float(let d): return .float(-d)
                default: break
                }
            }
            switch scope.constantValue(of: e) {
            case .string(let s)?: return .string(s)
            case .int(let digits)?: return Int(digits).map { .int($0) } ?? .float(Double(digits) ?? 0)
            case .float(let d)?: return .float(d)
            case .bool(let b)?: return .bool(b)
            case .none?: return .none
            default: break
            }
        }
        return nil
    }

    static func unquoted(_ text: String) -> String {
        var t = Substring(text)
        while let first = t.first, "rRbBuUfF".contains(first), t.dropFirst().first.map({ $0 == "'" || $0 == "\"" || "rRbBuUfF".contains($0) }) == true {
            t = t.dropFirst()
        }
        for quote in ["\"\"\"", "'''", "\"", "'"] where t.hasPrefix(quote) && t.hasSuffix(quote) && t.count >= 2 * quote.count {
            return String(t.dropFirst(quote.count).dropLast(quote.count))
        }
        return String(t)
    }

    /// What type the code has, when the file says: literals, annotated names and parameters.
    static func type(of value: BoundValue, _ file: TargetFile) -> String? {
        guard case .expression(let e) = value else { return nil }
        switch e.kind {
        case .constant(let c, _):
            switch c {
            case .string, .codePoints: return "str"
            case .int: return "int"
            case .float: return "float"
            case .complex: return "complex"
            case .bool: return "bool"
            case .bytes: return "bytes"
            case .none: return "None"
            case .ellipsis: return nil
            }
        case .joinedStr: return "str"
        case .list, .listComp: return "list"
        case .dict, .dictComp: return "dict"
        case .set, .setComp: return "set"
        case .tuple: return "tuple"
        case .name(let id, _):
            let scope = file.scope(containing: SourceRange(e.span))
            if let annotation = scope.annotation(id) { return file.text(annotation.span) }
            // A name holding a constant has the constant's type.
            guard let value = scope.constantValue(of: e) else { return nil }
            return type(of: .expression(Expr(.constant(value: value, kind: nil), e.span)), file)
        default: return nil
        }
    }

    static func sameType(_ wanted: String, _ actual: String) -> Bool {
        func normal(_ s: String) -> String { s.filter { !$0.isWhitespace }.replacingOccurrences(of: "typing.", with: "") }
        return normal(wanted) == normal(actual)
    }
}

/// `$X` in a rule's message (and fix) replaced by the code it matched; longer names first so
/// `$X` does not eat `$XY`.
enum Interpolation {
    static func apply(_ template: String, _ bindings: Bindings, _ file: TargetFile) -> String {
        guard template.contains("$") else { return template }
        var out = template
        let names = bindings.names.sorted { $0.count > $1.count }
        for name in names {
            guard let value = bindings[name], out.contains(name) else { continue }
            // Semgrep leaves an empty `$...ARGS` as written in messages.
            if case .sequence(_, nil) = value { continue }
            out = out.replacingOccurrences(of: name, with: Values.text(value, file))
        }
        return out
    }
}
