extension Parser {
    func span(from start: SourcePosition) -> Span { Span(start, lastEnd) }

    // MARK: Expression lists

    /// `star_expressions`: one expression, or a tuple without brackets (`a, *b`).
    mutating func starExpressions() throws(PythonSyntaxError) -> Expr {
        let begin = start
        let first = try starExpression()
        guard at(.comma) else { return first }
        var elts = [first]
        while accept(.comma) {
            guard startsExpression() || at(.star) else { break }
            elts.append(try starExpression())
        }
        return Expr(.tuple(elts: elts, ctx: .load), span(from: begin))
    }

    mutating func starExpression() throws(PythonSyntaxError) -> Expr {
        if at(.star) {
            let begin = start
            advance()
            let value = try bitwiseOr()
            return Expr(.starred(value: value, ctx: .load), span(from: begin))
        }
        return try expression()
    }

    /// `star_named_expressions` items inside brackets: `*x`, `name := v`, or an expression.
    mutating func starNamedExpression() throws(PythonSyntaxError) -> Expr {
        if at(.star) {
            let begin = start
            advance()
            let value = try bitwiseOr()
            return Expr(.starred(value: value, ctx: .load), span(from: begin))
        }
        return try namedExpression()
    }

    /// `name := value`, or an expression.
    mutating func namedExpression() throws(PythonSyntaxError) -> Expr {
        if at(.name) && peekKind() == .colonEqual {
            let begin = start
            let (id, t) = try name()
            let target = Expr(.name(id: id, ctx: .store), Span(t.startPosition, t.endPosition))
            advance()
            let value = try expression()
            return Expr(.namedExpr(target: target, value: value), span(from: begin))
        }
        let value = try expression()
        if at(.colonEqual) { throw error("cannot use assignment expressions with \(Parser.describe(value))") }
        return value
    }

    /// Whether the current token can start an expression.
    func startsExpression() -> Bool {
        switch kind {
        case .name, .number, .string, .lpar, .lsqb, .lbrace, .minus, .plus, .tilde, .ellipsis,
             .kwNot, .kwLambda, .kwAwait, .kwNone, .kwTrue, .kwFalse:
            return true
        default:
            return false
        }
    }

    // MARK: Precedence levels

    mutating func expression() throws(PythonSyntaxError) -> Expr {
        try enter()
        defer { leave() }
        if at(.kwLambda) { return try lambda() }
        let begin = start
        let body = try disjunction()
        if at(.kwIf) {
            advance()
            let test = try disjunction()
            guard accept(.kwElse) else { throw error("expected 'else' after 'if' expression") }
            let orelse = try expression()
            return Expr(.ifExp(test: test, body: body, orelse: orelse), span(from: begin))
        }
        return body
    }

    /// An expression without a conditional or lambda at the top (comprehension conditions).
    mutating func disjunction() throws(PythonSyntaxError) -> Expr {
        let begin = start
        let first = try conjunction()
        guard at(.kwOr) else { return first }
        var values = [first]
        while accept(.kwOr) { values.append(try conjunction()) }
        return Expr(.boolOp(op: .or, values: values), span(from: begin))
    }

    mutating func conjunction() throws(PythonSyntaxError) -> Expr {
        let begin = start
        let first = try inversion()
        guard at(.kwAnd) else { return first }
        var values = [first]
        while accept(.kwAnd) { values.append(try inversion()) }
        return Expr(.boolOp(op: .and, values: values), span(from: begin))
    }

    mutating func inversion() throws(PythonSyntaxError) -> Expr {
        // `not not x` is read without recursion.
        var starts: [SourcePosition] = []
        while at(.kwNot) {
            starts.append(start)
            advance()
        }
        try checkChain(starts.count)
        var operand = try comparison()
        for begin in starts.reversed() {
            operand = Expr(.unaryOp(op: .not, operand: operand), span(from: begin))
        }
        return operand
    }

    mutating func comparison() throws(PythonSyntaxError) -> Expr {
        let begin = start
        let left = try bitwiseOr()
        var ops: [CmpOperator] = []
        var comparators: [Expr] = []
        while let op = comparisonOperator() {
            ops.append(op)
            comparators.append(try bitwiseOr())
        }
        if ops.isEmpty { return left }
        return Expr(.compare(left: left, ops: ops, comparators: comparators), span(from: begin))
    }

