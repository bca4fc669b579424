/// A dependency a project declares or pins, with where it was declared.
public struct Dependency: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A requirement (`requirements.txt`, `pyproject.toml`, `setup.cfg`).
        case requirement
        /// A constraint (`-c constraints.txt`): limits versions, installs nothing.
        case constraint
        /// A resolved pin from a lockfile or an installed environment.
        case locked
    }

    /// The name as written.
    public var name: String
    public var extras: [String]
    /// The version range, empty when any version goes.
    public var specifier: SpecifierSet
    /// The exact version: from `==X`/`===X`, or a lockfile's or environment's version.
    public var version: String?
    /// PEP 508 environment marker, as written.
    public var marker: String?
    /// A direct URL or VCS reference (`name @ https://…`, `git+https://…`).
    public var url: String?
    public var editable = false
    /// `sha256:…` and the like.
    public var hashes: [String] = []
    public var kind: Kind
    /// File (relative to the scan root) and line of the declaration.
    public var file: String
    public var line: Int
    /// Dependency group (`dev`, an extra, a Poetry group), when the format has one.
    public var group: String?

    public init(name: String, extras: [String] = [], specifier: SpecifierSet = SpecifierSet("")!, version: String? = nil,
                marker: String? = nil, url: String? = nil, kind: Kind, file: String, line: Int, group: String? = nil) {
        self.name = name
        self.extras = extras
        self.specifier = specifier
        self.version = version ?? specifier.pinnedVersion
        self.marker = marker
        self.url = url
        self.kind = kind
        self.file = file
        self.line = line
        self.group = group
    }

    /// PEP 503's normal form: lower case, runs of `-`, `_` and `.` as one `-`.
    public var normalizedName: String { Self.normalize(name) }

    public static func normalize(_ name: String) -> String {
        var out = ""
        var lastWasSeparator = false
        for c in name.lowercased() {
            if c == "-" || c == "_" || c == "." {
                if !lastWasSeparator { out.append("-") }
                lastWasSeparator = true
            } else {
                out.append(c)
                lastWasSeparator = false
            }
        }
        return out
    }

    /// Pinned: one exact version is known.
    public var isPinned: Bool { version != nil }

    /// `pkg:pypi/name@version`.
    public var purl: String {
        "pkg:pypi/\(normalizedName)" + (version.map { "@\($0)" } ?? "")
    }
}

/// A PEP 508 requirement string: `name[extras] (specifier | @ url) ; marker`.
public struct RequirementString: Sendable, Hashable {
    public var name: String
    public var extras: [String]
    public var specifier: SpecifierSet
    public var url: String?
    public var marker: String?

    public init?(_ text: some StringProtocol) {
        var rest = Substring(text.trimmingWhitespace())
        // The marker: after the first `;` (a URL's own `;` needs a space before the marker).
        if let semicolon = rest.firstIndex(of: ";") {
            let marker = rest[rest.index(after: semicolon)...].trimmingWhitespace()
            marker.isEmpty ? () : (self.marker = marker)
            rest = rest[..<semicolon]
        }
        let nameEnd = rest.firstIndex { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") } ?? rest.endIndex
        let name = String(rest[..<nameEnd])
        guard let first = name.first, let last = name.last, first.isLetter || first.isNumber, last.isLetter || last.isNumber,
              name.allSatisfy({ $0.isASCII }) else { return nil }
        self.name = name
        rest = rest[nameEnd...].drop { $0 == " " || $0 == "\t" }
        extras = []
        if rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            extras = rest[rest.index(after: rest.startIndex)..<close].split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            rest = rest[rest.index(after: close)...].drop { $0 == " " || $0 == "\t" }
        }
        if rest.first == "@" {
            let url = rest.dropFirst().trimmingWhitespace()
            guard !url.isEmpty else { return nil }
            self.url = url
            specifier = SpecifierSet("")!
            return
        }
        var spec = rest.trimmingWhitespace()
        if spec.hasPrefix("(") && spec.hasSuffix(")") { spec = String(spec.dropFirst().dropLast()) }
        guard let parsed = SpecifierSet(spec) else { return nil }
        specifier = parsed
    }
}
