import Foundation
import PythonSyntax
import RampartCore
import RampartCustomRules

/// Python SAST: Bandit's checks, natively, on Rampart's own parser. Files are parsed and checked
/// in parallel; a file that does not parse is a warning in the report, and the scan goes on.
public struct PythonSASTScanner: SecurityScanner {
    /// The largest Python file parsed (the tree takes 30 to 90 times the file's size).
    public static let maxParseBytes = PythonParsing.maxSourceBytes

    public var options: PythonSASTOptions
    /// Settings read from a Bandit configuration (YAML named in `.rampart.yml`, or discovered).
    public var banditSettings: BanditSettings?
    /// Whether `.rampart.yml` has a `python:` section (it then wins over discovered Bandit files).
    var configuredExplicitly = false
    /// The grammar read: the newest, so any Python 3 file parses whatever Python is installed.
    public var version: PythonVersion
    /// Custom rules in Semgrep's format (`--rules`, `rules:`), run on the same parse as Bandit's checks.
    public var customRules: RuleSet?

    public init(options: PythonSASTOptions = PythonSASTOptions(), version: PythonVersion = .v3_14) {
        self.options = options
        self.version = version
    }

    public var id: String { "python" }
    public var title: String { "Python SAST (Bandit's checks and taint rules)" }
    public var exampleFileName: String { "example.py" }
    public var rules: [RuleMetadata] {
        PythonRules.all.map { $0.metadata } + (taintEnabled ? PythonTaintRules.all.map { $0.metadata } : []) + (customRules?.metadata ?? [])
    }

    /// Whether the built-in taint rules run: on unless turned off, or Bandit's checks alone
    /// were asked for (`builtin: false`, `bandit_compat`).
    var taintEnabled: Bool { options.taint && options.builtinChecks && !options.banditCompatible }

    public func wants(_ file: SourceFile) -> Bool {
        let ext = file.pathExtension
        return ext == "py" || ext == "pyw"
    }

    /// Reads the `python:` section: `tests` and `skips` (Bandit's lists of ids or names),
    /// `assert_skips`, `tmp_dirs`, `check_typed_exception`.
    public func configured(with section: ConfigNode, reader: NodeReader) throws(ConfigurationError) -> any SecurityScanner {
        var copy = self
        copy.configuredExplicitly = true
        for entry in try reader.mapping(section, key: "python") {
            let key = "python.\(entry.key)"
            switch entry.key {
            case "tests": copy.options.tests = try ruleNames(entry.value, key: key, reader: reader)
            case "skips": copy.options.skips = try ruleNames(entry.value, key: key, reader: reader)
            case "assert_skips": copy.options.assertSkips = try reader.strings(entry.value, key: key)
            case "tmp_dirs": copy.options.tmpDirectories = try reader.strings(entry.value, key: key)
            case "check_typed_exception": copy.options.checkTypedException = try reader.bool(entry.value, key: key)
            case "bandit_config":
                let path = try reader.string(entry.value, key: key)
                let full = try reader.resolve(path, node: entry.value, key: key)
                guard let bytes = try? FileReader.read(full, limit: 1 << 20) else {
                    throw reader.error(entry.value, key: key, "cannot read Bandit configuration \(TextEscaping.escape(path))")
                }
                let text = String(decoding: bytes, as: UTF8.self)
                copy.banditSettings = try BanditConfigImport.fromYAML(text, file: path)
            case "bandit_compat":
                copy.options.banditCompatible = try reader.bool(entry.value, key: key)
            case "rules":
                copy.customRules = try Self.customRules(entry.value, key: key, reader: reader, adding: copy.customRules)
            case "builtin":
                copy.options.builtinChecks = try reader.bool(entry.value, key: key)
            case "taint":
                copy.options.taint = try reader.bool(entry.value, key: key)
            case "taint_only":
                copy.options.taintOnly = try reader.bool(entry.value, key: key)
            default:
                throw ConfigurationError(file: reader.file, line: entry.keyPosition.line, column: entry.keyPosition.column, key: key,
                                         message: "unknown key; the python scanner takes tests, skips, assert_skips, tmp_dirs, check_typed_exception, bandit_config, bandit_compat, rules, builtin, taint, taint_only")
            }
        }
        return copy
    }

