import Foundation
import PythonSyntax
@testable import RampartCustomRules
import Testing

/// Taint across the files of a project (rules with `interfile`): calls through imports reach
/// the summaries of the functions and methods of other files.
struct TaintCrossFileTests {
    static let rules = rule("t", """
    mode: taint
    options:
      interfile: true
    pattern-sources:
      - pattern: source(...)
    pattern-sinks:
      - pattern: sink($ARG)
    pattern-sanitizers:
      - pattern: clean(...)
    """, message: "flow into $ARG")

    /// Every file of an in-memory project scanned with the project: each match as
    /// `scanned-file -> finding-file:line`.
    static func scan(_ files: [String: String], yaml: String = rules) -> (findings: [String], matches: [String: [RuleMatch]]) {
        let set = RuleSet()
        set.add(yaml: yaml, file: "rules.yaml")
        set.finish()
        #expect(set.errors.isEmpty)
        let project = TaintProject(paths: Array(files.keys)) { path in files[path].map { Array($0.utf8) } }
        var found: [String] = []
        var all: [String: [RuleMatch]] = [:]
        for path in files.keys.sorted() {
            // A file that does not parse is its own scan's diagnostic; the others go on.
            guard let result = try? PythonParsing.withModule(Array((files[path] ?? "").utf8), { parsed in
                set.scan(TargetFile(path: path, source: parsed.source, module: parsed.module), project: project)
            }) else { continue }
            #expect(result.incomplete.isEmpty)
            all[path] = result.matches
            for m in result.matches { found.append("\(path) -> \(m.path ?? path):\(m.range.start.line)") }
        }
        return (found, all)
    }

    @Test func aSinkInAHelperFileIsReachedFromTheCallersSource() throws {
        let (found, matches) = Self.scan([
            "app/views.py": """
            from app.db import run_query

            def view():
                q = source()
                run_query("x", q)
                run_query(q, "x")
            """,
            "app/db.py": """
            def run_query(label, q):
                sink(q)
            """,
        ])
        #expect(found == ["app/views.py -> app/db.py:2"])
        let match = try #require(matches["app/views.py"]?.first)
        // The trace: the source and the call in the caller's file, the sink in the helper's.
        #expect(match.trace.map { "\($0.path ?? "-"):\($0.range.start.line)" } == ["-:4", "-:4", "-:5", "app/db.py:2"])
        // The message is filled in from the sink's own file.
        #expect(match.message == "flow into q")
    }

    @Test func aHelperThatReturnsItsArgumentCarriesTaintAndOneThatDoesNotCleansIt() throws {
        let (found, _) = Self.scan([
            "site/views.py": """
            import helpers
            import helpers as h

            def view():
                sink(helpers.passthrough(source()))
                sink(h.constant(source()))
                sink(helpers.cleaned(source()))
            """,
            "site/helpers.py": """
            def passthrough(value):
                return value.strip()

            def constant(value):
                return "safe"

            def cleaned(value):
                return clean(value)
            """,
            // Another file of the same name elsewhere: the importer's own folder wins.
            "other/helpers.py": """
            def constant(value):
                return value
            """,
        ])
        #expect(found == ["site/views.py -> site/views.py:5"])
    }

    @Test func aSourceInAHelperFileFlowsBackToTheCaller() throws {
        let (found, matches) = Self.scan([
            "util.py": """
            def get_param(name):
                return source(name)
            """,
            "views.py": """
            from util import get_param

            def view():
                value = get_param("q")
                sink(value)
            """,
        ])
        #expect(found == ["views.py -> views.py:5"])
        let match = try #require(matches["views.py"]?.first)
        #expect(match.trace.first?.path == "util.py")
        #expect(match.trace.first?.range.start.line == 2)
    }

    @Test func relativeImportsAndAPackageReexportingAFunctionAreFollowed() throws {
        let (found, _) = Self.scan([
            "pkg/__init__.py": "from .impl import run\n",
            "pkg/impl.py": "def run(cmd):\n    sink(cmd)\n",
            "pkg/sub/mod.py": "from .. import impl\n\ndef f():\n    impl.run(source())\n",
            "main.py": "from pkg import run\n\ndef g():\n    run(source())\n",
        ])
        // Both callers reach the same sink; each file's scan reports it (the scanner keeps one).
        #expect(found == ["main.py -> pkg/impl.py:2", "pkg/sub/mod.py -> pkg/impl.py:2"])
    }

    @Test func methodsOfAProjectClassAreFollowedOnItsInstances() throws {
        let (found, _) = Self.scan([
            "models.py": """
            class Repo:
                def find(self, query):
                    sink(query)

                def label(self, query):
                    return "constant"

                @staticmethod
                def build(query):
                    sink(query)
            """,
            "views.py": """
            from models import Repo

            repo = Repo()

            def view():
                local = Repo()
                local.find(source())
                sink(repo.label(source()))
                repo.build(source())
            """,
        ])
        #expect(found == ["views.py -> models.py:3", "views.py -> models.py:10"])
    }

