import Foundation
import RampartCore

/// Dependencies: the packages a project's manifests and lockfiles pin, matched offline against
/// OSV advisories. Fails closed: no database, a stale one, or a package it could not check is an
/// error (exit 3) unless the user allows it.
public struct DepsScanner: SecurityScanner {
    public var options: DepsOptions

    public init(options: DepsOptions = DepsOptions()) {
        self.options = options
    }

    public var id: String { "deps" }
    public var title: String { "Dependencies (OSV advisories)" }
    public var exampleFileName: String { "requirements.txt" }
    public var rules: [RuleMetadata] { [Self.vulnerable, Self.unpinned] }

    /// The rule every advisory finding is reported under; the finding's own id is `deps/<advisory>`.
    public static let vulnerable = RuleMetadata(
        id: RuleID(scanner: "deps", code: "vulnerable-dependency"), aliases: [], title: "Dependency with a known vulnerability",
        severity: .high, confidence: .high, cwe: [1395], owasp: .a06, tags: ["dependency"],
        documentation: """
        A pinned dependency is a version that an OSV advisory (PyPA's advisory database, GitHub \
        advisories) lists as affected. Each finding is named after the advisory (`deps/GHSA-…` or \
        `deps/PYSEC-…`), merges the advisory's aliases (CVE, GHSA, PYSEC), takes its severity from \
        the CVSS vector when there is one, and names the versions that fix it and the smallest \
        upgrade that fixes every known vulnerability of the package.

        Severity: the CVSS v3.x base score, computed from the advisory's vector; for an advisory \
        with only a CVSS v4 vector, the database's own rating (GHSA's), since Rampart does not \
        embed CVSS v4's expert-derived lookup table; medium when the advisory has neither (PyPA's \
        records carry no severity).

        **Fix:** upgrade to the suggested version (or a later one), then regenerate the lockfile. \
        To accept one advisory, suppress it by its id (`# rampart: ignore[deps/PYSEC-2020-96] reason`) \
        or list it under `ignores:` with a reason and an expiry date.
        """,
        examples: [
            .triggers("PyYAML==5.3\n", fileName: "requirements.txt"),
            .passes("PyYAML==6.0.2\n", fileName: "requirements.txt"),
        ]
    )

    public static let unpinned = RuleMetadata(
        id: RuleID(scanner: "deps", code: "unpinned-requirement"), aliases: [], title: "Requirement without a pinned version",
        severity: .info, confidence: .high, cwe: [1357], owasp: .a06, tags: ["dependency"],
        documentation: """
        The requirement allows a range of versions (`requests>=2.0`) rather than one (`==2.31.0`), \
        so what gets installed, and whether it is vulnerable, depends on the day. Rampart reports \
        the range and does not guess a version; pin it, check a lockfile instead, or pass \
        `--resolve-ranges` to match advisories against every version the range admits.

        **Fix:** pin with `==`, or use a lockfile (`pip-compile`, Poetry, PDM, uv).
        """,
        examples: [.triggers("requests>=2.0\n", fileName: "requirements.txt"), .passes("requests==2.31.0\n", fileName: "requirements.txt")]
    )

    /// Requirements and constraints files by name: `requirements.txt`, `requirements-dev.txt`,
    /// `requirements/base.txt`, `constraints.txt`.
    public func wants(_ file: SourceFile) -> Bool {
        let name = file.name.lowercased()
        if Manifests.kind(of: name) != nil { return true }
        guard name.hasSuffix(".txt") else { return false }
        return name.contains("requirements") || name.hasPrefix("constraints") || file.path.lowercased().contains("requirements/")
    }

    public func configured(with section: ConfigNode, reader: NodeReader) throws(ConfigurationError) -> any SecurityScanner {
        var copy = self
        for entry in try reader.mapping(section, key: "deps") {
            let key = "deps.\(entry.key)"
            switch entry.key {
            // Paths of the repository's own configuration stay inside the repository.
            case "database": copy.options.databasePath = try reader.path(entry.value, key: key)
            case "advisories": copy.options.advisoriesPath = try reader.path(entry.value, key: key)
            case "max_age_days": copy.options.maxAgeDays = try reader.int(entry.value, key: key)
            case "allow_stale": copy.options.allowStale = try reader.bool(entry.value, key: key)
            case "allow_skips": copy.options.allowSkips = try reader.bool(entry.value, key: key)
            case "resolve_ranges": copy.options.resolveRanges = try reader.bool(entry.value, key: key)
            default:
                throw ConfigurationError(file: reader.file, line: entry.keyPosition.line, column: entry.keyPosition.column, key: key,
                                         message: "unknown key; the deps scanner takes database, advisories, max_age_days, allow_stale, allow_skips, resolve_ranges")
            }
        }
        return copy
    }

