import Foundation
import RampartCore
import TOMLKit

/// The other manifests and lockfiles: `pyproject.toml` (PEP 621, PEP 735, Poetry), `setup.cfg`,
/// `poetry.lock`, `uv.lock`, `pdm.lock`, `Pipfile.lock`, and installed environments.
public enum Manifests {
    public struct Result: Sendable {
        public var dependencies: [Dependency] = []
        public var diagnostics: [Diagnostic] = []
    }

    /// The manifest kind of a file name, or nil.
    public static func kind(of name: String) -> String? {
        switch name.lowercased() {
        case "pyproject.toml", "setup.cfg", "poetry.lock", "uv.lock", "pdm.lock", "pipfile.lock": return name.lowercased()
        default: return nil
        }
    }

    public static func isLockfile(_ name: String) -> Bool {
        ["poetry.lock", "uv.lock", "pdm.lock", "pipfile.lock"].contains(name.lowercased())
    }

    public static func parse(root: String, path: String) -> Result {
        // Inside the repository only (a symlinked lockfile is followed while it stays inside).
        let bytes: [UInt8]
        do {
            bytes = try ConfinedRoot(root).read(path, limit: 64 << 20)
        } catch {
            return Result(diagnostics: [Diagnostic(.error, code: "unreadable-manifest", message: "not checked: \(error.description)", scanner: "deps", path: path)])
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let name = path.split(separator: "/").last.map { $0.lowercased() } ?? path
        switch name {
        case "pipfile.lock": return pipfileLock(text, path: path)
        case "setup.cfg": return setupCfg(text, path: path)
        default: break
        }
        if let problem = TOMLPrecheck.problem(in: text) {
            return Result(diagnostics: [Diagnostic(.error, code: "manifest-syntax", message: "\(TextEscaping.escape(path)) is not valid TOML: \(problem.message)", scanner: "deps", path: path, line: problem.line)])
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return Result(diagnostics: [Diagnostic(.error, code: "manifest-syntax", message: "\(path) is not valid TOML: \(error.description)", scanner: "deps", path: path, line: error.source.begin.line)])
        } catch {
            return Result(diagnostics: [Diagnostic(.error, code: "manifest-syntax", message: "\(path) is not valid TOML", scanner: "deps", path: path)])
        }
        let lines = LineFinder(text)
        switch name {
        case "pyproject.toml": return pyproject(table, lines: lines, path: path)
        default: return tomlLock(table, lines: lines, path: path, format: name)
        }
    }

    // MARK: Lockfiles

    /// `poetry.lock`, `uv.lock` and `pdm.lock`: `[[package]]` tables with `name` and `version`.
    static func tomlLock(_ table: TOMLTable, lines: LineFinder, path: String, format: String) -> Result {
        var result = Result()
        for package in (table["package"]?.array ?? []).compactMap({ $0.table }) {
            guard let name = package["name"]?.string, let version = package["version"]?.string else { continue }
            // uv lists the project itself (editable, virtual or a directory): nothing to look up.
            if let source = package["source"]?.table, source["editable"] != nil || source["virtual"] != nil || source["directory"] != nil { continue }
            var dependency = Dependency(name: name, version: version, kind: .locked, file: path, line: lines.line(ofPackage: name), group: Self.group(package))
            dependency.hashes = Self.hashes(package)
            if let git = package["source"]?.table?["git"]?.string { dependency.url = git }
            result.dependencies.append(dependency)
        }
        return result
    }

    static func group(_ package: TOMLTable) -> String? {
        if let category = package["category"]?.string { return category }
        if let groups = package["groups"]?.array { return groups.compactMap { $0.string }.joined(separator: ",") }
        return nil
    }

    static func hashes(_ package: TOMLTable) -> [String] {
        var hashes: [String] = []
        for file in (package["files"]?.array ?? []).compactMap({ $0.table }) { if let h = file["hash"]?.string { hashes.append(h) } }
        if let sdist = package["sdist"]?.table, let h = sdist["hash"]?.string { hashes.append(h) }
        for wheel in (package["wheels"]?.array ?? []).compactMap({ $0.table }) { if let h = wheel["hash"]?.string { hashes.append(h) } }
        return hashes
    }

    /// `Pipfile.lock`: JSON with `default` and `develop` sections of `"name": {"version": "==1.0"}`.
    static func pipfileLock(_ text: String, path: String) -> Result {
        var result = Result()
        guard let document = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            return Result(diagnostics: [Diagnostic(.error, code: "manifest-syntax", message: "\(path) is not valid JSON", scanner: "deps", path: path)])
        }
        let lines = LineFinder(text)
        for section in ["default", "develop"] {
            for (name, value) in (document[section] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let entry = value as? [String: Any] else { continue }
                let spec = (entry["version"] as? String) ?? ""
                var dependency = Dependency(name: name, specifier: SpecifierSet(spec) ?? SpecifierSet("")!, marker: entry["markers"] as? String,
                                            url: (entry["git"] as? String), kind: .locked, file: path, line: lines.line(ofJSONKey: name), group: section)
                dependency.hashes = entry["hashes"] as? [String] ?? []
                result.dependencies.append(dependency)
            }
        }
        return result
    }

