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
    public var rules: [RuleMetadata] { SecretRules.all.map { $0.metadata } + options.customRules.map(\.metadata) }

    /// Every text file: secrets hide in any of them. Discovery has already left out binary and
    /// oversized files.
    public func wants(_ file: SourceFile) -> Bool { options.source == .tree }

    public func configured(with section: ConfigNode, reader: NodeReader) throws(ConfigurationError) -> any SecurityScanner {
        var copy = self
        for entry in try reader.mapping(section, key: "secrets") {
            let key = "secrets.\(entry.key)"
            switch entry.key {
            case "show_secrets": copy.options.showSecrets = try reader.bool(entry.value, key: key)
            default:
                throw ConfigurationError(file: reader.file, line: entry.keyPosition.line, column: entry.keyPosition.column, key: key,
                                         message: "unknown key; the secrets scanner takes show_secrets")
            }
        }
        return copy
    }

    /// The engine for the rules the configuration enables.
    public func engine(_ configuration: Configuration) throws(SecretEngine.InvalidDetector) -> SecretEngine {
        let builtIn = SecretRules.all.filter { configuration.isEnabled($0.metadata.id) }
            .map { (metadata: $0.metadata, pattern: $0.pattern, accept: $0.accept) }
        let custom = options.customRules.filter { configuration.isEnabled($0.metadata.id) }
            .map { (metadata: $0.metadata, pattern: $0.pattern, accept: $0.accept) }
        return try SecretEngine(rules: builtIn + custom)
    }

    public func scan(_ context: ScanContext) async -> ScannerOutput {
        let engine: SecretEngine
        do {
            engine = try self.engine(context.configuration)
        } catch {
            var output = ScannerOutput()
            output.diagnostics.append(Diagnostic(.error, code: "invalid-rule", message: error.description, scanner: id))
            return output
        }
        let builder = SecretFindings(engine: engine, showSecrets: options.showSecrets)
        switch options.source {
        case .tree: break
        case .staged: return await scanGit(.staged, root: context.root, engine: engine, builder: builder, jobs: context.configuration.jobs)
        case .history: return await scanGit(.history, root: context.root, engine: engine, builder: builder, jobs: context.configuration.jobs)
        }
        return await context.forEachFile(scanner: id, where: wants) { file, text in
            text.bytes.withUnsafeBufferPointer { bytes in
                builder.findings(engine.scan(bytes, path: file.path), in: bytes, path: file.path)
            }
        }
    }
}

extension SecretsScanner {
    /// Runs a git scan on a Dispatch thread (it blocks on git's pipe), stopping on cancellation.
    func scanGit(_ source: GitSecrets.Source, root: String, engine: SecretEngine, builder: SecretFindings, jobs: Int) async -> ScannerOutput {
        let cancelled = Locked(false)
        let git = GitSecrets(engine: engine, builder: builder, jobs: jobs)
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(returning: git.scan(root: root, source: source) { cancelled.withLock { $0 } })
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
