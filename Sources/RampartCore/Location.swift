/// Where a finding is: a range of a file, an HTTP exchange, or a resource on a host.
public enum Location: Sendable, Hashable {
    case source(SourceLocation)
    case web(WebLocation)
    case host(HostLocation)

    /// The file path for source findings, used to group and filter.
    public var path: String? {
        if case .source(let source) = self { return source.path }
        return nil
    }

    /// A short human form: `app/db.py:12:5`, `GET https://…/login [q]`, `web01: sshd-07 /etc/ssh/sshd_config`.
    public var display: String {
        switch self {
        case .source(let s): "\(s.path):\(s.line):\(s.column)"
        case .web(let w): "\(w.method) \(w.url)" + (w.parameter.map { " [\($0)]" } ?? "")
        case .host(let h): "\(h.host): \(h.control)" + (h.resource.map { " \($0)" } ?? "")
        }
    }
}

/// A range in a file, relative to the scan root. Lines and columns start at 1; columns count UTF-8 bytes plus one.
public struct SourceLocation: Sendable, Hashable {
    public var path: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// The source text of the lines the finding covers; the engine fills it when a scanner leaves it empty.
    public var snippet: String?

    public init(path: String, line: Int, column: Int = 1, endLine: Int? = nil, endColumn: Int? = nil, snippet: String? = nil) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
        self.endLine = max(self.line, endLine ?? line)
        self.endColumn = max(1, endColumn ?? column)
        self.snippet = snippet
    }
}

/// An HTTP exchange found by a dynamic scan.
public struct WebLocation: Sendable, Hashable {
    public var url: String
    public var method: String
    public var parameter: String?
    /// The part of the response (or request) that shows the issue; redacted when it holds a secret.
    public var evidence: String?
    /// Set when the finding stands for every instance of its rule on a site (ZAP's grouping of
    /// passive alerts): the site (`https://host/`) is then its identity, not the first instance.
    public var site: String?

    public init(url: String, method: String = "GET", parameter: String? = nil, evidence: String? = nil, site: String? = nil) {
        self.url = url
        self.method = method
        self.parameter = parameter
        self.evidence = evidence
        self.site = site
    }
}

/// A compliance control checked on a host, image or directory target.
public struct HostLocation: Sendable, Hashable {
    public var host: String
    public var control: String
    public var resource: String?

    public init(host: String, control: String, resource: String? = nil) {
        self.host = host
        self.control = control
        self.resource = resource
    }
}