    // MARK: Declarations

    /// PEP 621 `[project]`, PEP 735 `[dependency-groups]`, and Poetry's `[tool.poetry]` tables.
    static func pyproject(_ table: TOMLTable, lines: LineFinder, path: String) -> Result {
        var result = Result()
        func add(_ requirement: String, group: String?) {
            guard let parsed = RequirementString(requirement) else {
                result.diagnostics.append(Diagnostic(.warning, code: "requirements-syntax", message: "not a requirement: \(Redaction.excerpt(requirement))", scanner: "deps", path: path))
                return
            }
            result.dependencies.append(Dependency(name: parsed.name, extras: parsed.extras, specifier: parsed.specifier, marker: parsed.marker,
                                                  url: parsed.url, kind: .requirement, file: path, line: lines.line(containing: requirement), group: group))
        }
        if let project = table["project"]?.table {
            for item in project["dependencies"]?.array ?? [] { if let s = item.string { add(s, group: nil) } }
            if let optional = project["optional-dependencies"]?.table {
                for key in optional.keys { for item in optional[key]?.array ?? [] { if let s = item.string { add(s, group: key) } } }
            }
        }
        if let groups = table["dependency-groups"]?.table {
            for key in groups.keys { for item in groups[key]?.array ?? [] { if let s = item.string { add(s, group: key) } } }
        }
        if let poetry = table["tool"]?.table?["poetry"]?.table {
            var sections: [(String?, TOMLTable)] = []
            if let main = poetry["dependencies"]?.table { sections.append((nil, main)) }
            if let dev = poetry["dev-dependencies"]?.table { sections.append(("dev", dev)) }
            if let groups = poetry["group"]?.table {
                for key in groups.keys { if let deps = groups[key]?.table?["dependencies"]?.table { sections.append((key, deps)) } }
            }
            for (group, deps) in sections {
                for name in deps.keys where name.lowercased() != "python" {
                    let constraint = deps[name]?.string ?? deps[name]?.table?["version"]?.string ?? ""
                    result.dependencies.append(Dependency(name: name, specifier: poetrySpecifier(constraint), kind: .requirement,
                                                          file: path, line: lines.line(ofKey: name), group: group))
                }
            }
        }
        return result
    }

    /// Poetry's constraints: an exact version pins; `^`, `~` and ranges stay unpinned.
    static func poetrySpecifier(_ constraint: String) -> SpecifierSet {
        let trimmed = constraint.trimmingWhitespace()
        if let exact = PEP440Version(trimmed), !trimmed.contains("*") { return SpecifierSet("==\(exact)") ?? SpecifierSet("")! }
        if let set = SpecifierSet(trimmed) { return set }
        return SpecifierSet("")!
    }

