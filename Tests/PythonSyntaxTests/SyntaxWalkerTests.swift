import PythonSyntax
import Testing

@Suite struct SyntaxWalkerTests {
    func calls(_ source: String) throws -> [(name: String?, line: Int, context: WalkContext, call: Expr)] {
        let parsed = try PythonParsing.parse(Array(source.utf8))
        var found: [(String?, Int, WalkContext, Expr)] = []
        SyntaxWalker.walk(parsed.module) { node, context in
            if case .expression(let e) = node, let callee = e.callee {
                found.append((context.imports.qualifiedName(of: callee), e.span.start.line, context, e))
            }
        }
        return found
    }

    @Test func resolvesCallsThroughImportAliases() throws {
        let found = try calls("""
        import subprocess as sp
        import os.path
        from os import system as run
        from . import helpers
        from ..pkg import tool as t
        sp.Popen(cmd, shell=True)
        os.path.join(a, b)
        run('ls')
        helpers.go()
        t()
        print(x)
        obj.method()
        """)
        #expect(found.map(\.name) == ["subprocess.Popen", "os.path.join", "os.system", ".helpers.go", "..pkg.tool", "print", "obj.method"])
        #expect(found.map(\.line) == [6, 7, 8, 9, 10, 11, 12])
    }

    @Test func aCallBeforeTheImportIsNotResolved() throws {
        let found = try calls("sp.Popen(x)\nimport subprocess as sp\nsp.Popen(y)\n")
        #expect(found.map(\.name) == ["sp.Popen", "subprocess.Popen"])
    }

    @Test func readsConstantAndKeywordArguments() throws {
        let found = try calls("subprocess.Popen('ls -l', shell=True, cwd=None, timeout=0)\nf(shell=x)\n")
        let popen = found[0].call
        #expect(popen.callArguments.first?.stringValue == "ls -l")
        #expect(popen.keyword("shell")?.truthiness == true)
        #expect(popen.keyword("cwd")?.truthiness == false)
        #expect(popen.keyword("timeout")?.truthiness == false)
        #expect(popen.keyword("missing") == nil)
        #expect(found[1].call.keyword("shell")?.truthiness == nil, "a name is not a constant")
    }

    @Test func parentsAndScopes() throws {
        let found = try calls("""
        class Service:
            def handle(self):
                if ready:
                    eval(data)
        eval(top)
        """)
        #expect(found[0].context.scope == ["Service", "handle"])
        #expect(found[0].context.enclosingFunction?.name == "handle")
        guard case .statement(let parent)? = found[0].context.parent, case .expr = parent.kind else {
            Issue.record("the parent of a call statement is its Expr statement")
            return
        }
        #expect(found[0].context.parents.count == 4, "class, def, if, expression statement")
        #expect(found[1].context.scope.isEmpty)
        #expect(found[1].context.enclosingFunction == nil)
    }

    @Test func visitsEveryNodeInSourceOrder() throws {
        let parsed = try PythonParsing.parse(Array("def f(a=1):\n    return [x for x in a if x]\n".utf8))
        let names = SyntaxWalker.allNodes(parsed.module).compactMap { node -> String? in
            if case .expression(let e) = node, case .name(let id, _) = e.kind { return id }
            return nil
        }
        #expect(names == ["x", "x", "a", "x"])
    }

    @Test func commentsKeepTheirPositions() throws {
        let parsed = try PythonParsing.parse(Array("x = 1  # nosec B105\n# rampart: ignore[x] y\n".utf8))
        #expect(parsed.comments.map(\.text) == ["# nosec B105", "# rampart: ignore[x] y"])
        #expect(parsed.comments.map(\.position) == [SourcePosition(line: 1, column: 7), SourcePosition(line: 2, column: 0)])
    }

    @Test func pythonTwoGetsItsOwnDiagnostic() {
        for source in ["print 'hello'\n", "exec 'code'\n", "x = 0777\n", "x = `a`\n", "if a <> b: pass\n", "raise E, 'msg'\n"] {
            do {
                _ = try PythonParsing.parse(Array(source.utf8))
                Issue.record("accepted \(source)")
            } catch {
                #expect(error.kind == .python2, "\(source): \(error)")
            }
        }
    }

    @Test func syntaxErrorsSayWhere() {
        do {
            _ = try PythonParsing.parse(Array("x = 1\ny = (2,\nz = 3\n".utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.position.line >= 2)
            #expect(error.description.contains(":"))
        }
    }
}
