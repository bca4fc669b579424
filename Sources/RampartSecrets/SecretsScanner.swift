import Foundation
import RampartCore

/// Secrets: hard-coded credentials in the working tree (and, through `SecretsHistory`, in the
/// index and the git history). A keyword automaton finds where to look; each detector's regular
/// expression, entropy, placeholder and checksum checks decide what is a secret.
public struct SecretsScanner: SecurityScanner {
    public var options: SecretsOptions

    public init(options: SecretsOptions = SecretsOptions()) {
        self.options = options
    }

    public var id: String { "secrets" }
    public var title: String { "Secrets" }
    public var exampleFileName: String { "config.env" }
    public var rules: [RuleMetadata] {
        SecretRules.all.map { $0.metadata } + (options.gitleaks.map { $0.rules.map(\.metadata) + $0.pathRules.map(\.metadata) } ?? [])
    }

    /// Every text file: secrets hide in any of them. Discovery has already left out binary and
    /// oversized files.
    public func wants(_ file: SourceFile) -> Bool { options.source == .tree }

    public func configured(with section: ConfigNode, reader: NodeReader) throws(ConfigurationError) -> any SecurityScanner {
        var copy = self
        for entry in try reader.mapping(section, key: "secrets") {
            let key = "secrets.\(entry.key)"
            switch entry.key {
            case "show_secrets": copy.options.showSecrets = try reader.bool(entry.value, key: key)
            case "gitleaks_config":
                let path = try reader.path(entry.value, key: key)
                do {
                    copy.options.gitleaks = try GitleaksConfig.load(path: path, confinement: reader.confinement)
                } catch {
                    throw reader.error(entry.value, key: key, error.description)
                }
            case "import_known":
                copy.options.importKnown = try reader.bool(entry.value, key: key)
            default:
                throw ConfigurationError(file: reader.file, line: entry.keyPosition.line, column: entry.keyPosition.column, key: key,
                                         message: "unknown key; the secrets scanner takes show_secrets, gitleaks_config, import_known")
            }
        }
        return copy
    }

    /// The engine for the rules the configuration enables: the built-in detectors (unless a
    /// Gitleaks configuration does not extend the defaults), then the custom ones.
    public func engine(_ configuration: Configuration) throws(SecretEngine.InvalidDetector) -> SecretEngine {
        let gitleaks = options.gitleaks
        let custom = gitleaks?.rules ?? []
        let customIDs = Set(custom.map(\.metadata.id))
        let disabled = gitleaks?.disabledRules ?? []
        let usesDefaults = gitleaks == nil || gitleaks?.useDefault == true
        let builtIn: [any SecretRule.Type] = usesDefaults ? SecretRules.all.filter { rule in
            !customIDs.contains(rule.metadata.id) && !disabled.contains { rule.metadata.isNamed($0) }
        } : []
        typealias Entry = (metadata: RuleMetadata, pattern: SecretPattern, accept: (@Sendable (SecretContext) -> Bool)?)
        var rules: [Entry] = builtIn.map { rule -> Entry in (rule.metadata, rule.pattern, rule.accept) }
        rules += custom.map { rule -> Entry in (rule.metadata, rule.pattern, rule.accept) }
        let allowlists = gitleaks?.allowlists ?? []
        var globalAccept: (@Sendable (SecretContext) -> Bool)?
        if !allowlists.isEmpty {
            globalAccept = { @Sendable context in !allowlists.contains { $0.allows(context) } }
        }
        return try SecretEngine(rules: rules.filter { configuration.isEnabled($0.metadata.id) }, globalAccept: globalAccept)
    }

    public func scan(_ context: ScanContext) async -> ScannerOutput {
        var scanner = self
        var notes: [Diagnostic] = []
        // A Gitleaks configuration at the root is used as Gitleaks would use it.
        let confined = ConfinedRoot(context.root)
        if scanner.options.gitleaks == nil, FileManager.default.fileExists(atPath: context.root + "/.gitleaks.toml") {
            do {
                scanner.options.gitleaks = try GitleaksConfig.load(path: ".gitleaks.toml", confinement: confined)
                notes.append(Diagnostic(.note, code: "gitleaks-config", message: "using the Gitleaks configuration .gitleaks.toml", scanner: id))
            } catch {
                notes.append(Diagnostic(.error, code: "gitleaks-config", message: error.description, scanner: id, path: ".gitleaks.toml"))
                return ScannerOutput(diagnostics: notes)
            }
        }
        var output = await scanner.scanWithSettings(context)
        output.diagnostics = notes + output.diagnostics
        return output
    }

    private func scanWithSettings(_ context: ScanContext) async -> ScannerOutput {
        let engine: SecretEngine
        do {
            engine = try self.engine(context.configuration)
        } catch {
            return ScannerOutput(diagnostics: [Diagnostic(.error, code: "invalid-rule", message: error.description, scanner: id)])
        }
        var builder = SecretFindings(engine: engine, showSecrets: options.showSecrets)
        builder.keepPlaintext = options.verifier != nil
        var notes: [Diagnostic] = []
        if options.importKnown {
            let (known, problems) = KnownSecrets.discover(root: context.root)
            builder.known = known
            notes += problems
            if !known.sources.isEmpty {
                notes.append(Diagnostic(.note, code: "known-secrets", message: "findings listed in \(known.sources.joined(separator: " and ")) are reported as suppressed", scanner: id))
            }
        }
        let allowlists = options.gitleaks?.allowlists ?? []
        let finder = builder
        var output: ScannerOutput
        switch options.source {
        case .staged:
            output = await scanGit(.staged, context: context, engine: engine, builder: builder, allowlists: allowlists)
        case .history:
            output = await scanGit(.history(since: options.historySince), context: context, engine: engine, builder: builder, allowlists: allowlists)
        case .tree:
            let pathRules = (options.gitleaks?.pathRules ?? []).filter { context.configuration.isEnabled($0.metadata.id) }
            output = await context.forEachFile(scanner: id, where: wants, reporting: { file, text in
                var output = text.bytes.withUnsafeBufferPointer { bytes in
                    let (candidates, limitHits) = engine.scanReportingLimits(bytes, path: file.path)
                    return ScannerOutput(findings: finder.findings(candidates, in: bytes, path: file.path),
                                         diagnostics: Self.notFullySearched(limitHits, in: bytes, path: file.path) { $0 })
                }
                for rule in pathRules where rule.path.matches(file.path) {
                    output.findings.append(Finding(rule: rule.metadata, location: .source(SourceLocation(path: file.path, line: 1, snippet: "")), message: "\(rule.metadata.title): \(file.path)"))
                }
                return output
            })
        }
        output.diagnostics = notes + output.diagnostics
        if let verifier = options.verifier { await verify(&output.findings, with: verifier) }
        return output
    }