    /// Reads a comparison operator (`not in` and `is not` are two tokens), if one is next.
    mutating func comparisonOperator() -> CmpOperator? {
        let op: CmpOperator
        switch kind {
        case .eqEqual: op = .eq
        case .notEqual: op = .notEq
        case .less: op = .lt
        case .lessEqual: op = .ltE
        case .greater: op = .gt
        case .greaterEqual: op = .gtE
        case .kwIn: op = .in
        case .kwNot where peekKind() == .kwIn:
            advance()
            op = .notIn
        case .kwIs:
            advance()
            return accept(.kwNot) ? .isNot : .is
        default:
            return nil
        }
        advance()
        return op
    }

    static func binaryOperator(_ kind: TokenKind) -> (Operator, Int)? {
        switch kind {
        case .vbar: (.bitOr, 1)
        case .circumflex: (.bitXor, 2)
        case .amper: (.bitAnd, 3)
        case .leftShift: (.lShift, 4)
        case .rightShift: (.rShift, 4)
        case .plus: (.add, 5)
        case .minus: (.sub, 5)
        case .star: (.mult, 6)
        case .slash: (.div, 6)
        case .doubleSlash: (.floorDiv, 6)
        case .percent: (.mod, 6)
        case .at: (.matMult, 6)
        default: nil
        }
    }

    mutating func bitwiseOr() throws(PythonSyntaxError) -> Expr {
        try binary(minLevel: 1)
    }

    /// Binary operators by precedence climbing: left-associative; recursion depth is bounded by
    /// the number of precedence levels, not by the length of a chain.
    mutating func binary(minLevel: Int) throws(PythonSyntaxError) -> Expr {
        // Spans run from the first token to the last, parentheses of operands included, as CPython's.
        let begin = start
        var left = try factor()
        var chain = 0
        while let (op, level) = Parser.binaryOperator(kind), level >= minLevel {
            chain += 1
            if chain & 63 == 0 { try checkChain(chain) }
            advance()
            let right = try binary(minLevel: level + 1)
            left = Expr(.binOp(left: left, op: op, right: right), span(from: begin))
        }
        return left
    }

    /// Unary `+`, `-`, `~`, read without recursion, then `**`.
    mutating func factor() throws(PythonSyntaxError) -> Expr {
        var ops: [(UnaryOperator, SourcePosition)] = []
        while true {
            switch kind {
            case .plus: ops.append((.uAdd, start))
            case .minus: ops.append((.uSub, start))
            case .tilde: ops.append((.invert, start))
            default: break
            }
            if kind != .plus && kind != .minus && kind != .tilde { break }
            advance()
        }
        try checkChain(ops.count)
        var operand = try power()
        for (op, begin) in ops.reversed() {
            operand = Expr(.unaryOp(op: op, operand: operand), span(from: begin))
        }
        return operand
    }

    /// `await primary ** factor` (right-associative).
    mutating func power() throws(PythonSyntaxError) -> Expr {
        let begin = start
        let left = try awaitPrimary()
        if at(.doubleStar) {
            advance()
            try enter()
            defer { leave() }
            let right = try factor()
            return Expr(.binOp(left: left, op: .pow, right: right), span(from: begin))
        }
        return left
    }

    mutating func awaitPrimary() throws(PythonSyntaxError) -> Expr {
        if at(.kwAwait) {
            let begin = start
            advance()
            try enter()
            defer { leave() }
            let value = try awaitPrimary()
            return Expr(.await(value: value), span(from: begin))
        }
        return try primary()
    }

    /// An atom followed by any number of `.name`, `(…)` and `[…]`.
    mutating func primary() throws(PythonSyntaxError) -> Expr {
        let begin = start
        var value = try atom()
        var chain = 0
        while true {
            chain += 1
            if chain & 63 == 0 { try checkChain(chain) }
            switch kind {
            case .dot:
                advance()
                let (attr, _) = try name("attribute name")
                value = Expr(.attribute(value: value, attr: attr, ctx: .load), span(from: begin))
            case .lpar:
                let open = start
                advance()
                let (args, keywords) = try callArguments(openParen: open)
                _ = try expect(.rpar, "')'")
                value = Expr(.call(func: value, args: args, keywords: keywords), span(from: begin))
            case .lsqb:
                advance()
                let slice = try slices()
                _ = try expect(.rsqb, "']'")
                value = Expr(.subscript(value: value, slice: slice, ctx: .load), span(from: begin))
            default:
                return value
            }
        }
    }

