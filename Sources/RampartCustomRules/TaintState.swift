/// The taint of a value: the source matches it may come from (by index), each with the
/// assignments it went through on one way there (for the finding's trace). Two taints are
/// equal when they have the same origins: the fixpoint does not depend on the ways.
struct Taint: Equatable, ExpressibleByArrayLiteral {
    /// Steps kept per origin; a longer way keeps its first steps.
    static let maxSteps = 24

    private(set) var ways: [Int: [SourceRange]] = [:]

    init() {}
    init(arrayLiteral origins: Int...) { for origin in origins { ways[origin] = [] } }

    var isEmpty: Bool { ways.isEmpty }
    var origins: Dictionary<Int, [SourceRange]>.Keys { ways.keys }

    /// Adds the other's origins; an origin already here keeps its way.
    mutating func formUnion(_ other: Taint) {
        for (origin, way) in other.ways where ways[origin] == nil { ways[origin] = way }
    }

    func union(_ other: Taint) -> Taint {
        var out = self
        out.formUnion(other)
        return out
    }

    /// The taint after flowing through an assignment at `step`.
    func through(_ step: SourceRange) -> Taint {
        var out = self
        for (origin, way) in ways where way.count < Self.maxSteps && way.last != step {
            out.ways[origin] = way + [step]
        }
        return out
    }

    static func == (a: Taint, b: Taint) -> Bool {
        a.ways.count == b.ways.count && a.ways.keys.allSatisfy { b.ways[$0] != nil }
    }
}

/// What is tainted at one point of a function: variables and their attribute paths (`o.a` apart
/// from `o.b`), joined by union where control flow meets. Subscripts are not told apart: an
/// assignment to `d[k]` taints `d`.
struct TaintState: Equatable {
    /// A variable or attribute, with taint of its own and of its attributes.
    struct Node: Equatable {
        var own: Taint = []
        var fields: [String: Node] = [:]

        /// Its taint and all its attributes' (reading `o` reads `o.a` too).
        var all: Taint {
            var out = own
            for field in fields.values { out.formUnion(field.all) }
            return out
        }

        mutating func join(_ other: Node) {
            own.formUnion(other.own)
            for (name, field) in other.fields { fields[name, default: Node()].join(field) }
        }
    }

    /// Attribute paths longer than this are cut (taint goes to the prefix): bounded state.
    static let maxPathLength = 6

    private(set) var variables: [String: Node] = [:]

    /// A value read whole: the path's prefixes' own taint and everything under it.
    func read(_ path: [String]) -> Taint {
        guard let first = path.first, var node = variables[first] else { return [] }
        var out = Taint()
        for name in path.dropFirst() {
            out.formUnion(node.own)
            guard let next = node.fields[name] else { return out }
            node = next
        }
        return out.union(node.all)
    }

    /// A path read as the object of an attribute access: its prefixes' own taint only (`o` in
    /// `o.b` is not tainted by `o.a`).
    func readOwn(_ path: [String]) -> Taint {
        guard let first = path.first, var node = variables[first] else { return [] }
        var out = node.own
        for name in path.dropFirst() {
            guard let next = node.fields[name] else { return out }
            node = next
            out.formUnion(node.own)
        }
        return out
    }

    /// Assigns a path: a strong write replaces what it held (and its attributes); a weak one adds.
    mutating func write(_ path: [String], _ taint: Taint, strong: Bool) {
        guard let first = path.first else { return }
        let path = Array(path.prefix(Self.maxPathLength))
        func update(_ node: inout Node, _ rest: ArraySlice<String>) {
            guard let name = rest.first else {
                if strong { node = Node(own: taint) } else { node.own.formUnion(taint) }
                return
            }
            update(&node.fields[name, default: Node()], rest.dropFirst())
        }
        if strong && taint.isEmpty && path.count == 1 {
            variables[first] = nil
            return
        }
        update(&variables[first, default: Node()], path.dropFirst()[...])
    }

    /// Forgets a path's taint (a sanitizer by side effect, `del`, a rebinding to clean data).
    mutating func kill(_ path: [String]) {
        write(path, [], strong: true)
    }

    /// The state without some variables (names a function binds hide the module's).
    func removing(_ names: Set<String>) -> TaintState {
        var out = self
        for name in names { out.variables[name] = nil }
        return out
    }

    static func join(_ a: TaintState?, _ b: TaintState?) -> TaintState? {
        guard var out = a else { return b }
        guard let b else { return out }
        for (name, node) in b.variables { out.variables[name, default: Node()].join(node) }
        return out
    }
}
