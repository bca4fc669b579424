import PythonSyntax

/// A value as Bandit's checks see a node: strings for `str` constants, `True`/`False`/`None`
/// (as text), names and attribute names; numbers; lists and tuples of those. `nil` stands for
/// Python's `None` result on anything else (a call, an operation), which several checks test for.
indirect enum BanditLiteral: Equatable {
    case str(String)
    case int(String)
    case float(Double)
    case bytes([UInt8])
    case list([BanditLiteral?])
    case tuple([BanditLiteral?])
    case set([BanditLiteral?])
    case dict

    /// Bandit's `_get_literal_value`.
    static func of(_ expr: Expr) -> BanditLiteral? {
        switch expr.kind {
        case .constant(let value, _):
            switch value {
            case .bool(let b): return .str(b ? "True" : "False")
            case .none: return .str("None")
            case .string(let s): return .str(s)
            case .codePoints(let points): return .str(String(String.UnicodeScalarView(points.compactMap(Unicode.Scalar.init))))
            case .int(let digits): return .int(digits)
            case .float(let d): return .float(d)
            case .bytes(let b): return .bytes(b)
            case .complex, .ellipsis: return nil
            }
        case .list(let elts, _): return .list(elts.map(of))
        case .tuple(let elts, _): return .tuple(elts.map(of))
        case .set(let elts): return .set(elts.map(of))
        case .dict: return .dict
        case .name(let id, _): return .str(id)
        default: return nil
        }
    }

    /// What Bandit's `call_args`/`call_keywords` hold for an argument: an attribute's name, else the literal.
    static func ofArgument(_ expr: Expr) -> BanditLiteral? {
        if case .attribute(_, let attr, _) = expr.kind { return .str(attr) }
        return of(expr)
    }

    var string: String? {
        if case .str(let s) = self { return s }
        return nil
    }

    /// Python truthiness, for Bandit's `a or b or default` chains.
    var isTruthy: Bool {
        switch self {
        case .str(let s): return !s.isEmpty
        case .int(let digits): return digits != "0"
        case .float(let d): return d != 0
        case .bytes(let b): return !b.isEmpty
        case .list(let e), .tuple(let e), .set(let e): return !e.isEmpty
        case .dict: return true
        }
    }

    var integer: Int? {
        if case .int(let digits) = self { return Int(digits) }
        return nil
    }
}