    /// `setup.cfg`: `install_requires` under `[options]`, and `[options.extras_require]`.
    static func setupCfg(_ text: String, path: String) -> Result {
        var result = Result()
        var section = ""
        var key: String?
        for (index, raw) in SourceText.splitLines(text).enumerated() {
            let line = String(raw)
            let trimmed = line.trimmingWhitespace()
            if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") {
                section = String(trimmed.dropFirst().dropLast()).lowercased()
                key = nil
                continue
            }
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            let indented = line.first == " " || line.first == "\t"
            var value = trimmed
            if !indented, let equals = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) {
                key = trimmed[..<equals].trimmingWhitespace().lowercased()
                value = trimmed[trimmed.index(after: equals)...].trimmingWhitespace()
            }
            let wanted = (section == "options" && key == "install_requires") || section == "options.extras_require"
            guard wanted, !value.isEmpty, let parsed = RequirementString(value) else { continue }
            result.dependencies.append(Dependency(name: parsed.name, extras: parsed.extras, specifier: parsed.specifier, marker: parsed.marker,
                                                  url: parsed.url, kind: .requirement, file: path, line: index + 1,
                                                  group: section == "options.extras_require" ? key : nil))
        }
        return result
    }

    // MARK: Installed environments

    /// The distributions installed in a `site-packages` folder (`*.dist-info/METADATA`, `*.egg-info/PKG-INFO`).
    public static func installed(sitePackages: String, displayPath: String? = nil) -> Result {
        var result = Result()
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: sitePackages) else {
            return Result(diagnostics: [Diagnostic(.error, code: "unreadable-environment", message: "cannot list \(sitePackages)", scanner: "deps")])
        }
        for entry in entries.sorted() where entry.hasSuffix(".dist-info") || entry.hasSuffix(".egg-info") {
            let metadata = sitePackages + "/" + entry + (entry.hasSuffix(".dist-info") ? "/METADATA" : "/PKG-INFO")
            guard let bytes = try? FileReader.read(metadata, limit: 8 << 20) else { continue }
            var name: String?
            var version: String?
            for line in SourceText.splitLines(String(decoding: bytes, as: UTF8.self)) {
                if line.isEmpty { break }  // headers end at the first blank line
                if line.hasPrefix("Name:") { name = line.dropFirst(5).trimmingWhitespace() }
                if line.hasPrefix("Version:") { version = line.dropFirst(8).trimmingWhitespace() }
            }
            guard let name, let version else { continue }
            result.dependencies.append(Dependency(name: name, version: version, kind: .locked,
                                                  file: (displayPath ?? sitePackages) + "/" + entry, line: 1))
        }
        return result
    }
}

/// Finds the lines of names in a manifest's text (TOML readers give no positions).
final class LineFinder {
    let lines: [Substring]
    /// Where the last search by content ended: entries are looked up in file order, so each
    /// search starts there and the whole file is read about once.
    private var cursor = 0
    /// The first line of each package's `name = "…"` (normalised) and of each quoted JSON key,
    /// indexed once: a lockfile of thousands of packages is looked up in linear time.
    private let packageLines: [String: Int]
    private let jsonKeyLines: [String: Int]

    init(_ text: String) {
        lines = SourceText.splitLines(text)
        var packages: [String: Int] = [:]
        var keys: [String: Int] = [:]
        for (index, row) in lines.enumerated() {
            let t = row.trimmingWhitespace()
            if t.hasPrefix("name") {
                let name = Dependency.normalize(t.drop { $0 != "\"" && $0 != "'" }.trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")))
                if packages[name] == nil { packages[name] = index + 1 }
            }
            if t.hasPrefix("\""), let close = t.dropFirst().firstIndex(of: "\"") {
                let key = String(t[t.index(after: t.startIndex)..<close])
                if keys[key] == nil { keys[key] = index + 1 }
            }
        }
        packageLines = packages
        jsonKeyLines = keys
    }

    func line(where predicate: (Substring) -> Bool) -> Int {
        if let found = lines[min(cursor, lines.count)...].firstIndex(where: predicate) ?? lines[..<min(cursor, lines.count)].firstIndex(where: predicate) {
            cursor = found
            return found + 1
        }
        return 1
    }

    /// `name = "pkg"` in a `[[package]]` table.
    func line(ofPackage name: String) -> Int {
        packageLines[Dependency.normalize(name)] ?? 1
    }

    func line(ofKey key: String) -> Int {
        line { $0.trimmingWhitespace().hasPrefix(key + " ") || $0.trimmingWhitespace().hasPrefix(key + "=") || $0.trimmingWhitespace().hasPrefix("\"\(key)\"") }
    }

    /// The first line holding `"key"` as its first token (Pipfile.lock's package entries).
    func line(ofJSONKey key: String) -> Int { jsonKeyLines[key] ?? line { $0.contains("\"\(key)\"") } }

    func line(containing text: String) -> Int { line { $0.contains(text) } }
}
