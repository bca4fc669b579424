import RampartCore

/// pip's requirements and constraints files: `-r`/`-c` includes (relative to the including
/// file), options, environment markers, extras, `--hash` options, URLs and VCS references,
/// editable installs, `\` continuations and comments.
public enum RequirementsFile {
    public struct Result: Sendable {
        public var dependencies: [Dependency] = []
        public var diagnostics: [Diagnostic] = []
        /// Files read, includes too (relative to the scan root).
        public var files: [String] = []
    }

    /// Reads `path` (relative to `root`) and what it includes. Includes resolve inside `root`
    /// (a repository's `-r ~/.aws/credentials` is refused, never read); each file is read once,
    /// however many files include it.
    public static func parse(root: String, path: String, kind: Dependency.Kind = .requirement) -> Result {
        var read = Set<String>()
        return parse(root: root, path: path, kind: kind, alreadyRead: &read)
    }

    /// As `parse(root:path:kind:)`, skipping files in `alreadyRead` (read as includes of an
    /// earlier manifest: their requirements are already reported) and adding those it reads.
    public static func parse(root: String, path: String, kind: Dependency.Kind, alreadyRead: inout Set<String>) -> Result {
        var result = Result()
        let confined = ConfinedRoot(root)
        var stack = Set<String>()
        read(confined, path: path, written: path, kind: kind, depth: 0, stack: &stack, done: &alreadyRead, into: &result, includedFrom: nil)
        return result
    }

    /// Parses a file's text directly (tests, stdin); includes are resolved against `root`.
    public static func parse(text: String, path: String, root: String, kind: Dependency.Kind = .requirement) -> Result {
        var result = Result()
        let confined = ConfinedRoot(root)
        var stack: Set<String> = [path]
        var done: Set<String> = ["\(kind)\u{0}\(path)"]
        parseText(text, confined: confined, path: path, kind: kind, depth: 0, stack: &stack, done: &done, into: &result)
        return result
    }

    static let maxDepth = 20

    /// Reads one file: `written` is the path as the including file wrote it (or the manifest's
    /// own path), resolved inside the root.
    private static func read(_ confined: ConfinedRoot, path written: String, written display: String, kind: Dependency.Kind, depth: Int,
                             stack: inout Set<String>, done: inout Set<String>, into result: inout Result, includedFrom: (path: String, line: Int)?) {
        let folder = includedFrom.map { $0.path.contains("/") ? String($0.path[..<($0.path.lastIndex(of: "/") ?? $0.path.endIndex)]) : "" } ?? ""
        let diagnosticPath = includedFrom?.path ?? written
        let diagnosticLine = includedFrom?.line
        let path: String
        do {
            path = confined.relative(try confined.resolve(written, relativeTo: folder))
        } catch {
            result.diagnostics.append(Diagnostic(.error, code: includedFrom == nil ? "unreadable" : "include-refused",
                                                 message: "\(includedFrom == nil ? "" : "include ")\(error.description)", scanner: "deps", path: diagnosticPath, line: diagnosticLine))
            return
        }
        guard !stack.contains(path) else {
            result.diagnostics.append(Diagnostic(.warning, code: "include-loop", message: "\(TextEscaping.escape(path)) includes itself (directly or through other files); read once", scanner: "deps", path: path))
            return
        }
        guard depth <= maxDepth else {
            result.diagnostics.append(Diagnostic(.error, code: "include-depth", message: "includes nested more than \(maxDepth) deep; not read", scanner: "deps", path: path))
            return
        }
        // A file included from several places (a DAG of includes) says the same each time.
        guard done.insert("\(kind)\u{0}\(path)").inserted else { return }
        let bytes: [UInt8]
        do {
            bytes = try confined.read(path, limit: 16 << 20)
        } catch {
            result.diagnostics.append(Diagnostic(.error, code: includedFrom == nil ? "unreadable" : "missing-include",
                                                 message: "cannot read \(error.description)", scanner: "deps", path: diagnosticPath, line: diagnosticLine))
            return
        }
        stack.insert(path)
        result.files.append(path)
        parseText(String(decoding: bytes, as: UTF8.self), confined: confined, path: path, kind: kind, depth: depth, stack: &stack, done: &done, into: &result)
        stack.remove(path)
    }

