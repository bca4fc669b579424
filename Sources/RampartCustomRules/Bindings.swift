import PythonSyntax

/// What a metavariable is bound to.
public enum BoundValue: @unchecked Sendable {
    /// An expression of the target.
    case expression(Expr)
    /// A name that is not an expression: a function, class, parameter, keyword or attribute name.
    case identifier(String, Span)
    /// A run of arguments, parameters or statements (`$...ARGS`): its span, empty when nothing was bound.
    case sequence([Expr], Span?)
    /// A statement (`$S` in statement position).
    case statement(Stmt)
    /// Text found by a regular expression, with its place.
    case text(String, Span)

    public var span: Span? {
        switch self {
        case .expression(let e): e.span
        case .identifier(_, let s), .text(_, let s): s
        case .sequence(_, let s): s
        case .statement(let s): s.span
        }
    }

    /// Semgrep's equality of bound code: the same tree, wherever it is.
    func sameCode(as other: BoundValue) -> Bool {
        switch (self.asName, other.asName) {
        case let (a?, b?): return a == b
        default: break
        }
        switch (self, other) {
        case let (.expression(a), .expression(b)): return Structural.equal(a, b)
        case let (.statement(a), .statement(b)): return Structural.equal(a, b)
        case let (.sequence(a, _), .sequence(b, _)):
            return a.count == b.count && zip(a, b).allSatisfy { Structural.equal($0, $1) }
        case let (.text(a, _), .text(b, _)): return a == b
        case let (.text(a, _), .expression(e)), let (.expression(e), .text(a, _)):
            return e.stringValue == a
        default: return false
        }
    }

    /// The name when the value is a plain name (`x` as an expression or an identifier).
    var asName: String? {
        switch self {
        case .identifier(let n, _): return n
        case .expression(let e):
            if case .name(let id, _) = e.kind { return id }
            return nil
        default: return nil
        }
    }
}

/// Metavariable bindings of one match, in binding order. Few per match, so a small array.
public struct Bindings: @unchecked Sendable {
    public private(set) var names: [String] = []
    public private(set) var values: [BoundValue] = []

    public init() {}

    public subscript(name: String) -> BoundValue? {
        if let i = names.firstIndex(of: name) { return values[i] }
        return nil
    }

    public var isEmpty: Bool { names.isEmpty }

    /// Binds `name`, or checks an existing binding holds the same code; `$_` binds nothing.
    func binding(_ name: String, to value: BoundValue) -> Bindings? {
        if name == "$_" || name == "$..._" { return self }
        if let i = names.firstIndex(of: name) {
            return values[i].sameCode(as: value) ? self : nil
        }
        var copy = self
        copy.names.append(name)
        copy.values.append(value)
        return copy
    }

    /// Sets `name` whatever it held (for captures that replace).
    mutating func set(_ name: String, _ value: BoundValue) {
        if let i = names.firstIndex(of: name) { values[i] = value } else {
            names.append(name)
            values.append(value)
        }
    }

    /// Whether every name bound in both holds the same code (Semgrep's `included_in` check).
    func agrees(with other: Bindings) -> Bool {
        for (i, name) in names.enumerated() {
            if let j = other.names.firstIndex(of: name) {
                // Numbered capture groups of regular expressions always unify (as Semgrep does).
                if name.dropFirst().allSatisfy(\.isNumber) { continue }
                if !values[i].sameCode(as: other.values[j]) { return false }
            }
        }
        return true
    }

    /// These bindings plus those of `other` not bound here.
    func merging(_ other: Bindings) -> Bindings {
        var copy = self
        for (j, name) in other.names.enumerated() where !copy.names.contains(name) {
            copy.names.append(name)
            copy.values.append(other.values[j])
        }
        return copy
    }

    var pairs: Zip2Sequence<[String], [BoundValue]> { zip(names, values) }
}

/// A place in a file: Semgrep's ranges, compared by position.
public struct SourceRange: Sendable, Hashable, Comparable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(_ start: SourcePosition, _ end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public init(_ span: Span) { self.init(span.start, span.end) }

    /// Whether this range lies inside `other` (equal counts).
    func isInside(_ other: SourceRange) -> Bool { other.start <= start && end <= other.end }

    public static func < (a: SourceRange, b: SourceRange) -> Bool {
        a.start != b.start ? a.start < b.start : a.end < b.end
    }
}