    @Test func recursionAcrossFilesEndsAndItsFlowsAreStillFound() throws {
        let (found, _) = Self.scan([
            "a.py": """
            import b

            def f(x, n):
                if n:
                    return b.g(x, n - 1)
                sink(x)
                return x

            def entry():
                f(source(), 3)
            """,
            "b.py": """
            import a

            def g(y, n):
                return a.f(y, n)
            """,
        ])
        #expect(found == ["a.py -> a.py:6"])
    }

    @Test func aLongChainOfFilesIsBoundedAndStillPropagatesReturns() throws {
        // Eight files each calling the next: past the depth bound a call is any call (its
        // result carries its arguments' taint), so the return still reaches the sink.
        var files: [String: String] = [:]
        for i in 0..<8 {
            files["m\(i).py"] = i == 7 ? "def f(x):\n    return x\n" : "import m\(i + 1)\n\ndef f(x):\n    return m\(i + 1).f(x)\n"
        }
        files["main.py"] = "import m0\n\ndef view():\n    sink(m0.f(source()))\n"
        let (found, _) = Self.scan(files)
        #expect(found == ["main.py -> main.py:4"])
    }

    @Test func aHelperFileBeyondTheBudgetLeavesTheCallersRuleIncomplete() throws {
        // Fail closed: the callee's summary ran out of steps, so the caller's file is not fully
        // checked, and says so (the scanner turns it into a `rule-budget` error, exit 3).
        let body = (0..<3_000).map { "    x = x + \($0)\n" }.joined()
        let files = ["helpers.py": "def run(x):\n" + body + "    sink(x)\n", "views.py": "import helpers\n\ndef view():\n    helpers.run(source())\n"]
        let set = RuleSet()
        set.add(yaml: Self.rules, file: "rules.yaml")
        set.finish()
        let project = TaintProject(paths: Array(files.keys)) { path in files[path].map { Array($0.utf8) } }
        let result = try PythonParsing.withModule(Array((files["views.py"] ?? "").utf8)) { parsed in
            set.scan(TargetFile(path: "views.py", source: parsed.source, module: parsed.module), stepsPerPattern: 2_000, project: project)
        }
        #expect(result.incomplete.contains { $0.reason.contains("taint analysis stopped") })
    }

    @Test func aCycleOfManyFilesIsBoundedByTheFileDepth() throws {
        // 300 files in an import cycle, each with a sink: calls are followed two files past the
        // scanned one (levels 1 and 2), then a call is any call.
        var files: [String: String] = [:]
        let count = 300
        for i in 0..<count {
            files["m\(i).py"] = "import m\((i + 1) % count)\n\ndef f(x):\n    sink(x)\n    return m\((i + 1) % count).f(x)\n"
        }
        files["main.py"] = "import m0\n\ndef view():\n    m0.f(source())\n"
        let (found, _) = Self.scan(files)
        #expect(found == ["main.py -> m0.py:4", "main.py -> m1.py:4"])
    }

    @Test(arguments: ["", "options:\n  interprocedural: true\n"])
    func withoutInterfileCallsIntoOtherFilesPropagateAsAnyCall(options: String) throws {
        let plain = rule("t", """
        mode: taint
        \(options)pattern-sources:
          - pattern: source(...)
        pattern-sinks:
          - pattern: sink(...)
        """)
        let (found, _) = Self.scan([
            "views.py": "import helpers\n\ndef local(v):\n    return 'safe'\n\ndef view():\n    sink(helpers.constant(source()))\n    helpers.run(source())\n    sink(local(source()))\n",
            "helpers.py": "def constant(v):\n    return 'safe'\n\ndef run(v):\n    sink(v)\n",
        ], yaml: plain)
        // `interprocedural` follows the file's own functions only.
        #expect(found == (options.isEmpty ? ["views.py -> views.py:7", "views.py -> views.py:9"] : ["views.py -> views.py:7"]))
    }

    @Test func aParameterNamedLikeAModuleIsNotTheModule() throws {
        let (found, _) = Self.scan([
            "views.py": "import helpers\n\ndef view(helpers):\n    sink(helpers.constant(source()))\n",
            "helpers.py": "def constant(v):\n    return 'safe'\n",
        ])
        #expect(found == ["views.py -> views.py:4"])
    }

    @Test func anUnreadableOrBrokenHelperLeavesTheCallAsAnyCall() throws {
        let (found, _) = Self.scan([
            "views.py": "import broken\n\ndef view():\n    sink(broken.constant(source()))\n",
            "broken.py": "def constant(v:\n    return 'safe'\n",
        ])
        #expect(found == ["views.py -> views.py:4"])
    }
}
