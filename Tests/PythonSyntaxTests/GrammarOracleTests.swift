import Foundation
import PythonSyntax
import RampartTestSupport
import Testing

/// Every grammar feature of Python 3.11, in tiny sources, each dumped by Rampart and by CPython's
/// own `ast` on this machine (the oracle), positions included. Sources CPython rejects must be
/// rejected too.
@Suite(.enabled(if: CPythonOracle.shared != nil, "needs python3 (3.11) for the ast oracle"))
struct GrammarOracleTests {
    static let features: [(String, String)] = [
        // Lexical structure.
        ("indentation with tabs", "if x:\n\tif y:\n\t\tpass\n\telse:\n\t\tpass\n"),
        ("explicit line joining", "x = 1 + \\\n    2\n"),
        ("implicit line joining", "x = (1,\n     2,\n)\ny = [\n  3]\nz = {4:\n 5}\n"),
        ("comments kept out of the tree", "# a\nx = 1  # b\n# c\n"),
        ("CRLF line ends", "x = 1\r\nif x:\r\n    y = 2\r\n"),
        ("CR line ends", "x = 1\ry = 2\r"),
        ("form feed", "\u{0C}x = 1\nif x:\n\u{0C}    pass\n"),
        ("BOM", "\u{FEFF}x = 1\n"),
        ("no final newline", "x = 1"),
        ("blank and comment lines inside blocks", "def f():\n\n    # c\n    x = 1\n\n    return x\n"),
        ("non-ASCII identifiers, NFKC", "ℌ = 1\nδ = ℌ\n"),
        ("UTF-8 columns", "s = 'héllo'; t = 'ok'\n"),
        // Numbers.
        ("integers", "a = 0; b = 1_000; c = 0x_FF; d = 0o17; e = 0b1010; f = 12345678901234567890123\n"),
        ("floats", "a = 1.5; b = .5; c = 5.; d = 1e10; e = 1_0.0_1e-1_0; f = 1e400; g = 0.1; h = 1e16; i = 123456789012345678.0\n"),
        ("imaginary", "a = 1j; b = 1.5J; c = 1e3j; d = 0j\n"),
        // Strings.
        ("string prefixes", "a = r'\\d'; b = b'x'; c = rb'\\x'; d = Br'y'; e = u'z'; f = R'w'; g = BR'v'\n"),
        ("triple quotes", "a = '''x\ny'''\nb = \"\"\"q\"\"\"\n"),
        ("escapes", "a = '\\n\\t\\\\\\'\\x41\\u00e9\\U0001F600\\N{BULLET}\\101\\0'; b = b'\\x00\\xff\\n'\n"),
        ("unknown escapes kept", "a = '\\d\\w'\n"),
        ("implicit concatenation", "a = 'x' 'y' \"z\"; b = b'a' b'b'; c = u'p' 'q'\n"),
        ("f-strings", "a = f'{x}'; b = f'a{x!r}b{y!s:>10}c{z!a}'; c = f'{x:{w}.{p}f}'; d = f'{{}}{x}{{'\n"),
        ("f-string debug", "a = f'{x=}'; b = f'{x = }'; c = f'{x=!s}'; d = f'{x=:>4}'\n"),
        ("f-string concatenation", "a = 'p' f'{x}' 'q' f'r{y}'\nb = (f'{a}'\n     f'{b}')\n"),
        ("multi-line f-string", "a = f'''\n{x}\n  {y +\n z}'''\n"),
        ("f-string with tuple and dict", "a = f'{x, y}'; b = f'{ {1: 2}[1] }'; c = f'{(lambda: 1)()}'\n"),
        ("raw f-string", "a = rf'\\d{x}'; b = fr'{x}\\n'\n"),
        ("bytes with quotes", "a = b\"'\"; b = '\"'; c = \"'\\\"\"\n"),
        // Expressions.
        ("operators and precedence", "x = a or b and not c; y = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** -n ** o; z = ~a + -b - +c\n"),
        ("parenthesised operands", "x = (a + b) * (c - d); y = -(a); z = (a)(b)[c].d\n"),
        ("comparisons", "x = a < b <= c > d >= e == f != g in h not in i is j is not k\n"),
        ("conditional and lambda", "f = lambda: 0; g = lambda x, /, y=1, *a, z, **k: x if y else z\n"),
        ("walrus", "if (n := len(a)) > 10: pass\nprint(y := 1)\n[y := f(x) for x in a]\n"),
        ("calls", "f(); f(a, b); f(*a, **k); f(a, b=1, *c, d=2, **e); f(x for x in y); f(a)(b)\n"),
        ("attributes and subscripts", "a.b.c; a[1]; a[1:2]; a[::2]; a[1:2, 3]; a[:, None]; a[...]; a[*b]; a[b, *c]\n"),
        ("displays", "a = []; b = [1, *c]; d = (); e = (1,); f = 1,; g = {}; h = {1, *i}; j = {1: 2, **k}\n"),
        ("comprehensions", "[x for x in y if x if z]; {x for x in y}; {k: v for k, v in i}; (x for x in y for z in x); [x async for x in y]\n"),
        ("await and yield", "async def f():\n    await x\n    y = yield\n    z = yield 1, 2\n    w = yield from g()\n    await (await x)\n"),
        ("starred", "a, *b = c; *a, b = c; [a, *b] = c; print(*a)\n"),
        ("ellipsis and constants", "x = ...; y = None; z = True; w = False\n"),
        // Statements.
        ("assignment forms", "a = b = c; a.b = 1; a[0] = 1; (a, b) = c; [a, (b, c)] = d; a += 1; a.b **= 2; a[0] //= 3\n"),
        ("annotated assignment", "x: int; y: int = 1; (z): int = 2; a.b: str; a[0]: t = 1; c: int = yield\n"),
        ("del, assert, pass, break, continue", "del a, b[0], c.d\nassert x, 'msg'\nwhile 1:\n    break\n    continue\n"),
        ("return and raise", "def f():\n    return\n    return 1, 2\n    raise\n    raise E\n    raise E from e\n"),
        ("imports", "import a\nimport a.b.c as d, e\nfrom a import b\nfrom . import c\nfrom ..a.b import (c as d, e,)\nfrom ... import x\nfrom .... import y\nfrom a import *\n"),
        ("global and nonlocal", "def f():\n    global a, b\n    def g():\n        nonlocal c\n"),
        ("if/elif/else", "if a:\n    pass\nelif b:\n    pass\nelif c: pass\nelse:\n    pass\n"),
        ("while and for with else", "while x:\n    pass\nelse:\n    pass\nfor a, b in c:\n    pass\nelse: pass\nasync def f():\n    async for x in y: pass\n"),
        ("with forms", "with a: pass\nwith a as b, c as (d, e): pass\nwith (a as b, c): pass\nwith (a, b): pass\nwith (yield): pass\nasync def f():\n    async with a as b: pass\n"),
        ("try forms", "try:\n    pass\nexcept E:\n    pass\nexcept (A, B) as e:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\ntry: pass\nfinally: pass\n"),
        ("except star", "try:\n    pass\nexcept* ValueError as e:\n    pass\nexcept* (A, B):\n    pass\n"),
        ("functions", "def f(a, b=1, *args, c, d=2, **kw) -> int:\n    pass\ndef g(a, /, b, *, c): pass\ndef h(*, a=1): pass\ndef i(a: int = 1, *b: str, **c: 'x'): pass\ndef j(*args: *Ts): pass\n"),
        ("decorators", "@a\n@b.c(d)\n@(lambda f: f)\ndef f(): pass\n@x\nclass C: pass\n@y\nasync def g(): pass\n"),
        ("classes", "class A: pass\nclass B(A, metaclass=M, **k):\n    x = 1\n    def f(self): return self\n"),
        ("semicolons", "a = 1; b = 2;\ndef f(): x = 1; return x;\n"),
        ("nested blocks", "def f():\n    if a:\n        for b in c:\n            while d:\n                with e:\n                    try:\n                        pass\n                    except:\n                        pass\n"),
        ("soft keywords as names", "match = 1\ncase = 2\ntype = 3\n_ = 4\nmatch.x = 5\nmatch[0] = 6\nprint(match, case, type)\n"),
        // Pattern matching.
        ("match literals and captures", "match x:\n    case 1 | -2 | 3.0 | 1+2j | -1-2j | 'a' | b'b' | None | True | False:\n        pass\n    case y:\n        pass\n    case _:\n        pass\n"),
        ("match sequences and stars", "match x:\n    case [a, *rest]:\n        pass\n    case (a, b, *_):\n        pass\n    case a, b:\n        pass\n    case []:\n        pass\n    case ():\n        pass\n    case [a]:\n        pass\n"),
        ("match mappings", "match x:\n    case {'a': 1, 'b': c, **rest}:\n        pass\n    case {}:\n        pass\n    case {K.a: 1}:\n        pass\n"),
        ("match classes, values, as, guards", "match x:\n    case Point(x=0, y=y) if y > 0:\n        pass\n    case a.b.C(1, 2, z=3):\n        pass\n    case Color.RED:\n        pass\n    case [1, 2] as whole:\n        pass\n    case (1 | 2) as n:\n        pass\n"),
        ("match subjects", "match a, b:\n    case _: pass\nmatch *a, b:\n    case _: pass\nmatch (x := y):\n    case _: pass\n"),
    ]

