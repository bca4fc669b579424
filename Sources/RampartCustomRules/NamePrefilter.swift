import PythonSyntax

/// Which patterns can match a file at all, decided before any matching: a pattern's literal
/// names (functions, attributes, keywords, parameters; not its metavariables or strings, which
/// constant propagation may build from other text) must all occur in the file as identifiers.
/// The import equivalences keep this sound: `sp.call` after `import subprocess as sp` still
/// has `subprocess` and `call` in the file. Identifiers are kept as 64-bit hashes, so a
/// collision only means a pattern is tried for nothing.
enum NamePrefilter {
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// Every identifier-like word of the source (strings and comments included: a superset).
    static func identifiers(_ source: [UInt8]) -> Set<UInt64> {
        var out = Set<UInt64>(minimumCapacity: source.count / 16)
        source.withUnsafeBufferPointer { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let c = bytes[i]
                if isStart(c) {
                    var h: UInt64 = 0xcbf2_9ce4_8422_2325
                    while i < n, isPart(bytes[i]) {
                        h ^= UInt64(bytes[i])
                        h = h &* 0x0000_0100_0000_01B3
                        i += 1
                    }
                    out.insert(h)
                } else if c >= 0x30 && c <= 0x39 {
                    // Numbers and their suffixes are not names.
                    while i < n, isPart(bytes[i]) { i += 1 }
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    @inline(__always) private static func isStart(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || c >= 0x80
    }

    @inline(__always) private static func isPart(_ c: UInt8) -> Bool {
        isStart(c) || (c >= 0x30 && c <= 0x39)
    }

    /// The literal names a pattern needs, hashed.
    static func required(_ statements: [Stmt]) -> [UInt64] {
        var names = Set<String>()
        var budget = 100_000
        for s in statements { collect(.statement(s), &names, &budget) }
        return names.map { hash(Array($0.utf8)) }
    }

    private static func add(_ name: String?, _ names: inout Set<String>) {
        guard let name, !name.isEmpty, !name.hasPrefix("__sm") else { return }
        names.insert(name)
    }

    private static func collect(_ node: SyntaxNode, _ names: inout Set<String>, _ budget: inout Int) {
        budget -= 1
        guard budget > 0 else { return }
        switch node {
        case .expression(let e):
            switch e.kind {
            case .name(let id, _): add(id, &names)
            case .attribute(_, let attr, _): add(attr, &names)
            // A deep `<... e ...>` and string contents need nothing of their own.
            default: break
            }
        case .keyword(let k): add(k.arg, &names)
        case .statement(let s):
            switch s.kind {
            case .functionDef(let f):
                add(f.name, &names)
                for a in f.args.posonlyargs + f.args.args + f.args.kwonlyargs { add(a.arg, &names) }
            case .classDef(let name, _, _, _, _, _): add(name, &names)
            case .import(let aliases):
                // `import a.b` needs `a`; an `as` name in a pattern may differ from the target's.
                for a in aliases { add(a.name.split(separator: ".").first.map(String.init), &names) }
            case .importFrom(let module, let aliases, _):
                add(module?.split(separator: ".").first.map(String.init), &names)
                for a in aliases where a.name != "*" { add(a.name, &names) }
            default: break
            }
        case .exceptHandler(let h): _ = h
        default: break
        }
        for child in node.children { collect(child, &names, &budget) }
    }
}