    /// `rules:` of the configuration: paths of rule files or folders (inside the repository) and
    /// rules written inline. Nothing usable is a configuration error; some bad rules are scan errors.
    static func customRules(_ node: ConfigNode, key: String, reader: NodeReader, adding existing: RuleSet?) throws(ConfigurationError) -> RuleSet {
        let set = existing ?? RuleSet()
        guard case .sequence(let items, _) = node else {
            throw reader.error(node, key: key, "a list of rule files or folders and inline rules (mappings in Semgrep's format)")
        }
        var inline: [ConfigNode] = []
        for item in items {
            switch item {
            case .scalar(let path, _):
                set.add(path: try reader.resolve(path, node: item, key: key), followLinks: false)
            case .mapping:
                inline.append(item)
            default:
                throw reader.error(item, key: key, "each item is a path or a rule")
            }
        }
        if !inline.isEmpty {
            set.add(rules: inline, file: reader.file)
        }
        set.finish()
        if set.rules.isEmpty, let first = set.errors.first {
            throw reader.error(node, key: key, "no usable custom rule: \(first)")
        }
        return set
    }

    private func ruleNames(_ node: ConfigNode, key: String, reader: NodeReader) throws(ConfigurationError) -> [String] {
        let names = try reader.strings(node, key: key)
        for name in names where !PythonRules.all.contains(where: { $0.metadata.isNamed(name) }) && !PythonTaintRules.all.contains(where: { $0.metadata.isNamed(name) }) {
            throw reader.error(node, key: key, "no Python rule is named '\(name)'")
        }
        return names
    }

    /// The rules that run: enabled in the configuration, in `tests` when it is given, not in `skips`.
    func enabledRules(_ configuration: Configuration) -> [any PythonRule.Type] {
        guard options.builtinChecks else { return [] }
        return PythonRules.all.filter { rule in
            let metadata = rule.metadata
            guard configuration.isEnabled(metadata.id) else { return false }
            if !options.tests.isEmpty && !options.tests.contains(where: { metadata.isNamed($0) }) { return false }
            return !options.skips.contains { metadata.isNamed($0) }
        }
    }

    /// The built-in taint rules that run (indexes in `PythonTaintRules.ruleSet`), selected as
    /// Bandit's checks are.
    func enabledTaintRules(_ configuration: Configuration) -> [Int] {
        guard taintEnabled else { return [] }
        let set = PythonTaintRules.ruleSet
        return set.rules.indices.filter { index in
            guard let rule = PythonTaintRules.rule(named: set.rules[index].id) else { return false }
            let metadata = rule.metadata
            guard configuration.isEnabled(metadata.id) else { return false }
            if !options.tests.isEmpty && !options.tests.contains(where: { metadata.isNamed($0) }) { return false }
            return !options.skips.contains { metadata.isNamed($0) }
        }
    }

    /// This scanner with the Bandit settings applied: explicit `python:` settings win.
    func applyingBanditSettings(_ settings: BanditSettings) -> PythonSASTScanner {
        var copy = self
        copy.banditSettings = settings
        if copy.options.tests.isEmpty { copy.options.tests = settings.tests.filter { name in PythonRules.all.contains { $0.metadata.isNamed(name) } } }
        if copy.options.skips.isEmpty { copy.options.skips = settings.skips }
        if copy.options.assertSkips.isEmpty, let skips = settings.assertSkips { copy.options.assertSkips = skips }
        if let dirs = settings.tmpDirectories, copy.options.tmpDirectories == PythonSASTOptions().tmpDirectories { copy.options.tmpDirectories = dirs }
        if let typed = settings.checkTypedException, !copy.options.checkTypedException { copy.options.checkTypedException = typed }
        return copy
    }

