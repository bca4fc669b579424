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
    /// Two reads of a variable are the same code when they name the same variable: the same
    /// name declared in the same scope (a function's local `x` is not the module's `x`).
    func sameCode(as other: BoundValue, file: TargetFile? = nil) -> Bool {
        switch (self.asName, other.asName) {
        case let (a?, b?):
            guard a == b else { return false }
            if let file, case .expression(let x) = self, case .expression(let y) = other {
                return file.declaringScope(of: x) == file.declaringScope(of: y)
            }
            return true
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

/// Metavariable bindings of one match. Few per match, bound one at a time while matching
/// backtracks: a persistent list, so binding one more shares the rest instead of copying it.
public struct Bindings: @unchecked Sendable {
    final class Node {
        let name: String
        let value: BoundValue
        let next: Node?
        let count: Int

        init(_ name: String, _ value: BoundValue, _ next: Node?) {
            self.name = name
            self.value = value
            self.next = next
            count = (next?.count ?? 0) + 1
        }
    }

    private var head: Node?

    public init() {}

    private func node(_ name: String) -> Node? {
        var n = head
        while let current = n {
            if current.name == name { return current }
            n = current.next
        }
        return nil
    }

    public subscript(name: String) -> BoundValue? { node(name)?.value }

    public var isEmpty: Bool { head == nil }

    /// Names in binding order.
    public var names: [String] {
        var out: [String] = []
        var n = head
        while let current = n {
            out.append(current.name)
            n = current.next
        }
        return out.reversed()
    }

    /// Values in binding order.
    public var values: [BoundValue] {
        var out: [BoundValue] = []
        var n = head
        while let current = n {
            out.append(current.value)
            n = current.next
        }
        return out.reversed()
    }

    /// The spans of the bound values (a match's identity together with its range).
    var spans: [Span?] {
        var out: [Span?] = []
        var n = head
        while let current = n {
            out.append(current.value.span)
            n = current.next
        }
        return out
    }

    /// Binds `name`, or checks an existing binding holds the same code; `$_` binds nothing.
    func binding(_ name: String, to value: BoundValue, file: TargetFile? = nil) -> Bindings? {
        if name == "$_" || name == "$..._" { return self }
        if let existing = node(name) {
            return existing.value.sameCode(as: value, file: file) ? self : nil
        }
        var copy = self
        copy.head = Node(name, value, head)
        return copy
    }

    /// Sets `name` whatever it held (for captures that replace).
    mutating func set(_ name: String, _ value: BoundValue) {
        if node(name) == nil {
            head = Node(name, value, head)
            return
        }
        // Rare: rebuild without the old value.
        let kept = Array(zip(names, values)).filter { $0.0 != name }
        head = nil
        for (n, v) in kept { head = Node(n, v, head) }
        head = Node(name, value, head)
    }

    /// Whether every name bound in both holds the same code (Semgrep's `included_in` check).
    func agrees(with other: Bindings, file: TargetFile? = nil) -> Bool {
        var n = head
        while let current = n {
            if let theirs = other.node(current.name) {
                // Numbered capture groups of regular expressions always unify (as Semgrep does).
                if !current.name.dropFirst().allSatisfy(\.isNumber), !current.value.sameCode(as: theirs.value, file: file) { return false }
            }
            n = current.next
        }
        return true
    }

    /// These bindings plus those of `other` not bound here.
    func merging(_ other: Bindings) -> Bindings {
        var copy = self
        for (name, value) in zip(other.names, other.values) where copy.node(name) == nil {
            copy.head = Node(name, value, copy.head)
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