    mutating func slices() throws(PythonSyntaxError) -> Expr {
        let begin = start
        let first = try slice()
        guard at(.comma) else {
            // `a[*b]` is a one-element tuple of a starred expression.
            if case .starred = first.kind { return Expr(.tuple(elts: [first], ctx: .load), span(from: begin)) }
            return first
        }
        var elts = [first]
        while accept(.comma) {
            guard !at(.rsqb) else { break }
            elts.append(try slice())
        }
        return Expr(.tuple(elts: elts, ctx: .load), span(from: begin))
    }

    mutating func slice() throws(PythonSyntaxError) -> Expr {
        let begin = start
        if at(.star) { return try starExpression() }
        var lower: Expr?
        if !at(.colon) {
            let value = try namedExpression()
            guard at(.colon) else { return value }
            lower = value
        }
        advance()
        var upper: Expr?
        var step: Expr?
        if !at(.colon) && !at(.comma) && !at(.rsqb) { upper = try expression() }
        if accept(.colon) {
            if !at(.comma) && !at(.rsqb) { step = try expression() }
        }
        return Expr(.slice(lower: lower, upper: upper, step: step), span(from: begin))
    }

    mutating func callArguments(openParen: SourcePosition) throws(PythonSyntaxError) -> ([Expr], [Keyword]) {
        var args: [Expr] = []
        var keywords: [Keyword] = []
        var sawKeyword = false, sawDoubleStar = false
        while !at(.rpar) {
            let begin = start
            if at(.star) {
                advance()
                let value = try expression()
                if sawDoubleStar && !lenientArguments { throw error("iterable argument unpacking follows keyword argument unpacking", at: begin) }
                args.append(Expr(.starred(value: value, ctx: .load), span(from: begin)))
            } else if at(.doubleStar) {
                advance()
                let value = try expression()
                keywords.append(Keyword(arg: nil, value: value, span: span(from: begin)))
                sawDoubleStar = true
            } else if at(.name) && peekKind() == .equal {
                let (arg, _) = try name()
                advance()
                let value = try expression()
                keywords.append(Keyword(arg: arg, value: value, span: span(from: begin)))
                sawKeyword = true
            } else {
                let value = try namedExpression()
                if at(.kwFor) || (at(.kwAsync) && peekKind() == .kwFor) {
                    let generators = try comprehensionClauses()
                    // A lone generator argument takes the call's parentheses as its own.
                    guard args.isEmpty && keywords.isEmpty && at(.rpar) else {
                        throw error("Generator expression must be parenthesized", at: value.span.start)
                    }
                    let genexp = Expr(.generatorExp(elt: value, generators: generators), Span(openParen, tok.endPosition))
                    args.append(genexp)
                    continue
                }
                if at(.equal) { throw error("expression cannot contain assignment, perhaps you meant \"==\"?", at: value.span.start) }
                if sawDoubleStar && !lenientArguments { throw error("positional argument follows keyword argument unpacking", at: begin) }
                if sawKeyword && !lenientArguments { throw error("positional argument follows keyword argument", at: begin) }
                args.append(value)
            }
            guard accept(.comma) else { break }
        }
        return (args, keywords)
    }

    mutating func comprehensionClauses() throws(PythonSyntaxError) -> [Comprehension] {
        var generators: [Comprehension] = []
        while at(.kwFor) || (at(.kwAsync) && peekKind() == .kwFor) {
            let isAsync = accept(.kwAsync)
            advance()
            let target = try targetList(until: .kwIn)
            _ = try expect(.kwIn, "'in'")
            let iter = try disjunction()
            var ifs: [Expr] = []
            while accept(.kwIf) { ifs.append(try disjunction()) }
            generators.append(Comprehension(target: target, iter: iter, ifs: ifs, isAsync: isAsync))
        }
        return generators
    }

    /// `star_targets` for `for … in` and comprehensions: parsed as expressions, then made targets.
    mutating func targetList(until stop: TokenKind) throws(PythonSyntaxError) -> Expr {
        let begin = start
        var elts: [Expr] = []
        var trailingComma = false
        repeat {
            if at(stop) { break }
            let item = at(.star) ? try starTargetItem() : try bitwiseOr()
            elts.append(item)
            trailingComma = false
            if at(.comma) { trailingComma = true }
        } while accept(.comma)
        guard !elts.isEmpty else { throw unexpected(expected: "a target") }
        let target = elts.count == 1 && !trailingComma ? elts[0] : Expr(.tuple(elts: elts, ctx: .load), span(from: begin))
        try setContext(target, .store)
        return target
    }

