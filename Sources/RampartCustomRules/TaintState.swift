import PythonSyntax

/// The taint of a value: the source matches it may come from (by index), each with the
/// assignments it went through on one way there (for the finding's trace). Two taints are
/// equal when they have the same origins: the fixpoint does not depend on the ways.
struct Taint: Equatable, ExpressibleByArrayLiteral {
    /// Steps kept per origin; a longer way keeps its first steps.
    static let maxSteps = 24

    private(set) var ways: [Int: [SourceRange]] = [:]

    init() {}
    init(arrayLiteral origins: Int...) { self.init(origins) }
    init(_ origins: [Int]) { for origin in origins { ways[origin] = [] } }

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

    /// The origin standing for a function's parameter while its summary is computed.
    static func parameter(_ index: Int) -> Int { -1 - index }

    /// The origins that are sources (not parameters of a summary).
    var real: Taint {
        var out = Taint()
        out.ways = ways.filter { $0.key >= 0 }
        return out
    }

    /// The origins that stand for parameters.
    var symbolic: Taint {
        var out = Taint()
        out.ways = ways.filter { $0.key < 0 }
        return out
    }

    /// A summary's taint at a call: each parameter replaced by the argument's taint, whose way
    /// goes on through the call and the steps inside the function.
    func instantiated(_ arguments: [Int: Taint], call: SourceRange) -> Taint {
        var out = Taint()
        for (origin, inner) in ways {
            guard origin < 0 else {
                if out.ways[origin] == nil { out.ways[origin] = inner }
                continue
            }
            guard let argument = arguments[-1 - origin] else { continue }
            for (source, outer) in argument.ways where out.ways[source] == nil {
                out.ways[source] = Array((outer + [call] + inner).prefix(Self.maxSteps))
            }
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
        /// Attributes by name; container entries by constant key (`['a']`, `[0]`).
        var fields: [String: Node] = [:]
        /// A list's length when known (its entries are then tracked by index).
        var length: Int?

        /// Its taint and all its attributes' (reading `o` reads `o.a` too).
        var all: Taint {
            var out = own
            for field in fields.values { out.formUnion(field.all) }
            return out
        }

        mutating func join(_ other: Node) {
            own.formUnion(other.own)
            for (name, field) in other.fields { fields[name, default: Node()].join(field) }
            if length != other.length { length = nil }
        }

        /// Depth-bounded copy (a container copied into another is cut where paths would be).
        func bounded(_ depth: Int = 0) -> Node {
            guard depth < TaintState.maxPathLength else { return Node(own: all) }
            var out = Node(own: own, length: length)
            for (name, field) in fields { out.fields[name] = field.bounded(depth + 1) }
            return out
        }
    }

    /// The key of a container entry as a path element.
    static func entry(_ key: ConstantValue) -> String? {
        switch key {
        case .string(let s): return "['" + s + "']"
        case .int(let n): return "[" + n + "]"
        default: return nil
        }
    }

    /// Attribute paths longer than this are cut (taint goes to the prefix): bounded state.
    static let maxPathLength = 6

    private(set) var variables: [String: Node] = [:]
    /// The constant each variable holds here, where it is certain (dead-branch pruning).
    private(set) var constants: [String: ConstantValue] = [:]

    func constant(_ name: String) -> ConstantValue? { constants[name] }

    mutating func setConstant(_ name: String, _ value: ConstantValue?) {
        constants[name] = value
    }

    /// The node a path holds, with its prefixes' own taint added to its own.
    func node(_ path: [String]) -> Node? {
        guard let first = path.first, var node = variables[first] else { return nil }
        var inherited = Taint()
        for name in path.dropFirst() {
            inherited.formUnion(node.own)
            guard let next = node.fields[name] else { return inherited.isEmpty ? nil : Node(own: inherited) }
            node = next
        }
        node.own.formUnion(inherited)
        return node
    }

    /// Stores a whole node at a path (a container literal or a copy of another variable).
    mutating func write(_ path: [String], node: Node) {
        guard let first = path.first else { return }
        let path = Array(path.prefix(Self.maxPathLength))
        let node = node.bounded(path.count - 1)
        func update(_ current: inout Node, _ rest: ArraySlice<String>) {
            guard let name = rest.first else {
                current = node
                return
            }
            update(&current.fields[name, default: Node()], rest.dropFirst())
        }
        update(&variables[first, default: Node()], path.dropFirst()[...])
    }

    /// Changes the node at a path in place (list operations); nothing when it is absent.
    mutating func modify(_ path: [String], _ body: (inout Node) -> Void) {
        guard let first = path.first, variables[first] != nil else { return }
        func update(_ current: inout Node, _ rest: ArraySlice<String>) {
            guard let name = rest.first else { return body(&current) }
            guard current.fields[name] != nil else { return }
            update(&current.fields[name, default: Node()], rest.dropFirst())
        }
        update(&variables[first, default: Node()], path.dropFirst()[...])
    }

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
        for name in names {
            out.variables[name] = nil
            out.constants[name] = nil
        }
        return out
    }

    static func join(_ a: TaintState?, _ b: TaintState?) -> TaintState? {
        guard var out = a else { return b }
        guard let b else { return out }
        for (name, node) in b.variables {
            if var mine = out.variables[name] {
                mine.join(node)
                out.variables[name] = mine
            } else {
                // Absent on one side: nothing tainted there, and a list's length is unknown.
                var copy = node
                copy.length = nil
                out.variables[name] = copy
            }
        }
        for (name, node) in out.variables where b.variables[name] == nil && node.length != nil {
            out.variables[name]?.length = nil
        }
        out.constants = out.constants.filter { b.constants[$0.key] == $0.value }
        return out
    }
}