    static let rejected: [String] = [
        "x = (1, 2\n", "def f(:\n    pass\n", "if x\n    pass\n", "x = 1 +\n", "f(**a, *b)\n", "f(a=1, b)\n",
        "a + 1 = 2\n", "del f()\n", "(a, b) += 1\n", "x: int, y: int = 1, 2\n", "def f(a=1, b): pass\n",
        "def f(*): pass\n", "lambda *: 0\n", "print 'hello'\n", "exec 'code'\n", "x = 0777\n", "x = `a`\n",
        "if 1 <> 2: pass\n", "x = 1__0\n", "x = 1_\n", "x = 0x\n", "'''unterminated\n", "'unterminated\n",
        "f'{'\n", "f'{}'\n", "f'}'\n", "f'{x!z}'\n", "b'\u{e9}'\n", "'a' b'b'\n", "def f():\nreturn 1\n",
        "if x:\n        a\n    b\n", "if x:\n\ta\n        b\n", "x = [1, 2, 3)\n", ")\n", "x = $\n", "try:\n    pass\n",
        "try:\n    pass\nexcept E, e:\n    pass\n", "with a as b as c: pass\n", "import a.b as\n", "from x import\n",
        "class\n", "for x in : pass\n", "a = *b\n", "*a = b\n", "x = yield = 1\n", "None = 1\n", "f() = 1\n",
        "def f(a, a): pass\n", "nonlocal x\n",
    ]

