extension Parser {
    /// `match subject: case …` — `match` is a soft keyword, so on failure to read a match
    /// statement the caller reads the line as an ordinary statement (`match = 1`, `match(x)`).
    mutating func matchStatement() throws(PythonSyntaxError) -> Stmt? {
        let saved = i
        let savedDepth = depth
        let begin = start
        let line = tok.startPosition.line
        advance()
        guard startsExpression() || at(.star), !at(.kwNot) || true else {
            i = saved
            return nil
        }
        let subject: Expr
        do throws(PythonSyntaxError) {
            subject = try matchSubject()
        } catch {
            i = saved
            depth = savedDepth
            return nil
        }
        guard at(.colon), peekKind() == .newline else {
            i = saved
            depth = savedDepth
            return nil
        }
        advance()
        advance()
        guard accept(.indent) else {
            throw error("expected an indented block after 'match' statement on line \(line)", kind: .indentation)
        }
        var cases: [MatchCase] = []
        while !at(.dedent) && !at(.endMarker) {
            guard isName(tok, "case") else { throw unexpected(expected: "'case'") }
            let caseLine = tok.startPosition.line
            advance()
            let pattern = try patterns()
            var guardExpr: Expr?
            if accept(.kwIf) { guardExpr = try namedExpression() }
            _ = try expect(.colon, "':'")
            let body = try block(after: "'case' statement", line: caseLine)
            cases.append(MatchCase(pattern: pattern, guardExpr: guardExpr, body: body))
        }
        _ = accept(.dedent)
        guard !cases.isEmpty else { throw error("expected 'case'") }
        return Stmt(.match(subject: subject, cases: cases), Span(begin, endOf(cases[cases.count - 1].body)))
    }

    mutating func matchSubject() throws(PythonSyntaxError) -> Expr {
        let begin = start
        let first = try starNamedExpression()
        guard at(.comma) else {
            if case .starred = first.kind { throw unexpected() }
            return first
        }
        var elts = [first]
        while accept(.comma) {
            if at(.colon) { break }
            elts.append(try starNamedExpression())
        }
        return Expr(.tuple(elts: elts, ctx: .load), span(from: begin))
    }

    /// `patterns`: an open sequence (`case a, *rest:`) or one pattern.
    mutating func patterns() throws(PythonSyntaxError) -> Pattern {
        let begin = start
        let first = try maybeStarPattern()
        guard at(.comma) else {
            if case .matchStar = first.kind { return Pattern(.matchSequence(patterns: [first]), span(from: begin)) }
            return first
        }
        var items = [first]
        while accept(.comma) {
            if at(.colon) || at(.kwIf) { break }
            items.append(try maybeStarPattern())
        }
        return Pattern(.matchSequence(patterns: items), span(from: begin))
    }

    mutating func maybeStarPattern() throws(PythonSyntaxError) -> Pattern {
        if at(.star) {
            let begin = start
            advance()
            let (id, _) = try name("a name after '*'")
            return Pattern(.matchStar(name: id == "_" ? nil : id), span(from: begin))
        }
        return try pattern()
    }

    /// `or_pattern ['as' NAME]`.
    mutating func pattern() throws(PythonSyntaxError) -> Pattern {
        try enter()
        defer { leave() }
        let begin = start
        let alternatives = try orPattern()
        if accept(.kwAs) {
            let (id, t) = try name("a name after 'as'")
            if id == "_" { throw error("cannot use '_' as a target", at: t.startPosition) }
            return Pattern(.matchAs(pattern: alternatives, name: id), span(from: begin))
        }
        return alternatives
    }

    mutating func orPattern() throws(PythonSyntaxError) -> Pattern {
        let begin = start
        let first = try closedPattern()
        guard at(.vbar) else { return first }
        var options = [first]
        while accept(.vbar) { options.append(try closedPattern()) }
        return Pattern(.matchOr(patterns: options), span(from: begin))
    }

