import Foundation
import PythonSyntax
import RampartRegex

/// The expression of a `metavariable-comparison`: Python syntax over metavariables — arithmetic,
/// comparisons, `and`/`or`/`not`, `in`, `int()`, `str()`, `float()`, `len()`, `re.match()`.
struct ComparisonExpression: @unchecked Sendable {
    let expr: Expr
    let text: String

    enum Value: Equatable {
        case int(Int)
        case float(Double)
        case string(String)
        case bool(Bool)
        case list([Value])
        case none

        var number: Double? {
            switch self {
            case .int(let i): Double(i)
            case .float(let d): d
            case .bool(let b): b ? 1 : 0
            default: nil
            }
        }

        var truthy: Bool {
            switch self {
            case .int(let i): i != 0
            case .float(let d): d != 0
            case .string(let s): !s.isEmpty
            case .bool(let b): b
            case .list(let l): !l.isEmpty
            case .none: false
            }
        }

        var text: String {
            switch self {
            case .int(let i): String(i)
            // As Semgrep prints floats (OCaml's `string_of_float`: `1.` for one).
            case .float(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) + "." : String(d)
            case .string(let s): s
            case .bool(let b): b ? "True" : "False"
            case .list(let l): "[" + l.map(\.text).joined(separator: ", ") + "]"
            case .none: "None"
            }
        }
    }