    private mutating func starTargetItem() throws(PythonSyntaxError) -> Expr {
        let begin = start
        advance()
        let value = try bitwiseOr()
        return Expr(.starred(value: value, ctx: .load), span(from: begin))
    }

    mutating func lambda() throws(PythonSyntaxError) -> Expr {
        let begin = start
        advance()
        let args = try parameters(closing: .colon, allowAnnotations: false)
        _ = try expect(.colon, "':'")
        let body = try expression()
        return Expr(.lambda(args: args, body: body), span(from: begin))
    }

    // MARK: Atoms

    mutating func atom() throws(PythonSyntaxError) -> Expr {
        let t = tok
        let here = Span(t.startPosition, t.endPosition)
        switch t.kind {
        case .name:
            advance()
            return Expr(.name(id: identifier(t), ctx: .load), here)
        case .number:
            advance()
            return Expr(.constant(value: try numberValue(t), kind: nil), here)
        case .string:
            return try strings()
        case .kwNone:
            advance()
            return Expr(.constant(value: .none, kind: nil), here)
        case .kwTrue:
            advance()
            return Expr(.constant(value: .bool(true), kind: nil), here)
        case .kwFalse:
            advance()
            return Expr(.constant(value: .bool(false), kind: nil), here)
        case .ellipsis:
            advance()
            return Expr(.constant(value: .ellipsis, kind: nil), here)
        case .lpar:
            return try parenthesized()
        case .lsqb:
            return try listDisplay()
        case .lbrace:
            return try dictOrSet()
        default:
            throw unexpected()
        }
    }

    mutating func parenthesized() throws(PythonSyntaxError) -> Expr {
        let begin = start
        advance()
        try enter()
        defer { leave() }
        if accept(.rpar) {
            return Expr(.tuple(elts: [], ctx: .load), span(from: begin))
        }
        if at(.kwYield) {
            let value = try yieldExpression()
            _ = try expect(.rpar, "')'")
            return value
        }
        let first = try starNamedExpression()
        if at(.kwFor) || (at(.kwAsync) && peekKind() == .kwFor) {
            if case .starred = first.kind { throw error("iterable unpacking cannot be used in comprehension", at: first.span.start) }
            let generators = try comprehensionClauses()
            _ = try expect(.rpar, "')'")
            return Expr(.generatorExp(elt: first, generators: generators), span(from: begin))
        }
        if accept(.rpar) {
            if case .starred = first.kind { throw error("cannot use starred expression here", at: first.span.start) }
            return first
        }
        guard at(.comma) else { throw unexpected(expected: "')'") }
        var elts = [first]
        while accept(.comma) {
            if at(.rpar) { break }
            elts.append(try starNamedExpression())
        }
        _ = try expect(.rpar, "')'")
        return Expr(.tuple(elts: elts, ctx: .load), span(from: begin))
    }

    mutating func listDisplay() throws(PythonSyntaxError) -> Expr {
        let begin = start
        advance()
        try enter()
        defer { leave() }
        if accept(.rsqb) { return Expr(.list(elts: [], ctx: .load), span(from: begin)) }
        let first = try starNamedExpression()
        if at(.kwFor) || (at(.kwAsync) && peekKind() == .kwFor) {
            if case .starred = first.kind { throw error("iterable unpacking cannot be used in comprehension", at: first.span.start) }
            let generators = try comprehensionClauses()
            _ = try expect(.rsqb, "']'")
            return Expr(.listComp(elt: first, generators: generators), span(from: begin))
        }
        var elts = [first]
        while accept(.comma) {
            if at(.rsqb) { break }
            elts.append(try starNamedExpression())
        }
        _ = try expect(.rsqb, "']'")
        return Expr(.list(elts: elts, ctx: .load), span(from: begin))
    }

