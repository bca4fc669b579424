import Foundation
import RampartCore
import RampartRegex

/// ZAP baseline's rule configuration (`-c rules.tsv`): `id<TAB>IGNORE|INFO|WARN|FAIL<TAB>name`
/// lines and `id<TAB>OUTOFSCOPE<TAB>url-regex` lines, `#` comments. Spaces in place of tabs are
/// accepted with a warning: a mistake there must never turn a pipeline silently green.
public struct ZAPRuleConfig: Sendable {
    public enum Action: String, Sendable, CaseIterable {
        case ignore = "IGNORE", info = "INFO", warn = "WARN", fail = "FAIL"
    }

    public var actions: [String: Action] = [:]
    /// Rule id (or `*`) and the URLs out of scope for it.
    public var outOfScope: [(rule: String, pattern: ByteRegex)] = []
    public var warnings: [String] = []

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public init() {}

    public static func parse(_ text: String, file: String) throws(Failure) -> ZAPRuleConfig {
        var config = ZAPRuleConfig()
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = String(raw)
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            if fields.count < 2 {
                // ZAP needs tabs; a space-separated line would be ignored there. Read it, and say so.
                fields = trimmed.split(whereSeparator: { $0 == " " }).map(String.init)
                if fields.count >= 2 { config.warnings.append("\(file):\(index + 1): fields separated by spaces, not tabs (ZAP would ignore this line; Rampart reads it)") }
            }
            guard fields.count >= 2 else { throw Failure(description: "\(file):\(index + 1): expected `id<TAB>IGNORE|INFO|WARN|FAIL`, found '\(trimmed.prefix(80))'") }
            let rule = fields[0]
            guard rule == "*" || rule.allSatisfy({ $0.isNumber }) || rule.hasPrefix("rampart-") else {
                throw Failure(description: "\(file):\(index + 1): '\(rule)' is not a rule id")
            }
            let keyword = fields[1].uppercased()
            if keyword == "OUTOFSCOPE" {
                guard fields.count >= 3, !fields[2].isEmpty else { throw Failure(description: "\(file):\(index + 1): OUTOFSCOPE needs a URL regular expression") }
                do {
                    config.outOfScope.append((rule, try ByteRegex(fields[2])))
                } catch {
                    throw Failure(description: "\(file):\(index + 1): \(error)")
                }
            } else if let action = Action(rawValue: keyword) {
                config.actions[rule] = action
            } else {
                throw Failure(description: "\(file):\(index + 1): unknown action '\(fields[1])' (IGNORE, INFO, WARN, FAIL or OUTOFSCOPE)")
            }
        }
        return config
    }

    /// `-g`: every rule at WARN, as ZAP generates it.
    public static func generate(_ rules: [RuleMetadata]) -> String {
        var out = "# zap-baseline rule configuration file (written by rampart web -g)\n# Change WARN to IGNORE to ignore a rule or FAIL to fail if it is found\n# Only the rule identifiers are used - the names are just for information\n"
        for rule in rules { out += "\(rule.id.code)\tWARN\t(\(rule.title))\n" }
        return out
    }

    /// The findings the configuration keeps: IGNOREd rules and out-of-scope instances removed.
    public func apply(_ findings: [Finding]) -> [Finding] {
        findings.compactMap { finding in
            guard finding.ruleId.scanner == "web" else { return finding }
            let code = finding.ruleId.code
            if actions[code] == .ignore { return nil }
            let scopes = outOfScope.filter { $0.rule == "*" || $0.rule == code }
            guard !scopes.isEmpty else { return finding }
            var kept = finding
            kept.instances = finding.instances.filter { instance in !scopes.contains { $0.pattern.matches(instance.url) } }
            guard let first = kept.instances.first else { return nil }
            let count = kept.instances.count
            if case .web(var location) = kept.location {
                if location.site != nil { kept.message = "\(finding.title): \(count) instance\(count == 1 ? "" : "s"), first at \(first.method) \(first.url)" }
                location.url = first.url
                location.method = first.method
                location.parameter = first.parameter
                location.evidence = first.evidence
                kept.location = .web(location)
            }
            return kept
        }
    }

    /// ZAP's exit code: 1 when a FAIL rule fired, 2 when only WARN rules did (0 with `-I`), 0 else.
    /// Rules the file does not list count as WARN, as in ZAP.
    public func exitCode(for findings: [Finding], ignoreWarnings: Bool) -> Int32 {
        let fired = findings.filter { $0.ruleId.scanner == "web" && !$0.isSuppressed }.map { actions[$0.ruleId.code] ?? .warn }
        if fired.contains(.fail) { return 1 }
        if fired.contains(.warn) && !ignoreWarnings { return 2 }
        return 0
    }
}

/// ZAP's "traditional JSON" report (`-J`), the structure its consumers read.
public enum ZAPJSONReport {
    /// `http://host:8080/a/b` → `http://host:8080`, as ZAP names a site.
    static func siteName(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        return String(url[..<schemeEnd.upperBound]) + rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    }