    public func scan(_ context: ScanContext) async -> ScannerOutput {
        var scanner = self
        var notes: [Diagnostic] = []
        if let settings = banditSettings {
            scanner = applyingBanditSettings(settings)
        } else if !configuredExplicitly {
            let (found, problems) = BanditConfigImport.discover(root: context.root)
            notes += problems
            if let found {
                scanner = applyingBanditSettings(found)
                notes.append(Diagnostic(.note, code: "bandit-config", message: "using the Bandit settings in \(found.source ?? "the Bandit configuration")", scanner: id))
            }
        }
        var output = await scanner.scanFiles(context)
        output.diagnostics += notes
        if let set = customRules {
            // A rule that cannot run leaves its check undone: an error, whatever the others find.
            output.diagnostics += set.errors.map { error in
                Diagnostic(.error, code: "rule-error", message: "custom rule \(error.ruleID.map { "\($0) " } ?? "")not used: \(error.message)", scanner: id,
                           path: error.file, line: error.line)
            }
            output.diagnostics += set.notes.map { Diagnostic(.note, code: "rule-skipped", message: $0, scanner: id) }
        }
        return output
    }

    private func scanFiles(_ context: ScanContext) async -> ScannerOutput {
        let index = BanditWalker.RuleIndex(rules: enabledRules(context.configuration))
        let options = self.options
        let version = self.version
        let excluded = banditSettings
        let custom = customRules.flatMap { $0.rules.isEmpty ? nil : $0 }
        let taintRules = enabledTaintRules(context.configuration)
        let selected: (SourceFile) -> Bool = { wants($0) && !(excluded?.excludes($0.path) ?? false) }
        // Taint follows calls into the other Python files of the scan (read as the scan reads them).
        let python = context.files.filter(selected)
        let byPath = Dictionary(python.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let project = TaintProject(paths: python.map(\.path), version: version) { path in
            guard let file = byPath[path] else { return nil }
            return try? context.read(file).bytes
        }
        var output = await context.forEachFile(scanner: id, where: selected, reporting: { file, text in
            // The tree takes tens of times the file's size: past this a file is refused, not a crash.
            guard text.bytes.count <= Self.maxParseBytes else {
                throw Diagnostic(.error, code: "file-too-large", message: "not checked: \(text.bytes.count >> 20) MiB of Python is more than the parser takes (\(Self.maxParseBytes >> 20) MiB)",
                                 scanner: "python", path: file.path)
            }
            let hits: [BanditWalker.Hit]
            let customResult: FileScanResult?
            let taintResult: FileScanResult?
            do throws(PythonSyntaxError) {
                (hits, customResult, taintResult) = try PythonParsing.withModule(text.bytes, version: version) { parsed in
                    var walker = BanditWalker(index: index, path: file.path, source: text.bytes, options: options)
                    let hits = options.builtinChecks ? walker.run(parsed.module) : []
                    // The same tree for every custom and taint rule: one parse per file.
                    let target = TargetFile(path: file.path, source: parsed.source, module: parsed.module)
                    let custom = custom.map { $0.scan(target, project: project) }
                    let taint = taintRules.isEmpty ? nil : PythonTaintRules.ruleSet.scan(target, rules: taintRules, project: project)
                    return (hits, custom, taint)
                }
            } catch {
                throw Diagnostic(
                    .warning, code: error.kind == .python2 ? "python2" : "parse-error",
                    message: error.kind == .python2 ? "skipped, Python 2 syntax: \(error.message)" : "skipped, does not parse: \(error.message)",
                    scanner: "python", path: file.path, line: error.position.line
                )
            }
            var lines: [Substring]?
            var findings = hits.map { hit in
                let line = hit.result.line ?? hit.span.start.line
                let endLine = max(line, hit.span.end.line)
                var finding = Finding(rule: hit.rule, location: .source(SourceLocation(
                    path: file.path, line: line, column: hit.span.start.column + 1, endLine: endLine,
                    endColumn: hit.span.end.column + 1)), message: hit.result.message)
                finding.severity = hit.result.severity
                finding.confidence = hit.result.confidence
                if hit.rule.tags.contains("secret"), case .source(var location) = finding.location {
                    if lines == nil { lines = SourceText.splitLines(text.text) }
                    location.snippet = Self.redactedSnippet(lines ?? [], line: line)
                    finding.location = .source(location)
                }
                return finding
            }
            var diagnostics: [Diagnostic] = []
            if let custom, let result = customResult {
                findings += Self.findings(result, custom, path: file.path)
                if !result.incomplete.isEmpty {
                    // Findings so far are kept; the rules that did not finish make the scan incomplete.
                    let names = result.incomplete.map { custom.rules[$0.rule].id + " (" + $0.reason + ")" }
                    diagnostics.append(Diagnostic(
                        .error, code: "rule-budget", message: "not fully checked by custom rule(s): " + names.joined(separator: "; "),
                        scanner: "python", path: file.path))
                }
            }
            if let result = taintResult {
                let set = PythonTaintRules.ruleSet
                findings += Self.findings(result, set, path: file.path) { index in PythonTaintRules.rule(named: set.rules[index].id)?.metadata }
                if !result.incomplete.isEmpty {
                    let names = result.incomplete.map { "python/" + set.rules[$0.rule].id + " (" + $0.reason + ")" }
                    diagnostics.append(Diagnostic(
                        .error, code: "rule-budget", message: "not fully checked by taint rule(s): " + names.joined(separator: "; "),
                        scanner: "python", path: file.path))
                }
            }
            return ScannerOutput(findings: findings, diagnostics: diagnostics)
        })
        // A sink in a shared helper is reached from many callers' files: one finding for it.
        var seen = Set<String>()
        output.findings.removeAll { finding in
            guard !finding.trace.isEmpty, case .source(let place) = finding.location else { return false }
            return !seen.insert("\(finding.ruleId.rawValue)\u{0}\(place.path)\u{0}\(place.line):\(place.column)-\(place.endLine):\(place.endColumn)").inserted
        }
        if !taintRules.isEmpty {
            // Flows confirm the pattern findings at their sink, whichever file found the flow.
            let isFlow: (Finding) -> Bool = { $0.ruleId.scanner == "python" && PythonTaintRules.rule(named: $0.ruleId.code) != nil }
            output.findings = TaintConfirmation.apply(output.findings.filter(isFlow), to: output.findings.filter { !isFlow($0) }, taintOnly: options.taintOnly)
        }
        return output
    }

    /// Custom rules' matches as findings: the rule's own id under `rules/`, its message with
    /// metavariables filled in, its first reference as the help link.
    static func findings(_ result: FileScanResult, _ set: RuleSet, path: String, builtIn: ((Int) -> RuleMetadata?)? = nil) -> [Finding] {
        result.matches.map { match in
            let rule = set.rules[match.rule]
            let metadata = builtIn?(match.rule)
            var finding = Finding(rule: metadata ?? rule.metadata, location: .source(SourceLocation(
                path: match.path ?? path, line: match.range.start.line, column: match.range.start.column + 1,
                endLine: match.range.end.line, endColumn: match.range.end.column + 1)), message: match.message)
            finding.scanner = "python"
            // A built-in rule's help is its documentation page (the engine adds it).
            if metadata == nil { finding.helpUri = rule.references.first }
            finding.fix = match.fix.map { edit in
                SourceFix(line: edit.range.start.line, column: edit.range.start.column + 1, endLine: edit.range.end.line,
                          endColumn: edit.range.end.column + 1, replacement: edit.replacement)
            }
            finding.trace = match.trace.enumerated().map { index, site in
                TraceStep(kind: index == 0 ? .source : index == match.trace.count - 1 ? .sink : .step, path: site.path ?? path,
                          line: site.range.start.line, column: site.range.start.column + 1, endLine: site.range.end.line, endColumn: site.range.end.column + 1)
            }
            return finding
        }
    }

    /// The finding's line with its string literals masked, for rules about secrets.
    static func redactedSnippet(_ lines: [Substring], line: Int) -> String? {
        guard line >= 1, line <= lines.count else { return nil }
        var out = ""
        var quote: Character?
        var kept = 0
        for c in lines[line - 1] {
            if let open = quote {
                if c == open {
                    quote = nil
                    out.append(c)
                } else {
                    out.append(kept < 2 ? c : "*")
                    kept += 1
                }
            } else {
                if c == "'" || c == "\"" {
                    quote = c
                    kept = 0
                }
                out.append(c)
            }
        }
        return out
    }
}