    @Test func everyFeatureDumpsAsCPythonDoes() throws {
        let oracle = try #require(CPythonOracle.shared)
        let expected = try oracle.dumps(Self.features.map(\.1))
        for ((name, source), cpython) in zip(Self.features, expected) {
            guard let cpython else {
                Issue.record("CPython rejects the '\(name)' example: fix the test")
                continue
            }
            do {
                let ours = try PythonParsing.withModule(Array(source.utf8), version: .v3_11) { ASTDump.dump($0.module, version: .v3_11) }
                #expect(ours == cpython, "\(name)")
            } catch {
                Issue.record("\(name): rejected: \(error)")
            }
        }
    }

    /// Thousands of replacement fields in one f-string, across lines: positions as CPython's
    /// (fields are resolved from the previous one, which keeps a 5 MB f-string linear).
    @Test func longFStringsKeepTheirPositions() throws {
        let oracle = try #require(CPythonOracle.shared)
        let single = "x = f\"" + (0..<2000).map { "{a\($0 % 7)}é" }.joined() + "\"\n"
        let multi = "y = f'''\n" + (0..<600).map { _ in "{b}\n  {c!r:>{w}}\t" }.joined() + "'''\nz = f'{d}' f'{e}'\n"
        let expected = try oracle.dumps([single, multi])
        for (source, cpython) in zip([single, multi], expected) {
            let ours = try PythonParsing.withModule(Array(source.utf8), version: .v3_11) { ASTDump.dump($0.module, version: .v3_11) }
            #expect(ours == cpython)
        }
    }

    @Test func whatCPythonRejectsIsRejected() throws {
        let oracle = try #require(CPythonOracle.shared)
        let verdicts = try oracle.dumps(Self.rejected)
        for (source, cpython) in zip(Self.rejected, verdicts) {
            let ours = try? PythonParsing.parse(Array(source.utf8), version: .v3_11)
            if cpython == nil {
                #expect(ours == nil, "accepted what CPython rejects: \(source.debugDescription)")
            }
        }
    }
}

/// CPython's `ast` as a test oracle: dumps many sources in one `python3` run.
struct CPythonOracle: Sendable {
    let python: String

    static let shared: CPythonOracle? = {
        guard let python = PythonOracle.python(with: ["ast"]) else { return nil }
        guard let result = try? ProcessRunner.run(python, ["-c", "import sys; print(sys.version_info >= (3, 11) and sys.version_info < (3, 12))"], in: "/"),
              result.output.hasPrefix("True") else { return nil }
        return CPythonOracle(python: python)
    }()

    /// `ast.dump(ast.parse(s), include_attributes=True)` of each source, nil where CPython rejects it.
    func dumps(_ sources: [String]) throws -> [String?] {
        let dir = TemporaryDirectory("oracle")
        let input = try dir.write("in.json", String(decoding: try JSONSerialization.data(withJSONObject: sources), as: UTF8.self))
        let script = """
        import ast, json, sys, warnings
        warnings.simplefilter('ignore')
        out = []
        for s in json.load(open(sys.argv[1])):
            try: out.append(ast.dump(ast.parse(s.encode('utf-8', 'surrogatepass')), include_attributes=True))
            except (SyntaxError, ValueError): out.append(None)
        json.dump(out, sys.stdout)
        """
        let result = try ProcessRunner.run(python, ["-c", script, input], in: dir.path)
        let decoded = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [Any] ?? []
        return decoded.map { $0 as? String }
    }
}