    public func scan(_ context: ScanContext) async -> ScannerOutput {
        var manifests = context.files.filter(wants)
        var output = ScannerOutput()
        // A manifest is never skipped in silence: one over max_file_size is read with the deps
        // scanner's own larger caps, a symlink is followed while it stays in the repository.
        let confined = ConfinedRoot(context.root)
        for passed in context.passedOver where wants(passed.file) {
            if passed.reason == .symlink, (try? confined.resolve(passed.file.path)) == nil {
                output.diagnostics.append(Diagnostic(.error, code: "unreadable-manifest", message: "not checked: a symlink out of the repository; not followed",
                                                     scanner: id, path: passed.file.path))
                continue
            }
            manifests.append(passed.file)
        }
        guard !manifests.isEmpty || !options.sitePackages.isEmpty else { return output }
        let collected = Self.collect(root: context.root, manifests: manifests, options: options)
        output.filesScanned = manifests.count
        output.diagnostics += collected.diagnostics
        let dependencies = collected.dependencies
        let source: AdvisorySource
        do {
            source = try AdvisorySource.open(options)
        } catch {
            output.diagnostics.append(Diagnostic(.error, code: "no-advisories", message: "\(error); no dependency was checked", scanner: id))
            return output
        }
        // An age that cannot be read (no date, an unparseable one) is not a fresh database.
        if source.ageDays.map({ $0 > Double(options.maxAgeDays) || $0.isNaN }) ?? true {
            let age = source.ageDays.map { "\(Int($0)) days old" } ?? "of unknown age (no readable import or modification date)"
            output.diagnostics.append(Diagnostic(
                options.allowStale ? .warning : .error, code: "stale-advisories",
                message: "the advisory database is \(age) (limit \(options.maxAgeDays) days); update it with `rampart db update` or `rampart db import`" + (options.allowStale ? "" : ", or pass --allow-stale"),
                scanner: id
            ))
        }
        let names = Set(dependencies.map(\.normalizedName))
        let compiledByPackage: [String: [CompiledAdvisory]]
        do {
            compiledByPackage = try source.compiled(for: names)
        } catch {
            output.diagnostics.append(Diagnostic(.error, code: "no-advisories", message: "\(error)", scanner: id))
            return output
        }
        for (package, advisories) in compiledByPackage.sorted(by: { $0.key < $1.key }) {
            for advisory in advisories where !advisory.unorderable.isEmpty {
                output.diagnostics.append(Diagnostic(
                    .warning, code: "advisory-range",
                    message: "\(advisory.id) (\(package)): range bound \(advisory.unorderable.prefix(3).map { "'\(TextEscaping.escape(String($0.prefix(40))))'" }.joined(separator: ", ")) is not a PEP 440 version; the versions it may exclude are reported as affected",
                    scanner: id))
            }
        }
        var skipped: [String] = []
        // One finding per (package, version, vulnerability): a lockfile's line wins over a declaration's.
        var reported = Set<String>()
        for dependency in dependencies.sorted(by: { ($0.kind == .locked ? 0 : 1, $0.file, $0.line) < ($1.kind == .locked ? 0 : 1, $1.file, $1.line) }) {
            let location = Location.source(SourceLocation(path: dependency.file, line: dependency.line))
            guard let version = dependency.version else {
                if dependency.url != nil {
                    skipped.append("\(dependency.name) (\(dependency.file):\(dependency.line), a URL without a version)")
                } else if dependency.kind == .requirement {
                    var finding = Finding(rule: Self.unpinned, location: location,
                                          message: "\(dependency.name) is not pinned: it allows \(dependency.specifier.isEmpty ? "any version" : dependency.specifier.description)")
                    finding.component = Component(name: dependency.normalizedName, version: nil, ecosystem: "PyPI")
                    output.findings.append(finding)
                    if options.resolveRanges {
                        output.findings += rangeFindings(dependency, location: location, compiled: compiledByPackage[dependency.normalizedName] ?? [])
                    }
                }
                continue
            }
            let compiled = compiledByPackage[dependency.normalizedName] ?? []
            let vulnerabilities = VulnerabilityMatcher.vulnerabilities(package: dependency.normalizedName, version: version, compiled: compiled)
            guard !vulnerabilities.isEmpty else { continue }
            let upgrade = VulnerabilityMatcher.smallestSafeUpgrade(package: dependency.normalizedName, version: version, compiled: compiled)
            for vulnerability in vulnerabilities where reported.insert("\(dependency.normalizedName)\u{0}\(version)\u{0}\(vulnerability.id)").inserted {
                let title = "\(vulnerability.id) in \(dependency.normalizedName) \(version)"
                let fix = vulnerability.fixedVersions.isEmpty ? "no fixed version is known" : "fixed in \(vulnerability.fixedVersions.joined(separator: ", "))"
                var finding = Finding(rule: Self.vulnerable, location: location,
                                      message: "\(title): \(vulnerability.summary) (\(fix)" + (upgrade.map { "; \($0) fixes every known vulnerability of \(dependency.normalizedName))" } ?? ")"))
                finding.ruleId = RuleID(scanner: "deps", code: vulnerability.id)
                finding.title = title
                finding.severity = vulnerability.severity
                finding.tags = ["dependency", Self.vulnerable.id.rawValue] + vulnerability.aliases.filter { $0 != vulnerability.id }
                finding.helpUri = vulnerability.id.hasPrefix("GHSA-") ? "https://github.com/advisories/\(vulnerability.id)" : "https://osv.dev/vulnerability/\(vulnerability.id)"
                finding.component = Component(name: dependency.normalizedName, version: version, ecosystem: "PyPI",
                                              fixedVersions: upgrade.map { [$0] } ?? vulnerability.fixedVersions, advisoryPublished: vulnerability.published)
                output.findings.append(finding)
            }
        }
        if !skipped.isEmpty {
            output.diagnostics.append(Diagnostic(
                options.allowSkips ? .warning : .error, code: "unchecked-packages",
                message: "\(skipped.count) package(s) could not be checked: \(skipped.prefix(10).joined(separator: "; "))" + (options.allowSkips ? "" : " (pass --allow-skips to accept)"),
                scanner: id
            ))
        }
        return output
    }
}

