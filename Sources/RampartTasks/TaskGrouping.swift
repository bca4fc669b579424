import RampartCore

/// Findings into tasks: one per rule and component.
public enum TaskGrouping {
    /// The rule vulnerable packages are grouped under: one task per package, whatever the advisories.
    public static let vulnerableDependency = "vulnerable-dependency"

    /// What a task is about: the file of a code finding, the package of a dependency, the site
    /// (scheme, host, port) of a web finding, the target of a host control.
    public static func component(of finding: Finding) -> String {
        if let component = finding.component { return component.name }
        switch finding.location {
        case .source(let source): return source.path
        case .web(let web): return site(of: web.url)
        case .host(let host): return host.host
        }
    }

    /// The rule a finding is grouped under.
    public static func rule(of finding: Finding) -> RuleID {
        if isVulnerability(finding) { return RuleID(scanner: finding.scanner, code: vulnerableDependency) }
        return finding.ruleId
    }

    /// The tasks for `findings` (already filtered to those that gate), most severe first.
    /// `docs` gives a rule's documentation page; `reproduce` a command that shows a task's findings.
    public static func tasks(
        for findings: [Finding],
        docs: (RuleID) -> String?,
        reproduce: (SecurityTask) -> String? = { _ in nil }
    ) -> [SecurityTask] {
        var order: [String] = []
        var groups: [String: SecurityTask] = [:]
        for finding in findings {
            let rule = rule(of: finding)
            let component = component(of: finding)
            let key = SecurityTask.keyPrefix + Fingerprint.sha256Hex("rampart-task\u{0}\(finding.scanner)\u{0}\(rule)\u{0}\(component)", bytes: 6)
            if groups[key] == nil {
                order.append(key)
                let grouped = isVulnerability(finding)
                groups[key] = SecurityTask(
                    key: key, scanner: finding.scanner, ruleId: rule,
                    ruleTitle: grouped ? "Dependency with known vulnerabilities" : finding.title,
                    component: component, severity: finding.severity, findings: [],
                    docsURL: grouped ? docs(rule) : (docs(rule) ?? finding.helpUri)
                )
            }
            groups[key]?.findings.append(finding)
            if let severity = groups[key]?.severity, finding.severity > severity { groups[key]?.severity = finding.severity }
        }
        return order.compactMap { key in
            guard var task = groups[key] else { return nil }
            task.findings.sort { (Self.sortKey($0), $0.fingerprint) < (Self.sortKey($1), $1.fingerprint) }
            task.reproduce = reproduce(task)
            return task
        }.sorted { ($1.severity, $0.key) < ($0.severity, $1.key) }
    }

    /// An advisory about a package version (Rampart's deps scanner, pip-audit, OSV-Scanner, Trivy).
    static func isVulnerability(_ finding: Finding) -> Bool {
        guard let component = finding.component else { return false }
        if finding.tags.contains(where: { $0.hasSuffix("/" + vulnerableDependency) }) { return true }
        return component.version != nil && finding.ruleId.code != "unpinned-requirement"
    }

    static func site(of url: String) -> String { origin(of: url) ?? url }

    /// Scheme, host and port of a URL (`https://h:8443` of `https://h:8443/a?b`); nil without a scheme.
    static func origin(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        return String(url[..<end])
    }

    static func sortKey(_ finding: Finding) -> String {
        switch finding.location {
        case .source(let source): source.path + "\u{0}" + String(repeating: "0", count: max(0, 9 - String(source.line).count)) + String(source.line)
        case .web, .host: finding.location.display
        }
    }
}