    /// One error per file for the places a detector gave up: a secret there could be missed, so
    /// the scan cannot pass (exit 3); the rest of the file was still searched.
    static func notFullySearched(_ hits: [SecretEngine.LimitHit], in bytes: UnsafeBufferPointer<UInt8>, path: String, line mapLine: (Int) -> Int) -> [Diagnostic] {
        guard let first = hits.first else { return [] }
        var line = 1
        for index in 0..<min(first.offset, bytes.count) where bytes[index] == 0x0A { line += 1 }
        let rules = Set(hits.map(\.detector.rawValue)).sorted()
        return [Diagnostic(.error, code: "regex-limit",
                           message: "not fully searched: \(rules.joined(separator: ", ")) gave up \(hits.count) time\(hits.count == 1 ? "" : "s") at the regular expression's match limit (first at this line); the rest of the file was searched",
                           scanner: "secrets", path: path, line: mapLine(line))]
    }

    /// Asks the verifier about each distinct secret once; then forgets secrets reports must not show.
    private func verify(_ findings: inout [Finding], with verifier: any SecretVerifier) async {
        var answers: [String: SecretVerification?] = [:]
        for index in findings.indices {
            guard let secret = findings[index].secret, let plaintext = secret.plaintext else { continue }
            let key = "\(findings[index].ruleId)\u{0}\(secret.digest)"
            if answers[key] == nil { answers[key] = .some(await verifier.verify(rule: findings[index].ruleId, secret: plaintext)) }
            if let answer = answers[key] ?? nil {
                findings[index].tags.append("verified:\(answer.rawValue)")
                if answer == .live { findings[index].severity = .critical }
            }
            if !options.showSecrets { findings[index].secret?.plaintext = nil }
        }
    }
}

extension SecretsScanner {
    /// Runs a git scan on a thread of its own (it blocks on git's pipe), stopping on cancellation.
    func scanGit(_ source: GitSecrets.Source, context: ScanContext, engine: SecretEngine, builder: SecretFindings, allowlists: [SecretAllowlist]) async -> ScannerOutput {
        let cancelled = Locked(false)
        let root = context.root
        var git = GitSecrets(engine: engine, builder: builder, jobs: context.configuration.jobs)
        git.exclude = GlobSet(context.configuration.exclude)
        git.include = GlobSet(context.configuration.include)
        git.allowedCommits = allowlists.filter { !$0.commits.isEmpty }
        let runner = git
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Its own thread: it blocks on git's pipe, which must not hold a Dispatch worker.
                Thread.detachNewThread {
                    continuation.resume(returning: runner.scan(root: root, source: source) { cancelled.withLock { $0 } })
                }
            }
        } onCancel: {
            cancelled.withLock { $0 = true }
        }
        return ScannerOutput(findings: result.findings, diagnostics: result.diagnostics, filesScanned: result.changesScanned)
    }
}

/// Where the secrets scanner looks.
public enum SecretsSource: String, Sendable {
    /// The files of the scan (the working tree).
    case tree
    /// What is staged in git's index: for pre-commit hooks.
    case staged
    /// Every commit of every ref: each secret at the commit that introduced it.
    case history
}

/// Settings of the secrets scanner (`secrets:` in `.rampart.yml`, `--show-secrets`).
public struct SecretsOptions: Sendable {
    /// Report secrets in full (messages, snippets, JSON `value`); off by default.
    public var showSecrets = false
    public var source = SecretsSource.tree
    /// History scans: only the commits on HEAD that this ref does not have (pull requests).
    public var historySince: String?
    /// A Gitleaks configuration: custom rules, allowlists, `[extend]`.
    public var gitleaks: GitleaksConfig?
    /// Read `.gitleaksignore` and `.secrets.baseline` at the scan root.
    public var importKnown = true
    /// Online verification, when a build provides one (none ships: see `SecretVerifier`).
    public var verifier: (any SecretVerifier)?
    /// Detectors from a Gitleaks configuration or other sources, after the built-in ones.
    public var customRules: [CustomSecretRule] = []

    public init(showSecrets: Bool = false) {
        self.showSecrets = showSecrets
    }
}

/// A detector defined at run time (a Gitleaks `[[rules]]` entry, say).
public struct CustomSecretRule: Sendable {
    public var metadata: RuleMetadata
    public var pattern: SecretPattern
    public var accept: (@Sendable (SecretContext) -> Bool)?

    public init(metadata: RuleMetadata, pattern: SecretPattern, accept: (@Sendable (SecretContext) -> Bool)? = nil) {
        self.metadata = metadata
        self.pattern = pattern
        self.accept = accept
    }
}