    init(_ text: String) throws(PatternError) {
        let rewritten = try PatternText.rewrite(text)
        let parsed: ParsedModule
        do throws(PythonSyntaxError) {
            parsed = try Parser.parse(rewritten.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw PatternError("the comparison does not parse: \(error.message)")
        }
        guard parsed.module.body.count == 1, case .expr(let e) = parsed.module.body[0].kind else {
            throw PatternError("the comparison must be one expression")
        }
        self.expr = e
        self.text = text
    }

    /// The result, or nil when it cannot be computed (an unbound metavariable, a type error):
    /// Semgrep then drops the match.
    func evaluate(_ value: (String) -> Value?) -> Bool? {
        var budget = 10_000
        return eval(expr, value, &budget, depth: 0)?.truthy
    }

    private func eval(_ e: Expr, _ value: (String) -> Value?, _ budget: inout Int, depth: Int) -> Value? {
        budget -= 1
        guard budget > 0, depth < 100 else { return nil }
        switch e.kind {
        case .constant(let c, _):
            switch c {
            case .int(let digits): return Int(digits).map(Value.int) ?? Double(digits).map(Value.float)
            case .float(let d): return .float(d)
            case .string(let s): return .string(s)
            case .bool(let b): return .bool(b)
            case .none: return Value.none
            default: return nil
            }
        case .name(let id, _):
            if let mv = PatternSyntax.metavariable(id) { return value(mv) }
            return nil
        case .list(let elts, _), .tuple(let elts, _), .set(let elts):
            var out: [Value] = []
            for x in elts {
                guard let v = eval(x, value, &budget, depth: depth + 1) else { return nil }
                out.append(v)
            }
            return .list(out)
        case .unaryOp(let op, let operand):
            guard let v = eval(operand, value, &budget, depth: depth + 1) else { return nil }
            switch op {
            case .not: return .bool(!v.truthy)
            case .uSub:
                if case .int(let i) = v { return .int(-i) }
                return v.number.map { .float(-$0) }
            case .uAdd: return v.number == nil ? nil : v
            case .invert:
                if case .int(let i) = v { return .int(~i) }
                return nil
            }
        case .boolOp(let op, let values):
            var last: Value = .bool(op == .and)
            for x in values {
                guard let v = eval(x, value, &budget, depth: depth + 1) else { return nil }
                last = v
                if op == .and && !v.truthy { return v }
                if op == .or && v.truthy { return v }
            }
            return last
        case .binOp(let left, let op, let right):
            guard let l = eval(left, value, &budget, depth: depth + 1), let r = eval(right, value, &budget, depth: depth + 1) else { return nil }
            return arithmetic(l, op, r)
        case .compare(let left, let ops, let comparators):
            guard var l = eval(left, value, &budget, depth: depth + 1) else { return nil }
            for (op, c) in zip(ops, comparators) {
                guard let r = eval(c, value, &budget, depth: depth + 1), let holds = compare(l, op, r) else { return nil }
                if !holds { return .bool(false) }
                l = r
            }
            return .bool(true)
        case .call(let function, let args, _):
            let values = args.map { eval($0, value, &budget, depth: depth + 1) }
            guard !values.contains(where: { $0 == nil }) else { return nil }
            let arguments = values.compactMap { $0 }
            switch function.dottedName {
            case "int":
                guard let a = arguments.first else { return nil }
                switch a {
                case .int: return a
                case .float(let d): return d.isFinite ? .int(Int(d)) : nil
                case .bool(let b): return .int(b ? 1 : 0)
                case .string(let s):
                    let base = arguments.count > 1 ? (arguments[1].number.map { Int($0) } ?? 10) : 10
                    return Self.parseInt(s, base: base).map(Value.int)
                default: return nil
                }
            case "float":
                guard let a = arguments.first else { return nil }
                if case .string(let s) = a { return Double(s.trimmingCharacters(in: .whitespaces)).map(Value.float) }
                return a.number.map(Value.float)
            case "str":
                return arguments.first.map { .string($0.text) }
            case "len":
                switch arguments.first {
                case .string(let s)?: return .int(s.count)
                case .list(let l)?: return .int(l.count)
                default: return nil
                }
            case "re.match", "re.search", "re.fullmatch":
                guard arguments.count >= 2, case .string(let pattern) = arguments[0], case .string(let subject) = arguments[1] else { return nil }
                let anchored = function.dottedName == "re.search" ? pattern : function.dottedName == "re.fullmatch" ? "\\A(?:\(pattern))\\z" : "\\A(?:\(pattern))"
                guard let regex = try? ByteRegex(anchored) else { return nil }
                return .bool(regex.firstMatch(in: subject) != nil)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    static func parseInt(_ text: String, base: Int) -> Int? {
        var s = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
        var negative = false
        if s.hasPrefix("-") {
            negative = true
            s.removeFirst()
        } else if s.hasPrefix("+") {
            s.removeFirst()
        }
        var radix = base
        let lower = s.lowercased()
        if (base == 16 || base == 0) && lower.hasPrefix("0x") { s = String(s.dropFirst(2)); radix = 16 }
        else if (base == 8 || base == 0) && lower.hasPrefix("0o") { s = String(s.dropFirst(2)); radix = 8 }
        else if (base == 2 || base == 0) && lower.hasPrefix("0b") { s = String(s.dropFirst(2)); radix = 2 }
        if radix == 0 { radix = 10 }
        guard (2...36).contains(radix), let n = Int(s, radix: radix) else { return nil }
        return negative ? -n : n
    }

    private func arithmetic(_ l: Value, _ op: PythonSyntax.Operator, _ r: Value) -> Value? {
        if case .string(let a) = l, case .string(let b) = r, op == .add { return .string(a + b) }
        if case .int(let a) = l, case .int(let b) = r {
            switch op {
            case .add: let (v, o) = a.addingReportingOverflow(b); return o ? .float(Double(a) + Double(b)) : .int(v)
            case .sub: let (v, o) = a.subtractingReportingOverflow(b); return o ? .float(Double(a) - Double(b)) : .int(v)
            case .mult: let (v, o) = a.multipliedReportingOverflow(by: b); return o ? .float(Double(a) * Double(b)) : .int(v)
            case .floorDiv:
                guard b != 0 else { return nil }
                let q = a / b
                return .int((a % b != 0) && ((a < 0) != (b < 0)) ? q - 1 : q)
            case .mod:
                guard b != 0 else { return nil }
                let m = a % b
                return .int(m != 0 && (m < 0) != (b < 0) ? m + b : m)
            case .div: return b == 0 ? nil : .float(Double(a) / Double(b))
            case .pow: return b >= 0 && b < 64 ? .float(pow(Double(a), Double(b))).asIntIfExact : nil
            case .bitAnd: return .int(a & b)
            case .bitOr: return .int(a | b)
            case .bitXor: return .int(a ^ b)
            case .lShift: return b >= 0 && b < 63 ? .int(a << b) : nil
            case .rShift: return b >= 0 ? .int(a >> min(b, 63)) : nil
            case .matMult: return nil
            }
        }
        guard let a = l.number, let b = r.number else { return nil }
        switch op {
        case .add: return .float(a + b)
        case .sub: return .float(a - b)
        case .mult: return .float(a * b)
        case .div: return b == 0 ? nil : .float(a / b)
        case .floorDiv: return b == 0 ? nil : .float((a / b).rounded(.down))
        case .mod: return b == 0 ? nil : .float(a - b * (a / b).rounded(.down))
        case .pow: return .float(pow(a, b))
        default: return nil
        }
    }

    private func compare(_ l: Value, _ op: CmpOperator, _ r: Value) -> Bool? {
        switch op {
        case .eq: return equal(l, r)
        case .notEq: return !equal(l, r)
        case .is: return equal(l, r)
        case .isNot: return !equal(l, r)
        case .in, .notIn:
            let found: Bool
            switch r {
            case .list(let items): found = items.contains { equal(l, $0) }
            case .string(let s):
                guard case .string(let needle) = l else { return nil }
                found = s.contains(needle)
            default: return nil
            }
            return op == .in ? found : !found
        case .lt, .ltE, .gt, .gtE:
            let order: Int
            if case .string(let a) = l, case .string(let b) = r {
                order = a < b ? -1 : a == b ? 0 : 1
            } else if let a = l.number, let b = r.number {
                order = a < b ? -1 : a == b ? 0 : 1
            } else {
                return nil
            }
            switch op {
            case .lt: return order < 0
            case .ltE: return order <= 0
            case .gt: return order > 0
            default: return order >= 0
            }
        }
    }

    /// Semgrep compares values of the same kind only: `511.0 == 511` is false.
    private func equal(_ l: Value, _ r: Value) -> Bool { l == r }
}

private extension ComparisonExpression.Value {
    var asIntIfExact: ComparisonExpression.Value {
        if case .float(let d) = self, d == d.rounded(), abs(d) < 9e18 { return .int(Int(d)) }
        return self
    }
}