    private static func parseText(_ text: String, confined: ConfinedRoot, path: String, kind: Dependency.Kind, depth: Int,
                                  stack: inout Set<String>, done: inout Set<String>, into result: inout Result) {
        for (lineNumber, logical) in logicalLines(text) {
            var words = tokens(logical)
            guard let first = words.first else { continue }
            // Includes.
            if let (option, value) = optionValue(words, ["-r", "--requirement", "-c", "--constraint"]) {
                guard let value else {
                    result.diagnostics.append(Diagnostic(.warning, code: "requirements-syntax", message: "\(option) needs a file", scanner: "deps", path: path, line: lineNumber))
                    continue
                }
                if value.contains("://") {
                    result.diagnostics.append(Diagnostic(.error, code: "remote-include", message: "\(TextEscaping.escape(String(value.prefix(200)))) is a URL; remote includes are not fetched, so what it pins is not checked",
                                                         scanner: "deps", path: path, line: lineNumber))
                    continue
                }
                let includeKind: Dependency.Kind = option == "-c" || option == "--constraint" ? .constraint : kind
                read(confined, path: value, written: value, kind: includeKind, depth: depth + 1, stack: &stack, done: &done, into: &result, includedFrom: (path, lineNumber))
                continue
            }
            var editable = false
            if first == "-e" || first == "--editable" {
                editable = true
                words.removeFirst()
            } else if first.hasPrefix("--editable=") {
                editable = true
                words[0] = String(first.dropFirst("--editable=".count))
            } else if first.hasPrefix("-") {
                // Index and build options (`--index-url`, `--no-binary`, `--pre`, …) say nothing about versions.
                continue
            }
            // The requirement runs up to the first option; `--hash` options follow it.
            var hashes: [String] = []
            var requirementWords: [String] = []
            var index = 0
            while index < words.count {
                let word = words[index]
                if word.hasPrefix("--hash=") {
                    hashes.append(String(word.dropFirst("--hash=".count)))
                } else if word == "--hash", index + 1 < words.count {
                    hashes.append(words[index + 1])
                    index += 1
                } else if word.hasPrefix("-") && !requirementWords.isEmpty {
                    // Per-requirement options (`--config-settings`, `--global-option`).
                    if !word.contains("="), index + 1 < words.count, !words[index + 1].hasPrefix("-") { index += 1 }
                } else {
                    requirementWords.append(word)
                }
                index += 1
            }
            let requirementText = requirementWords.joined(separator: " ")
            guard !requirementText.isEmpty else { continue }
            if let dependency = dependency(requirementText, editable: editable, kind: kind, path: path, line: lineNumber) {
                var dependency = dependency
                dependency.hashes = hashes
                result.dependencies.append(dependency)
            } else if let url = urlRequirement(requirementText, editable: editable, kind: kind, path: path, line: lineNumber) {
                result.dependencies.append(url)
            } else if editable || requirementText.hasPrefix(".") || requirementText.hasPrefix("/") {
                // A local project (`-e .`, `./lib`): nothing to look up.
                continue
            } else {
                result.diagnostics.append(Diagnostic(.warning, code: "requirements-syntax", message: "not a requirement: \(Redaction.excerpt(requirementText))", scanner: "deps", path: path, line: lineNumber))
            }
        }
    }

    static func dependency(_ text: String, editable: Bool, kind: Dependency.Kind, path: String, line: Int) -> Dependency? {
        guard let requirement = RequirementString(text) else { return nil }
        var dependency = Dependency(name: requirement.name, extras: requirement.extras, specifier: requirement.specifier,
                                    marker: requirement.marker, url: requirement.url, kind: kind, file: path, line: line)
        dependency.editable = editable
        return dependency
    }

    /// `git+https://…@v1.2#egg=name`, `https://…/name-1.0.tar.gz`: the name from `#egg=` or the
    /// file name; the version from a wheel or sdist file name when it has one.
    static func urlRequirement(_ text: String, editable: Bool, kind: Dependency.Kind, path: String, line: Int) -> Dependency? {
        guard text.contains("://") || text.hasPrefix("git+") || text.hasPrefix("file:") else { return nil }
        let url = String(text.split(separator: " ").first ?? Substring(text))
        var name: String?
        var version: String?
        if let egg = url.range(of: "#egg=") ?? url.range(of: "&egg=") {
            name = String(url[egg.upperBound...].prefix { $0 != "&" && $0 != "#" })
        } else {
            let file = url.split(separator: "/").last.map(String.init) ?? ""
            if file.hasSuffix(".whl") {
                let parts = file.dropLast(4).split(separator: "-")
                if parts.count >= 2 { name = String(parts[0]); version = String(parts[1]) }
            } else if let dash = file.lastIndex(of: "-"), file.hasSuffix(".tar.gz") || file.hasSuffix(".zip") {
                name = String(file[..<dash])
                let rest = file[file.index(after: dash)...]
                version = String(rest.hasSuffix(".tar.gz") ? rest.dropLast(7) : rest.dropLast(4))
            }
        }
        guard let name, !name.isEmpty else { return nil }
        var dependency = Dependency(name: name, version: version.flatMap { PEP440Version($0) != nil ? $0 : nil }, url: url, kind: kind, file: path, line: line)
        dependency.editable = editable
        return dependency
    }

    /// Lines joined across `\` continuations, comments removed, with the number of their first line.
    static func logicalLines(_ text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var current = ""
        var start = 0
        for (index, raw) in SourceText.splitLines(text).enumerated() {
            var line = String(raw)
            if current.isEmpty { start = index + 1 }
            // A comment starts at `#` at the line start or after white space.
            if let hash = commentStart(line) { line = String(line[..<hash]) }
            if line.hasSuffix("\\") {
                current += line.dropLast() + " "
                continue
            }
            current += line
            let trimmed = current.trimmingWhitespace()
            if !trimmed.isEmpty { result.append((start, trimmed)) }
            current = ""
        }
        let trimmed = current.trimmingWhitespace()
        if !trimmed.isEmpty { result.append((start, trimmed)) }
        return result
    }

    static func commentStart(_ line: String) -> String.Index? {
        var previous: Character = " "
        for index in line.indices {
            if line[index] == "#" && (previous == " " || previous == "\t") { return index }
            previous = line[index]
        }
        return nil
    }

    /// White-space separated words; `name >= 1.0` stays one requirement through `requirementWords`.
    static func tokens(_ line: String) -> [String] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    static func optionValue(_ words: [String], _ options: [String]) -> (String, String?)? {
        guard let first = words.first else { return nil }
        for option in options {
            if first == option { return (option, words.count > 1 ? words[1] : nil) }
            if option.hasPrefix("--"), first.hasPrefix(option + "=") { return (option, String(first.dropFirst(option.count + 1))) }
            if !option.hasPrefix("--"), first.hasPrefix(option), first.count > option.count { return (option, String(first.dropFirst(option.count))) }
        }
        return nil
    }
}
