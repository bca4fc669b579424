import PythonSyntax
import RampartCore

/// B703 (django_mark_safe): `mark_safe` on text that a light look back cannot prove constant.
enum B703DjangoMarkSafe: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B703", "django_mark_safe", title: "Django mark_safe on composed text", severity: .medium, confidence: .high, cwe: 80, owasp: .a03,
        documentation: """
        ## What it does
        Flags `mark_safe`, `SafeText`, `SafeString`, `SafeUnicode` and `SafeBytes` on values that are not string literals, unless looking back through the enclosing function shows they are built only from literals (`"…".format(…)`, `"…" % (…)`, variables assigned literals).

        ## Why is this bad?
        Text marked safe is rendered without escaping; if any part comes from input it is cross-site scripting.

        ## What to do instead
        `django.utils.html.format_html()` escapes its arguments; or escape each input with `escape()`.

        ## References
        - [CWE-80](https://cwe.mitre.org/data/definitions/80.html)
        """,
        examples: [
            .triggers("from django.utils.safestring import mark_safe\ndef render(name):\n    return mark_safe('<b>' + name + '</b>')\n"),
            .passes("from django.utils.safestring import mark_safe\ndef render():\n    html = '<b>fixed</b>'\n    return mark_safe(html)\n"),
        ]
    )

    static let functions: Set<String> = ["mark_safe", "SafeText", "SafeUnicode", "SafeString", "SafeBytes"]

    static let callLastNames: Set<String>? = functions

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard context.isModuleImportedLike("django.utils.safestring"), functions.contains(context.name),
              let call = context.call, let argument = call.callArguments.first else { return nil }
        if argument.stringValue != nil { return nil }
        // The scope Bandit looks back through: the nearest (non-async) function, else the module.
        var scopeBody = context.moduleBody
        var parameters: [String] = []
        for ancestor in context.ancestors.reversed() {
            if case .statement(let s) = ancestor, case .functionDef(let f) = s.kind, !f.isAsync {
                scopeBody = f.body
                parameters = f.args.args.map(\.arg)
                break
            }
        }
        var flow = LocalFlow(body: scopeBody, parameters: parameters)
        var secure = false
        switch argument.kind {
        case .name(let id, _):
            secure = parameters.contains(id) ? false : flow.variableIsConstant(id, until: call.span.start.line)
        case .call:
            secure = flow.callIsConstant(LocalFlow.FormatCall(argument))
        case .binOp(let left, .mod, let right) where left.stringValue != nil:
            let args: [Expr]
            if case .tuple(let elts, _) = right.kind { args = elts } else { args = [right] }
            secure = flow.callIsConstant(LocalFlow.FormatCall(receiverIsConstant: true, isFormat: true, args: args, hasKeywords: false, line: argument.span.start.line))
        default:
            secure = false
        }
        return secure ? nil : RuleHit(.medium, .high, "Potential XSS on mark_safe function.")
    }
}

/// Bandit's light look-back: is a variable assigned only literals (or literal formats) before a line?
struct LocalFlow {
    struct FormatCall {
        var receiverIsConstant: Bool
        var isFormat: Bool
        var args: [Expr]
        var hasKeywords: Bool
        var line: Int

        init(receiverIsConstant: Bool, isFormat: Bool, args: [Expr], hasKeywords: Bool, line: Int) {
            self.receiverIsConstant = receiverIsConstant
            self.isFormat = isFormat
            self.args = args
            self.hasKeywords = hasKeywords
            self.line = line
        }

        init(_ call: Expr) {
            var constant = false, format = false, args: [Expr] = [], keywords = false
            if case .call(let function, let a, let k) = call.kind {
                args = a
                keywords = !k.isEmpty
                if case .attribute(let value, "format", _) = function.kind {
                    format = true
                    if case .constant = value.kind { constant = true }
                }
            }
            self.init(receiverIsConstant: constant, isFormat: format, args: args, hasKeywords: keywords, line: call.span.start.line)
        }
    }

    /// What a statement assigns to the variable: nothing, one expression, several, or a `with` block.
    enum Assigned {
        case nothing
        case value(Expr)
        case values([Expr])
        case other
    }