    mutating func dictOrSet() throws(PythonSyntaxError) -> Expr {
        let begin = start
        advance()
        try enter()
        defer { leave() }
        if accept(.rbrace) { return Expr(.dict(keys: [], values: []), span(from: begin)) }
        if at(.doubleStar) {
            return try dictRest(begin: begin, firstKey: nil, firstValue: try doubleStarItem())
        }
        let first = try starNamedExpression()
        if accept(.colon) {
            let value = try expression()
            if at(.kwFor) || (at(.kwAsync) && peekKind() == .kwFor) {
                let generators = try comprehensionClauses()
                _ = try expect(.rbrace, "'}'")
                return Expr(.dictComp(key: first, value: value, generators: generators), span(from: begin))
            }
            return try dictRest(begin: begin, firstKey: first, firstValue: value)
        }
        if at(.kwFor) || (at(.kwAsync) && peekKind() == .kwFor) {
            let generators = try comprehensionClauses()
            _ = try expect(.rbrace, "'}'")
            return Expr(.setComp(elt: first, generators: generators), span(from: begin))
        }
        var elts = [first]
        while accept(.comma) {
            if at(.rbrace) { break }
            elts.append(try starNamedExpression())
        }
        _ = try expect(.rbrace, "'}'")
        return Expr(.set(elts: elts), span(from: begin))
    }

    private mutating func doubleStarItem() throws(PythonSyntaxError) -> Expr {
        advance()
        return try bitwiseOr()
    }

    private mutating func dictRest(begin: SourcePosition, firstKey: Expr?, firstValue: Expr) throws(PythonSyntaxError) -> Expr {
        var keys: [Expr?] = [firstKey]
        var values = [firstValue]
        while accept(.comma) {
            if at(.rbrace) { break }
            if at(.doubleStar) {
                keys.append(nil)
                values.append(try doubleStarItem())
            } else {
                keys.append(try expression())
                _ = try expect(.colon, "':'")
                values.append(try expression())
            }
        }
        _ = try expect(.rbrace, "'}'")
        return Expr(.dict(keys: keys, values: values), span(from: begin))
    }

    mutating func yieldExpression() throws(PythonSyntaxError) -> Expr {
        let begin = start
        advance()
        if accept(.kwFrom) {
            let value = try expression()
            return Expr(.yieldFrom(value: value), span(from: begin))
        }
        if startsExpression() || at(.star) {
            let value = try starExpressions()
            return Expr(.yield(value: value), span(from: begin))
        }
        return Expr(.yield(value: nil), span(from: begin))
    }

    // MARK: Targets

    /// Gives an expression parsed as a target the `Store` (or `Del`) context, checking it can be one.
    func setContext(_ expr: Expr, _ ctx: ExprContext) throws(PythonSyntaxError) {
        switch expr.kind {
        case .name(let id, _):
            if id == "__debug__" && ctx == .store { throw error("cannot assign to __debug__", at: expr.span.start) }
            expr.kind = .name(id: id, ctx: ctx)
        case .attribute(let value, let attr, _):
            expr.kind = .attribute(value: value, attr: attr, ctx: ctx)
        case .subscript(let value, let slice, _):
            expr.kind = .subscript(value: value, slice: slice, ctx: ctx)
        case .starred(let value, _):
            if ctx == .del { throw error("cannot delete starred", at: expr.span.start) }
            try setContext(value, ctx)
            expr.kind = .starred(value: value, ctx: ctx)
        case .tuple(let elts, _):
            for elt in elts { try setContext(elt, ctx) }
            expr.kind = .tuple(elts: elts, ctx: ctx)
        case .list(let elts, _):
            for elt in elts { try setContext(elt, ctx) }
            expr.kind = .list(elts: elts, ctx: ctx)
        default:
            let verb = ctx == .del ? "delete" : "assign to"
            throw error("cannot \(verb) \(Parser.describe(expr))", at: expr.span.start)
        }
    }

    /// How CPython names an expression in "cannot assign to …" messages.
    static func describe(_ expr: Expr) -> String {
        switch expr.kind {
        case .call: "function call"
        case .constant(let value, _):
            switch value {
            case .none: "None"
            case .bool(let b): b ? "True" : "False"
            case .ellipsis: "ellipsis"
            default: "literal"
            }
        case .boolOp, .binOp, .unaryOp: "expression"
        case .compare: "comparison"
        case .lambda: "lambda"
        case .ifExp: "conditional expression"
        case .namedExpr: "named expression"
        case .dict: "dict literal"
        case .set: "set display"
        case .listComp: "list comprehension"
        case .setComp: "set comprehension"
        case .dictComp: "dict comprehension"
        case .generatorExp: "generator expression"
        case .await: "await expression"
        case .yield, .yieldFrom: "yield expression"
        case .joinedStr, .formattedValue, .templateStr, .interpolation: "f-string expression"
        case .attribute: "attribute"
        case .subscript: "subscript"
        case .starred: "starred"
        case .name: "name"
        case .list: "list"
        case .tuple: "tuple"
        case .slice: "slice"
        }
    }
}