    public static func render(_ findings: [Finding], generated: Date = Date()) -> String {
        var sites: [String: [JSONValue]] = [:]
        var order: [String] = []
        // ZAP lists one alert per rule and site: the findings of one active rule at several
        // injection points are its instances.
        var merged: [(site: String, finding: Finding, instances: [WebLocation])] = []
        var index: [String: Int] = [:]
        for finding in findings where finding.ruleId.scanner == "web" {
            guard case .web(let location) = finding.location else { continue }
            let site = location.site.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? siteName(of: location.url)
            let key = site + "\u{0}" + finding.ruleId.rawValue
            let instances = finding.instances.isEmpty ? [location] : finding.instances
            if let at = index[key] {
                merged[at].instances += instances
            } else {
                index[key] = merged.count
                merged.append((site, finding, instances))
            }
        }
        for (site, finding, locations) in merged {
            if sites[site] == nil { order.append(site); sites[site] = [] }
            let risk: (code: String, name: String) = switch finding.severity {
            case .critical, .high: ("3", "High")
            case .medium: ("2", "Medium")
            case .low: ("1", "Low")
            case .info: ("0", "Informational")
            }
            let confidence: (code: String, name: String) = switch finding.confidence {
            case .high: ("3", "High")
            case .medium: ("2", "Medium")
            case .low: ("1", "Low")
            }
            let active = finding.tags.contains("active")
            let instances = locations.map { instance in
                JSONValue.object([
                    ("uri", .string(instance.url)), ("method", .string(instance.method)), ("param", .string(instance.parameter ?? "")),
                    ("attack", .string(active ? attack(in: instance) : "")), ("evidence", .string(instance.evidence ?? "")), ("otherinfo", .string("")),
                ])
            }
            let code = finding.ruleId.code
            sites[site]?.append(.object([
                ("pluginid", .string(code)), ("alertRef", .string(code)), ("alert", .string(finding.title)), ("name", .string(finding.title)),
                ("riskcode", .string(risk.code)), ("confidence", .string(confidence.code)),
                ("riskdesc", .string("\(risk.name) (\(confidence.name))")), ("desc", .string("<p>\(escape(finding.message))</p>")),
                ("instances", .array(instances)), ("count", .string(String(instances.count))),
                ("solution", .string("")), ("otherinfo", .string("")), ("reference", .string(finding.helpUri ?? "")),
                ("cweid", .string(finding.cwe.first.map(String.init) ?? "-1")), ("wascid", .string("-1")), ("sourceid", .string("3")),
            ]))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss"
        let siteValues: [JSONValue] = order.map { site in
            let url = URL(string: site)
            let ssl = url?.scheme == "https"
            return .object([
                ("@name", .string(site)), ("@host", .string(url?.host ?? "")),
                ("@port", .string(String(url?.port ?? (ssl ? 443 : 80)))), ("@ssl", .string(ssl ? "true" : "false")),
                ("alerts", .array(sites[site] ?? [])),
            ])
        }
        return JSONValue.object([
            ("@programName", .string("ZAP")), ("@version", .string("rampart-\(RampartVersion.current)")),
            ("@generated", .string(formatter.string(from: generated))), ("site", .array(siteValues)),
        ]).serialized(pretty: true) + "\n"
    }

    /// An active finding's payload: the probed parameter's value in the instance's URL.
    static func attack(in instance: WebLocation) -> String {
        guard let parameter = instance.parameter, let query = URLComponents(string: instance.url)?.percentEncodedQuery else { return "" }
        return FormEncoding.decode(query).first { $0.name == parameter }?.value ?? ""
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// ZAP baseline's console summary, for pipelines that read it: one line per rule
/// (`PASS: …`, `WARN-NEW: Title [id] x count` with up to five URLs), then the totals line
/// `FAIL-NEW: n  FAIL-INPROG: 0  WARN-NEW: n  WARN-INPROG: 0  INFO: n  IGNORE: n  PASS: n`.
public enum ZAPConsoleSummary {
    /// With `errors` (the scan did not happen, or a budget cut it short) no rule is said to
    /// pass: what was not checked did not pass.
    public static func render(_ findings: [Finding], rules: [RuleMetadata], config: ZAPRuleConfig, errors: [String] = []) -> String {
        var fired: [String: [Finding]] = [:]
        for finding in findings where finding.ruleId.scanner == "web" && !finding.isSuppressed { fired[finding.ruleId.code, default: []].append(finding) }
        var out = ""
        var counts: [ZAPRuleConfig.Action: Int] = [:]
        var passes = 0
        for rule in rules {
            let code = rule.id.code
            let action = config.actions[code] ?? .warn
            if action == .ignore {
                counts[.ignore, default: 0] += 1
                continue
            }
            guard let found = fired[code] else {
                if errors.isEmpty {
                    passes += 1
                    out += "PASS: \(rule.title) [\(code)]\n"
                }
                continue
            }
            counts[action, default: 0] += 1
            let label = action == .info ? "INFO" : "\(action.rawValue)-NEW"
            let urls = found.flatMap { finding in finding.instances.isEmpty ? [finding.location.display] : finding.instances.map { "\($0.method) \($0.url)" } }
            out += "\(label): \(rule.title) [\(code)] x \(max(1, urls.count))\n"
            for url in urls.prefix(5) { out += "\t\(url)\n" }
        }
        for error in errors { out += "ERROR: \(error)\n" }
        out += "FAIL-NEW: \(counts[.fail] ?? 0)\tFAIL-INPROG: 0\tWARN-NEW: \(counts[.warn] ?? 0)\tWARN-INPROG: 0\tINFO: \(counts[.info] ?? 0)\tIGNORE: \(counts[.ignore] ?? 0)\tPASS: \(passes)\n"
        return out
    }
}