    let body: [Stmt]
    let parameters: [String]
    var depth = 0

    init(body: [Stmt], parameters: [String]) {
        self.body = body
        self.parameters = parameters
    }

    mutating func variableIsConstant(_ name: String, until line: Int) -> Bool {
        depth += 1
        defer { depth -= 1 }
        guard depth < 100, !parameters.contains(name) else { return false }
        var secure = false
        for statement in body {
            if statement.span.start.line >= line { break }
            switch assigned(name, in: statement) {
            case .nothing:
                continue
            case .value(let value):
                if value.stringValue != nil {
                    secure = true
                } else if case .name(let other, _) = value.kind {
                    secure = variableIsConstant(other, until: value.span.start.line)
                } else if case .call = value.kind {
                    secure = callIsConstant(FormatCall(value))
                } else {
                    return false
                }
            case .values(let values):
                var count = 0
                for value in values {
                    if value.stringValue != nil {
                        count += 1
                    } else if case .name(let other, _) = value.kind, variableIsConstant(other, until: statement.span.start.line) {
                        count += 1
                    } else {
                        break
                    }
                }
                guard count == values.count else { return false }
                secure = true
            case .other:
                return false
            }
        }
        return secure
    }

    mutating func callIsConstant(_ call: FormatCall) -> Bool {
        depth += 1
        defer { depth -= 1 }
        guard depth < 100, call.receiverIsConstant, call.isFormat, !call.hasKeywords else { return false }
        var args = call.args
        var secure = 0
        var index = 0
        while index < args.count {
            let arg = args[index]
            index += 1
            if arg.stringValue != nil {
                secure += 1
            } else if case .name(let id, _) = arg.kind {
                guard variableIsConstant(id, until: call.line) else { break }
                secure += 1
            } else if case .call = arg.kind {
                guard callIsConstant(FormatCall(arg)) else { break }
                secure += 1
            } else if case .starred(let value, _) = arg.kind, case .list(let elts, _) = value.kind {
                args += elts
                secure += 1
            } else if case .starred(let value, _) = arg.kind, case .tuple(let elts, _) = value.kind {
                args += elts
                secure += 1
            } else {
                break
            }
        }
        return secure == args.count
    }

    /// Bandit's `DeepAssignation.is_assigned`.
    func assigned(_ name: String, in statement: Stmt) -> Assigned {
        switch statement.kind {
        case .functionDef(let f) where !f.isAsync:
            return collect(name, f.body)
        case .with(let items, let body, false):
            var result = Assigned.nothing
            for item in items {
                if case .name(let id, _)? = item.optionalVars?.kind, id == name {
                    result = .other
                } else {
                    result = collect(name, body)
                }
            }
            return result
        case .try(let body, let handlers, let orelse, let finalbody, false):
            return collect(name, body + handlers.flatMap(\.body) + orelse + finalbody)
        case .if(_, let body, let orelse), .while(_, let body, let orelse), .for(_, _, let body, let orelse, false):
            return collect(name, body + orelse)
        case .augAssign(let target, _, let value):
            if case .name(let id, _) = target.kind, id == name { return .value(value) }
            return .nothing
        case .assign(let targets, let value):
            guard let target = targets.first else { return .nothing }
            if case .name(let id, _) = target.kind {
                return id == name ? .value(value) : .nothing
            }
            if case .tuple(let names, _) = target.kind, case .tuple(let values, _) = value.kind {
                for (position, element) in names.enumerated() {
                    if case .name(let id, _) = element.kind, id == name {
                        return position < values.count ? .value(values[position]) : .nothing
                    }
                }
            }
            return .nothing
        default:
            return .nothing
        }
    }

    private func collect(_ name: String, _ statements: [Stmt]) -> Assigned {
        var values: [Expr] = []
        var other = false
        for statement in statements {
            switch assigned(name, in: statement) {
            case .nothing: continue
            case .value(let v): values.append(v)
            case .values(let vs): values += vs
            case .other: other = true
            }
        }
        if other && values.isEmpty { return .other }
        return values.isEmpty ? .nothing : .values(values)
    }
}