extension DepsScanner {
    /// The manifests of a file walk, those it passed over included (over `max_file_size`,
    /// symlinks): a manifest is read within the deps scanner's own caps and inside the
    /// repository, or reported as not read, never skipped in silence.
    public func manifests(files: [SourceFile], passedOver: [PassedOverFile]) -> [SourceFile] {
        files.filter(wants) + passedOver.map(\.file).filter(wants)
    }

    /// The dependencies the manifests declare and the lockfiles and environments pin.
    public static func collect(root: String, manifests: [SourceFile], options: DepsOptions) -> (dependencies: [Dependency], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var dependencies: [Dependency] = []
        var seen = Set<String>()
        var requirementsRead = Set<String>()
        // Folders with a lockfile: their declared ranges are resolved by the lockfile.
        let lockedFolders = Set(manifests.filter { Manifests.isLockfile($0.name) }.map { Self.folder($0.path) })
        for manifest in manifests.sorted(by: { $0.path < $1.path }) {
            let parsed: (dependencies: [Dependency], diagnostics: [Diagnostic])
            if Manifests.kind(of: manifest.name) != nil {
                let result = Manifests.parse(root: root, path: manifest.path)
                parsed = (result.dependencies, result.diagnostics)
            } else {
                let result = RequirementsFile.parse(root: root, path: manifest.path, kind: manifest.name.lowercased().hasPrefix("constraints") ? .constraint : .requirement,
                                                    alreadyRead: &requirementsRead)
                parsed = (result.dependencies, result.diagnostics)
            }
            diagnostics += parsed.diagnostics.map { diagnostic in
                var d = diagnostic
                if d.level == .error && options.allowSkips { d.level = .warning }
                return d
            }
            for dependency in parsed.dependencies where seen.insert("\(dependency.file):\(dependency.line):\(dependency.normalizedName)").inserted {
                if dependency.version == nil && dependency.kind == .requirement && lockedFolders.contains(Self.folder(dependency.file)) { continue }
                dependencies.append(dependency)
            }
        }
        for sitePackages in options.sitePackages {
            let result = Manifests.installed(sitePackages: sitePackages)
            diagnostics += result.diagnostics
            dependencies += result.dependencies
        }
        return (dependencies, diagnostics)
    }

    static func folder(_ path: String) -> String {
        path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : ""
    }

