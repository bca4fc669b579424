import PythonSyntax

/// Python's own evaluation of constant expressions, for taint tracking's dead-branch pruning:
/// integer, float and string arithmetic, comparisons, `not`/`and`/`or` with Python's truth
/// values, conditional expressions and f-strings of constants. (Semgrep's constant propagation,
/// which custom rules' patterns follow, is `ConstantFolding`: narrower on purpose.)
enum PythonConstants {
    /// Strings and repetitions longer than this are not built (bounded memory).
    static let maxLength = 10_000

    /// The value of `e`, if it is a constant; `lookup` gives a name's constant value.
    static func value(of e: Expr, depth: Int = 0, lookup: (String) -> ConstantValue?) -> ConstantValue? {
        guard depth < 64 else { return nil }
        let d = depth + 1
        switch e.kind {
        case .constant(let v, _):
            switch v {
            case .none, .bool, .int, .float, .string, .bytes: return v
            default: return nil
            }
        case .name(let id, _):
            return lookup(id)
        case .unaryOp(let op, let operand):
            guard let v = value(of: operand, depth: d, lookup: lookup) else { return nil }
            switch (op, v) {
            case (.not, _): return truth(v).map { .bool(!$0) }
            case (.uSub, .int(let s)): return int(s).flatMap { $0 == Int.min ? nil : .int(String(-$0)) }
            case (.uSub, .float(let f)): return .float(-f)
            case (.uAdd, .int), (.uAdd, .float): return v
            case (.invert, .int(let s)): return int(s).map { .int(String(~$0)) }
            default: return nil
            }
        case .binOp(let left, let op, let right):
            guard let l = value(of: left, depth: d, lookup: lookup), let r = value(of: right, depth: d, lookup: lookup) else { return nil }
            return binary(l, op, r)
        case .boolOp(let op, let values):
            // `a and b` is `a` when `a` is false, else `b`; `or` the other way round.
            var last: ConstantValue?
            for operand in values {
                guard let v = value(of: operand, depth: d, lookup: lookup), let t = truth(v) else { return nil }
                last = v
                if (op == .and && !t) || (op == .or && t) { return v }
            }
            return last
        case .compare(let left, let ops, let comparators):
            guard var l = value(of: left, depth: d, lookup: lookup) else { return nil }
            for (op, next) in zip(ops, comparators) {
                guard let r = value(of: next, depth: d, lookup: lookup), let holds = compare(l, op, r) else { return nil }
                if !holds { return .bool(false) }
                l = r
            }
            return .bool(true)
        case .ifExp(let test, let body, let orelse):
            guard let t = value(of: test, depth: d, lookup: lookup).flatMap(truth) else { return nil }
            return value(of: t ? body : orelse, depth: d, lookup: lookup)
        case .joinedStr(let pieces):
            var out = ""
            for piece in pieces {
                switch piece.kind {
                case .constant(.string(let s), _): out += s
                case .formattedValue(let v, -1, nil):
                    guard let s = value(of: v, depth: d, lookup: lookup).flatMap(text) else { return nil }
                    out += s
                default: return nil
                }
                if out.utf8.count > maxLength { return nil }
            }
            return .string(out)
        default:
            return nil
        }
    }