    mutating func closedPattern() throws(PythonSyntaxError) -> Pattern {
        let begin = start
        switch kind {
        case .kwNone:
            advance()
            return Pattern(.matchSingleton(value: .none), span(from: begin))
        case .kwTrue:
            advance()
            return Pattern(.matchSingleton(value: .bool(true)), span(from: begin))
        case .kwFalse:
            advance()
            return Pattern(.matchSingleton(value: .bool(false)), span(from: begin))
        case .number, .minus:
            return Pattern(.matchValue(value: try signedNumberPattern()), span(from: begin))
        case .string:
            let value = try strings()
            if case .joinedStr = value.kind { throw error("patterns may only match literals and attribute lookups", at: begin) }
            return Pattern(.matchValue(value: value), span(from: begin))
        case .lpar:
            advance()
            if accept(.rpar) { return Pattern(.matchSequence(patterns: []), span(from: begin)) }
            let first = try maybeStarPattern()
            if accept(.rpar) {
                if case .matchStar = first.kind { return Pattern(.matchSequence(patterns: [first]), span(from: begin)) }
                return first
            }
            var items = [first]
            while accept(.comma) {
                if at(.rpar) { break }
                items.append(try maybeStarPattern())
            }
            _ = try expect(.rpar, "')'")
            return Pattern(.matchSequence(patterns: items), span(from: begin))
        case .lsqb:
            advance()
            var items: [Pattern] = []
            while !at(.rsqb) {
                items.append(try maybeStarPattern())
                guard accept(.comma) else { break }
            }
            _ = try expect(.rsqb, "']'")
            return Pattern(.matchSequence(patterns: items), span(from: begin))
        case .lbrace:
            return try mappingPattern()
        case .name:
            let (id, t) = try name()
            if !at(.dot) && !at(.lpar) {
                return Pattern(.matchAs(pattern: nil, name: id == "_" ? nil : id), Span(t.startPosition, t.endPosition))
            }
            var value = Expr(.name(id: id, ctx: .load), Span(t.startPosition, t.endPosition))
            while accept(.dot) {
                let (attr, _) = try name("attribute name")
                value = Expr(.attribute(value: value, attr: attr, ctx: .load), span(from: begin))
            }
            if at(.lpar) { return try classPattern(value, begin: begin) }
            return Pattern(.matchValue(value: value), span(from: begin))
        default:
            throw unexpected(expected: "a pattern")
        }
    }

    /// `1`, `-1`, `1 + 2j`, `-1 - 2j`.
    mutating func signedNumberPattern() throws(PythonSyntaxError) -> Expr {
        let begin = start
        var value: Expr
        if at(.minus) {
            advance()
            guard at(.number) else { throw unexpected(expected: "a number") }
            let t = advance()
            let number = Expr(.constant(value: try numberValue(t), kind: nil), Span(t.startPosition, t.endPosition))
            value = Expr(.unaryOp(op: .uSub, operand: number), span(from: begin))
        } else {
            let t = try expect(.number, "a number")
            value = Expr(.constant(value: try numberValue(t), kind: nil), Span(t.startPosition, t.endPosition))
        }
        if at(.plus) || at(.minus) {
            let op: Operator = at(.plus) ? .add : .sub
            advance()
            let t = try expect(.number, "an imaginary number")
            let imaginary = try numberValue(t)
            guard case .complex = imaginary else { throw error("imaginary number required in complex literal", at: t.startPosition) }
            let right = Expr(.constant(value: imaginary, kind: nil), Span(t.startPosition, t.endPosition))
            value = Expr(.binOp(left: value, op: op, right: right), span(from: begin))
        }
        return value
    }

    mutating func mappingPattern() throws(PythonSyntaxError) -> Pattern {
        let begin = start
        advance()
        var keys: [Expr] = []
        var values: [Pattern] = []
        var rest: String?
        while !at(.rbrace) {
            if accept(.doubleStar) {
                let (id, _) = try name("a name after '**'")
                rest = id
                _ = accept(.comma)
                break
            }
            let keyStart = start
            let key: Expr
            switch kind {
            case .number, .minus: key = try signedNumberPattern()
            case .string: key = try strings()
            case .kwNone: advance(); key = Expr(.constant(value: .none, kind: nil), span(from: keyStart))
            case .kwTrue: advance(); key = Expr(.constant(value: .bool(true), kind: nil), span(from: keyStart))
            case .kwFalse: advance(); key = Expr(.constant(value: .bool(false), kind: nil), span(from: keyStart))
            case .name:
                let (id, t) = try name()
                var value = Expr(.name(id: id, ctx: .load), Span(t.startPosition, t.endPosition))
                guard at(.dot) else { throw error("mapping pattern keys may only match literals and attribute lookups", at: keyStart) }
                while accept(.dot) {
                    let (attr, _) = try name("attribute name")
                    value = Expr(.attribute(value: value, attr: attr, ctx: .load), span(from: keyStart))
                }
                key = value
            default:
                throw unexpected(expected: "a mapping key")
            }
            _ = try expect(.colon, "':'")
            keys.append(key)
            values.append(try pattern())
            guard accept(.comma) else { break }
        }
        _ = try expect(.rbrace, "'}'")
        return Pattern(.matchMapping(keys: keys, patterns: values, rest: rest), span(from: begin))
    }

    mutating func classPattern(_ cls: Expr, begin: SourcePosition) throws(PythonSyntaxError) -> Pattern {
        advance()
        var positional: [Pattern] = []
        var attrs: [String] = []
        var kwdPatterns: [Pattern] = []
        while !at(.rpar) {
            if at(.name) && peekKind() == .equal {
                let (attr, _) = try name()
                advance()
                attrs.append(attr)
                kwdPatterns.append(try pattern())
            } else {
                if !attrs.isEmpty { throw error("positional patterns follow keyword patterns") }
                positional.append(try pattern())
            }
            guard accept(.comma) else { break }
        }
        _ = try expect(.rpar, "')'")
        return Pattern(.matchClass(cls: cls, patterns: positional, kwdAttrs: attrs, kwdPatterns: kwdPatterns), span(from: begin))
    }
}