    /// The `site-packages` folders of a Python interpreter.
    public static func sitePackages(of python: String) -> [String]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import site, json; print(json.dumps(site.getsitepackages() + [site.getusersitepackages()]))"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let paths = try? JSONSerialization.jsonObject(with: data) as? [String] else { return nil }
        return paths.filter { FileManager.default.fileExists(atPath: $0) }
    }
}

extension DepsScanner {
    /// `--resolve-ranges`: the advisories that affect some version an unpinned range admits, at
    /// medium confidence (the installed version may be a safe one).
    func rangeFindings(_ dependency: Dependency, location: Location, compiled: [CompiledAdvisory]) -> [Finding] {
        let (examples, vulnerabilities) = VulnerabilityMatcher.vulnerabilities(package: dependency.normalizedName, admittedBy: dependency.specifier, compiled: compiled)
        let range = dependency.specifier.isEmpty ? "any version" : dependency.specifier.description
        return vulnerabilities.map { vulnerability in
            let example = vulnerability.aliases.compactMap { examples[$0] }.max { PackageVersion($0) < PackageVersion($1) } ?? "?"
            var finding = Finding(rule: Self.vulnerable, location: location,
                                  message: "\(vulnerability.id) in \(dependency.normalizedName) \(range): the range admits affected versions, up to \(example)"
                                    + (vulnerability.fixedVersions.isEmpty ? "" : "; fixed in \(vulnerability.fixedVersions.joined(separator: ", "))"))
            finding.ruleId = RuleID(scanner: "deps", code: vulnerability.id)
            finding.title = "\(vulnerability.id) in \(dependency.normalizedName) \(range)"
            finding.severity = vulnerability.severity
            finding.confidence = .medium
            finding.tags = ["dependency", Self.vulnerable.id.rawValue, "range"] + vulnerability.aliases.filter { $0 != vulnerability.id }
            finding.component = Component(name: dependency.normalizedName, version: nil, ecosystem: "PyPI", fixedVersions: vulnerability.fixedVersions,
                                          advisoryPublished: vulnerability.published)
            return finding
        }
    }
}

/// Settings of the deps scanner (`deps:` in `.rampart.yml`, `rampart deps` flags).
public struct DepsOptions: Sendable {
    /// The SQLite advisory database (`rampart db import` writes it).
    public var databasePath = AdvisoryDatabase.defaultPath
    /// OSV JSON (a file or folder) read directly instead of the database.
    public var advisoriesPath: String?
    public var maxAgeDays = 7
    public var allowStale = false
    public var allowSkips = false
    /// Installed environments to check (`site-packages` folders), from `--python` or `--site-packages`.
    public var sitePackages: [String] = []
    /// Match unpinned ranges against the advisories of every version they admit.
    public var resolveRanges = false

    public init() {}
}

/// Where advisories come from for one scan: the database, or OSV JSON read directly.
struct AdvisorySource {
    let database: AdvisoryDatabase?
    let byPackage: [String: [OSVRecord]]
    let ageDays: Double?

    static func open(_ options: DepsOptions) throws -> AdvisorySource {
        if let path = options.advisoriesPath {
            let records = try OSVLoader.load(path: path)
            var byPackage: [String: [OSVRecord]] = [:]
            for record in records { for package in record.pypiPackages { byPackage[package, default: []].append(record) } }
            // A file's age is its newest record's modification date.
            let newest = records.compactMap { $0.modified.flatMap(Self.date) }.max()
            return AdvisorySource(database: nil, byPackage: byPackage, ageDays: newest.map { Date().timeIntervalSince($0) / 86_400 })
        }
        let database = try AdvisoryDatabase(path: options.databasePath)
        let status = try database.status()
        guard status.records > 0 else { throw AdvisoryDatabase.Failure(description: "the advisory database at \(options.databasePath) is empty") }
        return AdvisorySource(database: database, byPackage: [:], ageDays: status.importedAt.map { Date().timeIntervalSince($0) / 86_400 })
    }

    /// The advisories of each package, ready to match; full records load on demand.
    func compiled(for names: Set<String>) throws -> [String: [CompiledAdvisory]] {
        if let database {
            return try database.index(for: names).mapValues { entries in
                entries.map { entry in CompiledAdvisory(entry: entry) { database.record(id: entry.id) } }
            }
        }
        var result: [String: [CompiledAdvisory]] = [:]
        for name in names { result[name] = (byPackage[name] ?? []).map { CompiledAdvisory($0, package: name) } }
        return result
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text)
    }
}