    /// Python's truth value of a constant.
    static func truth(_ v: ConstantValue) -> Bool? {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let s): return int(s).map { $0 != 0 }
        case .float(let f): return f != 0
        case .string(let s): return !s.isEmpty
        case .bytes(let b): return !b.isEmpty
        default: return nil
        }
    }

    /// `str(v)` for the constants whose text is certain.
    static func text(_ v: ConstantValue) -> String? {
        switch v {
        case .string(let s): return s
        case .int(let s): return int(s).map(String.init)
        case .bool(let b): return b ? "True" : "False"
        case .none: return "None"
        default: return nil
        }
    }

    private static func int(_ s: String) -> Int? { Int(s) }

    private static func number(_ v: ConstantValue) -> Double? {
        switch v {
        case .int(let s): return Int(s).map(Double.init)
        case .float(let f): return f
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    private static func integer(_ v: ConstantValue) -> Int? {
        switch v {
        case .int(let s): return Int(s)
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    private static func binary(_ l: ConstantValue, _ op: Operator, _ r: ConstantValue) -> ConstantValue? {
        switch (l, op, r) {
        case let (.string(a), .add, .string(b)):
            return a.utf8.count + b.utf8.count > maxLength ? nil : .string(a + b)
        case let (.string(a), .mult, _), let (_, .mult, .string(a)):
            let other = l == .string(a) ? r : l
            guard let n = integer(other), n >= 0, a.utf8.count * n <= maxLength else { return nil }
            return .string(String(repeating: a, count: n))
        default:
            break
        }
        if case .bool(let a) = l, case .bool(let b) = r {
            // Booleans combined bitwise stay booleans.
            switch op {
            case .bitAnd: return .bool(a && b)
            case .bitOr: return .bool(a || b)
            case .bitXor: return .bool(a != b)
            default: break
            }
        }
        if let a = integer(l), let b = integer(r) {
            let result: (Int, Bool)
            switch op {
            case .add: result = a.addingReportingOverflow(b)
            case .sub: result = a.subtractingReportingOverflow(b)
            case .mult: result = a.multipliedReportingOverflow(by: b)
            case .floorDiv:
                guard b != 0, !(a == Int.min && b == -1) else { return nil }
                // Python rounds towards negative infinity.
                let q = a / b
                return .int(String((a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q))
            case .mod:
                guard b != 0, !(a == Int.min && b == -1) else { return nil }
                let m = a % b
                return .int(String(m != 0 && (m < 0) != (b < 0) ? m + b : m))
            case .pow:
                guard b >= 0, b < 64 else { return nil }
                var out = 1
                for _ in 0..<b {
                    let (p, overflow) = out.multipliedReportingOverflow(by: a)
                    if overflow { return nil }
                    out = p
                }
                return .int(String(out))
            case .bitAnd: return .int(String(a & b))
            case .bitOr: return .int(String(a | b))
            case .bitXor: return .int(String(a ^ b))
            case .lShift:
                guard b >= 0, b < 62, a.magnitude < (1 << (62 - b)) else { return nil }
                return .int(String(a << b))
            case .rShift:
                guard b >= 0 else { return nil }
                return .int(String(b >= 64 ? (a < 0 ? -1 : 0) : a >> b))
            default: return nil
            }
            return result.1 ? nil : .int(String(result.0))
        }
        if let a = number(l), let b = number(r) {
            switch op {
            case .add: return .float(a + b)
            case .sub: return .float(a - b)
            case .mult: return .float(a * b)
            case .div: return b == 0 ? nil : .float(a / b)
            default: return nil
            }
        }
        return nil
    }

    private static func compare(_ l: ConstantValue, _ op: CmpOperator, _ r: ConstantValue) -> Bool? {
        switch op {
        case .is: return identical(l, r)
        case .isNot: return identical(l, r).map(!)
        case .in, .notIn:
            guard case .string(let hay) = r, case .string(let needle) = l else { return nil }
            // The empty string is in every string.
            let found = contains(Array(hay.unicodeScalars), Array(needle.unicodeScalars))
            return op == .in ? found : !found
        default: break
        }
        let order: Int
        if let a = number(l), let b = number(r) {
            order = a < b ? -1 : a > b ? 1 : 0
        } else if case .string(let a) = l, case .string(let b) = r {
            // Python compares strings by code point.
            let x = Array(a.unicodeScalars.map(\.value)), y = Array(b.unicodeScalars.map(\.value))
            order = x.lexicographicallyPrecedes(y) ? -1 : x == y ? 0 : 1
        } else if op == .eq || op == .notEq {
            // Different kinds of constants (a string and a number, None and a string) are unequal.
            switch (l, r) {
            case (.none, .none): return op == .eq
            default: return op == .notEq
            }
        } else {
            return nil
        }
        switch op {
        case .eq: return order == 0
        case .notEq: return order != 0
        case .lt: return order < 0
        case .ltE: return order <= 0
        case .gt: return order > 0
        case .gtE: return order >= 0
        default: return nil
        }
    }

    /// Substring search by code point, as Python compares strings (not by Unicode equivalence).
    private static func contains(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= hay.count else { return false }
        for start in 0...(hay.count - needle.count) where hay[start] == needle[0] {
            if Array(hay[start..<(start + needle.count)]) == needle { return true }
        }
        return false
    }

    /// `is` between constants: only the singletons are certain.
    private static func identical(_ l: ConstantValue, _ r: ConstantValue) -> Bool? {
        switch (l, r) {
        case (.none, .none): return true
        case let (.bool(a), .bool(b)): return a == b
        case (.none, _), (_, .none), (.bool, _), (_, .bool): return false
        default: return nil
        }
    }
}
