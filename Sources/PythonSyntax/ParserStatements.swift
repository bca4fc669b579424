extension Parser {
    mutating func file() throws(PythonSyntaxError) -> [Stmt] {
        var body: [Stmt] = []
        while !at(.endMarker) {
            if at(.newline) {
                advance()
                continue
            }
            if at(.indent) { throw error("unexpected indent", kind: .indentation) }
            body += try statement()
        }
        return body
    }

    /// One statement line: a compound statement, or simple statements separated by `;`.
    mutating func statement() throws(PythonSyntaxError) -> [Stmt] {
        switch kind {
        case .kwDef: return [try functionDef(decorators: [], asyncStart: nil)]
        case .kwIf: return [try ifStatement()]
        case .kwClass: return [try classDef(decorators: [])]
        case .kwWith: return [try withStatement(asyncStart: nil)]
        case .kwFor: return [try forStatement(asyncStart: nil)]
        case .kwTry: return [try tryStatement()]
        case .kwWhile: return [try whileStatement()]
        case .at: return [try decorated()]
        case .kwAsync:
            let begin = start
            advance()
            switch kind {
            case .kwDef: return [try functionDef(decorators: [], asyncStart: begin)]
            case .kwWith: return [try withStatement(asyncStart: begin)]
            case .kwFor: return [try forStatement(asyncStart: begin)]
            default: throw unexpected(expected: "'def', 'with' or 'for' after 'async'")
            }
        case .name where isName(tok, "match"):
            if let match = try matchStatement() { return [match] }
            return try simpleStatements()
        default:
            return try simpleStatements()
        }
    }

    mutating func simpleStatements() throws(PythonSyntaxError) -> [Stmt] {
        var statements = [try simpleStatement()]
        while accept(.semi) {
            if at(.newline) || at(.endMarker) { break }
            statements.append(try simpleStatement())
        }
        if !accept(.newline) && !at(.endMarker) {
            throw unexpected()
        }
        return statements
    }

    /// The indented block after a `:`, or simple statements on the same line.
    mutating func block(after construct: String, line: Int) throws(PythonSyntaxError) -> [Stmt] {
        guard accept(.newline) else { return try simpleStatements() }
        guard accept(.indent) else {
            throw error("expected an indented block after \(construct) on line \(line)", kind: .indentation)
        }
        var body: [Stmt] = []
        while !at(.dedent) && !at(.endMarker) {
            if at(.newline) {
                advance()
                continue
            }
            if at(.indent) { throw error("unexpected indent", kind: .indentation) }
            body += try statement()
        }
        _ = accept(.dedent)
        return body
    }

    /// Where a compound statement ends: its last token that is not a NEWLINE, INDENT or DEDENT
    /// (a trailing `;` counts), as CPython computes it.
    func endOf(_ body: [Stmt]) -> SourcePosition {
        var k = i - 1
        while k > 0 {
            switch tokens[k].kind {
            case .newline, .indent, .dedent, .endMarker: k -= 1
            default: return tokens[k].endPosition
            }
        }
        return body.last?.span.end ?? lastEnd
    }

    // MARK: Simple statements

    mutating func simpleStatement() throws(PythonSyntaxError) -> Stmt {
        let begin = start
        let line = tok.startPosition.line
        switch kind {
        case .kwPass:
            advance()
            return Stmt(.pass, span(from: begin))
        case .kwBreak:
            advance()
            return Stmt(.break, span(from: begin))
        case .kwContinue:
            advance()
            return Stmt(.continue, span(from: begin))
        case .kwReturn:
            advance()
            let value = startsExpression() || at(.star) ? try starExpressions() : nil
            return Stmt(.return(value: value), span(from: begin))
        case .kwRaise:
            advance()
            var exc: Expr?, cause: Expr?
            if startsExpression() {
                exc = try expression()
                if at(.comma) { throw error("invalid syntax: Python 2 'raise E, V'", kind: .python2) }
                if accept(.kwFrom) { cause = try expression() }
            }
            return Stmt(.raise(exc: exc, cause: cause), span(from: begin))
        case .kwGlobal, .kwNonlocal:
            let isGlobal = kind == .kwGlobal
            advance()
            var names = [try name().0]
            while accept(.comma) { names.append(try name().0) }
            return Stmt(isGlobal ? .global(names: names) : .nonlocal(names: names), span(from: begin))
        case .kwDel:
            advance()
            var targets: [Expr] = []
            repeat {
                if at(.newline) || at(.semi) || at(.endMarker) { break }
                let target = try bitwiseOr()
                try setContext(target, .del)
                targets.append(target)
            } while accept(.comma)
            guard !targets.isEmpty else { throw unexpected(expected: "a target") }
            return Stmt(.delete(targets: targets), span(from: begin))
        case .kwAssert:
            advance()
            let test = try expression()
            let msg = accept(.comma) ? try expression() : nil
            return Stmt(.assert(test: test, msg: msg), span(from: begin))
        case .kwImport:
            return try importStatement()
        case .kwFrom:
            return try importFrom()
        case .name where isName(tok, "type") && peekKind() == .name && (peekKind(2) == .equal || peekKind(2) == .lsqb):
            return try typeAlias()
        case .name where (isName(tok, "print") || isName(tok, "exec")) && Parser.startsLegacyStatementArgument(peekKind()):
            throw error("Missing parentheses in call to '\(text(tok))'. Did you mean \(text(tok))(...)?", kind: .python2)
        default:
            break
        }
        _ = line
        let first = at(.kwYield) ? try yieldExpression() : try starExpressions()
        switch kind {
        case .colon:
            return try annotatedAssignment(first, begin: begin)
        case .equal:
            var targets = [first]
            var value = first
            while accept(.equal) {
                value = at(.kwYield) ? try yieldExpression() : try starExpressions()
                if at(.equal) { targets.append(value) }
            }
            for target in targets {
                if case .starred = target.kind { throw error("starred assignment target must be in a list or tuple", at: target.span.start) }
                if case .yield = target.kind { throw error("assignment to yield expression not possible", at: target.span.start) }
                try setContext(target, .store)
            }
            return Stmt(.assign(targets: targets, value: value), span(from: begin))
        default:
            if let op = Parser.augmentedOperator(kind) {
                switch first.kind {
                case .name, .attribute, .subscript: break
                default: throw error("'\(Parser.describe(first))' is an illegal expression for augmented assignment", at: first.span.start)
                }
                try setContext(first, .store)
                advance()
                let value = at(.kwYield) ? try yieldExpression() : try starExpressions()
                return Stmt(.augAssign(target: first, op: op, value: value), span(from: begin))
            }
            if case .starred = first.kind { throw error("can't use starred expression here", at: first.span.start) }
            return Stmt(.expr(value: first), span(from: begin))
        }
    }

    static func startsLegacyStatementArgument(_ kind: TokenKind) -> Bool {
        kind == .string || kind == .number || kind == .name
    }

    static func augmentedOperator(_ kind: TokenKind) -> Operator? {
        switch kind {
        case .plusEqual: .add
        case .minEqual: .sub
        case .starEqual: .mult
        case .atEqual: .matMult
        case .slashEqual: .div
        case .percentEqual: .mod
        case .amperEqual: .bitAnd
        case .vbarEqual: .bitOr
        case .circumflexEqual: .bitXor
        case .leftShiftEqual: .lShift
        case .rightShiftEqual: .rShift
        case .doubleStarEqual: .pow
        case .doubleSlashEqual: .floorDiv
        default: nil
        }
    }

    mutating func annotatedAssignment(_ target: Expr, begin: SourcePosition) throws(PythonSyntaxError) -> Stmt {
        switch target.kind {
        case .name, .attribute, .subscript: break
        case .tuple: throw error("only single target (not tuple) can be annotated", at: target.span.start)
        case .list: throw error("only single target (not list) can be annotated", at: target.span.start)
        default: throw error("illegal target for annotation", at: target.span.start)
        }
        try setContext(target, .store)
        var simple = false
        if case .name = target.kind, tokens[firstIndex(at: begin)].kind != .lpar { simple = true }
        advance()
        let annotation = try expression()
        var value: Expr?
        if accept(.equal) { value = at(.kwYield) ? try yieldExpression() : try starExpressions() }
        return Stmt(.annAssign(target: target, annotation: annotation, value: value, simple: simple), span(from: begin))
    }

    /// The index of the token that starts at `position` (searching back from here).
    func firstIndex(at position: SourcePosition) -> Int {
        var k = i
        while k > 0 && tokens[k].startPosition > position { k -= 1 }
        return k
    }

    mutating func dottedName() throws(PythonSyntaxError) -> String {
        var parts = [try name("module name").0]
        while at(.dot) && peekKind() == .name {
            advance()
            parts.append(try name().0)
        }
        return parts.joined(separator: ".")
    }

    mutating func importStatement() throws(PythonSyntaxError) -> Stmt {
        let begin = start
        advance()
        var names: [Alias] = []
        repeat {
            let aliasStart = start
            let dotted = try dottedName()
            var asname: String?
            if accept(.kwAs) { asname = try name().0 }
            names.append(Alias(name: dotted, asname: asname, span: span(from: aliasStart)))
        } while accept(.comma)
        return Stmt(.import(names: names), span(from: begin))
    }

    mutating func importFrom() throws(PythonSyntaxError) -> Stmt {
        let begin = start
        advance()
        var level = 0
        while at(.dot) || at(.ellipsis) {
            level += at(.dot) ? 1 : 3
            advance()
        }
        var module: String?
        if !at(.kwImport) { module = try dottedName() }
        guard level > 0 || module != nil else { throw unexpected(expected: "a module name") }
        _ = try expect(.kwImport, "'import'")
        var names: [Alias] = []
        if at(.star) {
            let t = advance()
            names.append(Alias(name: "*", asname: nil, span: Span(t.startPosition, t.endPosition)))
            return Stmt(.importFrom(module: module, names: names, level: level), span(from: begin))
        }
        let parenthesized = accept(.lpar)
        repeat {
            if parenthesized && at(.rpar) && !names.isEmpty { break }
            let aliasStart = start
            let (imported, _) = try name("a name to import")
            var asname: String?
            if accept(.kwAs) { asname = try name().0 }
            names.append(Alias(name: imported, asname: asname, span: span(from: aliasStart)))
        } while accept(.comma)
        if parenthesized {
            _ = try expect(.rpar, "')'")
        } else if names.isEmpty {
            throw unexpected()
        }
        if !parenthesized, case .comma = tokens[i - 1].kind {
            throw error("trailing comma not allowed without surrounding parentheses", at: tokens[i - 1].startPosition)
        }
        return Stmt(.importFrom(module: module, names: names, level: level), span(from: begin))
    }

    mutating func typeAlias() throws(PythonSyntaxError) -> Stmt {
        let begin = start
        guard version >= .v3_12 else { throw error("type aliases need Python 3.12") }
        advance()
        let (id, t) = try name()
        let nameExpr = Expr(.name(id: id, ctx: .store), Span(t.startPosition, t.endPosition))
        let params = at(.lsqb) ? try typeParams() : []
        _ = try expect(.equal, "'='")
        let value = try expression()
        return Stmt(.typeAlias(name: nameExpr, typeParams: params, value: value), span(from: begin))
    }

    // MARK: Compound statements

    mutating func decorated() throws(PythonSyntaxError) -> Stmt {
        var decorators: [Expr] = []
        while accept(.at) {
            decorators.append(try namedExpression())
            _ = try expect(.newline, "a new line after the decorator")
        }
        switch kind {
        case .kwDef: return try functionDef(decorators: decorators, asyncStart: nil)
        case .kwClass: return try classDef(decorators: decorators)
        case .kwAsync:
            let begin = start
            advance()
            guard at(.kwDef) else { throw unexpected(expected: "'def'") }
            return try functionDef(decorators: decorators, asyncStart: begin)
        default: throw unexpected(expected: "'def' or 'class' after decorators")
        }
    }

    mutating func functionDef(decorators: [Expr], asyncStart: SourcePosition?) throws(PythonSyntaxError) -> Stmt {
        let begin = asyncStart ?? start
        let line = tok.startPosition.line
        advance()
        let (fname, _) = try name("function name")
        let params = at(.lsqb) ? try typeParams() : []
        _ = try expect(.lpar, "'('")
        let args = try parameters(closing: .rpar, allowAnnotations: true)
        _ = try expect(.rpar, "')'")
        var returns: Expr?
        if accept(.rarrow) { returns = try expression() }
        _ = try expect(.colon, "':'")
        let body = try block(after: "function definition", line: line)
        let def = Stmt.FunctionDef(name: fname, args: args, body: body, decorators: decorators, returns: returns, typeParams: params, isAsync: asyncStart != nil)
        return Stmt(.functionDef(def), Span(begin, endOf(body)))
    }

    mutating func classDef(decorators: [Expr]) throws(PythonSyntaxError) -> Stmt {
        let begin = start
        let line = tok.startPosition.line
        advance()
        let (cname, _) = try name("class name")
        let params = at(.lsqb) ? try typeParams() : []
        var bases: [Expr] = []
        var keywords: [Keyword] = []
        if at(.lpar) {
            let open = start
            advance()
            (bases, keywords) = try callArguments(openParen: open)
            _ = try expect(.rpar, "')'")
        }
        _ = try expect(.colon, "':'")
        let body = try block(after: "class definition", line: line)
        return Stmt(.classDef(name: cname, bases: bases, keywords: keywords, body: body, decorators: decorators, typeParams: params), Span(begin, endOf(body)))
    }

    /// `if … elif … else …`: the `elif` clauses are read in a loop (long chains are common in
    /// generated code) and nested into `orelse` afterwards, as CPython's tree has them.
    mutating func ifStatement() throws(PythonSyntaxError) -> Stmt {
        var clauses: [(begin: SourcePosition, test: Expr, body: [Stmt])] = []
        var construct = "'if' statement"
        repeat {
            let begin = start
            let line = tok.startPosition.line
            advance()
            let test = try namedExpression()
            _ = try expect(.colon, "':'")
            let body = try block(after: construct, line: line)
            clauses.append((begin, test, body))
            construct = "'elif' statement"
        } while at(.kwElif)
        try checkChain(clauses.count)
        var orelse: [Stmt] = []
        if at(.kwElse) {
            let elseLine = tok.startPosition.line
            advance()
            _ = try expect(.colon, "':'")
            orelse = try block(after: "'else' statement", line: elseLine)
        }
        let end = endOf(orelse.isEmpty ? clauses[clauses.count - 1].body : orelse)
        for clause in clauses.reversed() {
            let statement = Stmt(.if(test: clause.test, body: clause.body, orelse: orelse), Span(clause.begin, end))
            orelse = [statement]
        }
        return orelse[0]
    }

    mutating func whileStatement() throws(PythonSyntaxError) -> Stmt {
        let begin = start
        let line = tok.startPosition.line
        advance()
        let test = try namedExpression()
        _ = try expect(.colon, "':'")
        let body = try block(after: "'while' statement", line: line)
        let orelse = try elseBlock()
        return Stmt(.while(test: test, body: body, orelse: orelse), Span(begin, endOf(orelse.isEmpty ? body : orelse)))
    }

    mutating func elseBlock() throws(PythonSyntaxError) -> [Stmt] {
        guard at(.kwElse) else { return [] }
        let line = tok.startPosition.line
        advance()
        _ = try expect(.colon, "':'")
        return try block(after: "'else' statement", line: line)
    }

    mutating func forStatement(asyncStart: SourcePosition?) throws(PythonSyntaxError) -> Stmt {
        let begin = asyncStart ?? start
        let line = tok.startPosition.line
        advance()
        let target = try targetList(until: .kwIn)
        _ = try expect(.kwIn, "'in'")
        let iter = try starExpressions()
        _ = try expect(.colon, "':'")
        let body = try block(after: "'for' statement", line: line)
        let orelse = try elseBlock()
        return Stmt(.for(target: target, iter: iter, body: body, orelse: orelse, isAsync: asyncStart != nil), Span(begin, endOf(orelse.isEmpty ? body : orelse)))
    }

    mutating func withStatement(asyncStart: SourcePosition?) throws(PythonSyntaxError) -> Stmt {
        let begin = asyncStart ?? start
        let line = tok.startPosition.line
        advance()
        var items: [WithItem]
        if at(.lpar), let parenthesized = try? parenthesizedWithItems() {
            items = parenthesized
        } else {
            items = []
            repeat { items.append(try withItem()) } while accept(.comma)
        }
        _ = try expect(.colon, "':'")
        let body = try block(after: "'with' statement", line: line)
        return Stmt(.with(items: items, body: body, isAsync: asyncStart != nil), Span(begin, endOf(body)))
    }

    /// `with (a as b, c):` — tried first, as CPython does; on failure the caller reads `(…)` as an expression.
    mutating func parenthesizedWithItems() throws(PythonSyntaxError) -> [WithItem] {
        let saved = i
        let savedDepth = depth
        do throws(PythonSyntaxError) {
            advance()
            var items: [WithItem] = []
            repeat {
                if at(.rpar) && !items.isEmpty { break }
                items.append(try withItem())
            } while accept(.comma)
            _ = try expect(.rpar, "')'")
            guard at(.colon) else { throw unexpected() }
            return items
        } catch let failure {
            i = saved
            depth = savedDepth
            throw failure
        }
    }

    mutating func withItem() throws(PythonSyntaxError) -> WithItem {
        let context = try expression()
        var vars: Expr?
        if accept(.kwAs) {
            let target = at(.star) ? try starExpression() : try bitwiseOr()
            guard at(.comma) || at(.rpar) || at(.colon) else { throw unexpected() }
            try setContext(target, .store)
            vars = target
        }
        return WithItem(contextExpr: context, optionalVars: vars)
    }

    mutating func tryStatement() throws(PythonSyntaxError) -> Stmt {
        let begin = start
        let line = tok.startPosition.line
        advance()
        _ = try expect(.colon, "':'")
        let body = try block(after: "'try' statement", line: line)
        var handlers: [ExceptHandler] = []
        var isStar: Bool?
        while at(.kwExcept) {
            let handlerStart = start
            let handlerLine = tok.startPosition.line
            advance()
            let star = accept(.star)
            if let isStar, isStar != star {
                throw error("cannot have both 'except' and 'except*' on the same 'try'", at: handlerStart)
            }
            isStar = star
            if star && version < .v3_11 { throw error("except* needs Python 3.11") }
            var type: Expr?
            var name: String?
            if !at(.colon) {
                let typeStart = start
                let first = try expression()
                if at(.comma) {
                    guard version >= .v3_14 else {
                        throw error("multiple exception types must be parenthesized", at: typeStart)
                    }
                    var elts = [first]
                    while accept(.comma) { elts.append(try expression()) }
                    type = Expr(.tuple(elts: elts, ctx: .load), span(from: typeStart))
                    if at(.kwAs) { throw error("multiple exception types must be parenthesized when using 'as'", at: typeStart) }
                } else {
                    type = first
                }
                if accept(.kwAs) { name = try self.name().0 }
            } else if star {
                throw error("expected one or more exception types")
            }
            _ = try expect(.colon, "':'")
            let handlerBody = try block(after: star ? "'except*' statement" : "'except' statement", line: handlerLine)
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody, span: Span(handlerStart, endOf(handlerBody))))
        }
        let orelse = try elseBlock()
        var finalbody: [Stmt] = []
        if at(.kwFinally) {
            let finallyLine = tok.startPosition.line
            advance()
            _ = try expect(.colon, "':'")
            finalbody = try block(after: "'finally' statement", line: finallyLine)
        }
        if handlers.isEmpty && finalbody.isEmpty { throw error("expected 'except' or 'finally' block") }
        if !orelse.isEmpty && handlers.isEmpty { throw error("invalid syntax: 'else' without 'except'") }
        let last = !finalbody.isEmpty ? finalbody : !orelse.isEmpty ? orelse : handlers.last.map { $0.body } ?? body
        return Stmt(.try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody, isStar: isStar ?? false), Span(begin, endOf(last)))
    }

    // MARK: Parameters

    /// Function or lambda parameters up to (not including) `closing`.
    mutating func parameters(closing: TokenKind, allowAnnotations: Bool) throws(PythonSyntaxError) -> Arguments {
        var arguments = Arguments()
        var sawSlash = false, sawStar = false, sawDefault = false
        var bareStarAt: SourcePosition?
        while !at(closing) {
            if at(.slash) {
                if sawSlash { throw error("/ may appear only once") }
                if sawStar { throw error("/ must be ahead of *") }
                if arguments.args.isEmpty { throw error("at least one argument must precede /") }
                advance()
                sawSlash = true
                arguments.posonlyargs = arguments.args
                arguments.args = []
                if lenientArguments { arguments.patternDefaults = [] }
            } else if at(.star) {
                if sawStar { throw error("* argument may appear only once") }
                let starPosition = start
                advance()
                sawStar = true
                if at(.comma) || at(closing) {
                    bareStarAt = starPosition
                } else {
                    arguments.vararg = try parameter(allowAnnotations: allowAnnotations, starred: true)
                }
            } else if at(.doubleStar) {
                advance()
                arguments.kwarg = try parameter(allowAnnotations: allowAnnotations, starred: false)
                _ = accept(.comma)
                guard at(closing) else { throw error("arguments cannot follow var-keyword argument") }
                break
            } else {
                let param = try parameter(allowAnnotations: allowAnnotations, starred: false)
                var defaultValue: Expr?
                if accept(.equal) { defaultValue = try expression() }
                if sawStar {
                    bareStarAt = nil
                    arguments.kwonlyargs.append(param)
                    arguments.kwDefaults.append(defaultValue)
                } else {
                    arguments.args.append(param)
                    if lenientArguments { arguments.patternDefaults = (arguments.patternDefaults ?? []) + [defaultValue] }
                    if let defaultValue {
                        arguments.defaults.append(defaultValue)
                        sawDefault = true
                    } else if sawDefault && !lenientArguments {
                        throw error("non-default argument follows default argument", at: param.span.start)
                    }
                }
            }
            guard accept(.comma) else { break }
        }
        if let bareStarAt { throw error("named arguments must follow bare *", at: bareStarAt) }
        return arguments
    }

    mutating func parameter(allowAnnotations: Bool, starred: Bool) throws(PythonSyntaxError) -> Arg {
        let begin = start
        let (arg, _) = try name("parameter name")
        var annotation: Expr?
        if allowAnnotations && accept(.colon) {
            annotation = starred && at(.star) ? try starExpression() : try expression()
        }
        return Arg(arg: arg, annotation: annotation, span: span(from: begin))
    }

    // MARK: Type parameters (3.12)

    mutating func typeParams() throws(PythonSyntaxError) -> [TypeParam] {
        guard version >= .v3_12 else { throw error("type parameter lists need Python 3.12") }
        advance()
        var params: [TypeParam] = []
        repeat {
            if at(.rsqb) && !params.isEmpty { break }
            let begin = start
            var kind: TypeParam.Kind
            if accept(.star) {
                kind = .typeVarTuple
            } else if accept(.doubleStar) {
                kind = .paramSpec
            } else {
                kind = .typeVar(bound: nil)
            }
            let (pname, _) = try name("type parameter name")
            if case .typeVar = kind, accept(.colon) { kind = .typeVar(bound: try expression()) }
            var defaultValue: Expr?
            if accept(.equal) {
                guard version >= .v3_13 else { throw error("type parameter defaults need Python 3.13") }
                if case .typeVarTuple = kind, at(.star) { defaultValue = try starExpression() } else { defaultValue = try expression() }
            }
            params.append(TypeParam(kind: kind, name: pname, defaultValue: defaultValue, span: span(from: begin)))
        } while accept(.comma)
        _ = try expect(.rsqb, "']'")
        return params
    }
}
