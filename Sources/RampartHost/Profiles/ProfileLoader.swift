import Foundation
import RampartCore
import RampartRegex

/// Profiles as code: the YAML format of `docs/host-profiles.md`.
///
/// ```yaml
/// name: corp-linux
/// title: Our Linux baseline
/// extends: [linux-baseline]        # built-in or loaded profiles whose controls this one keeps
/// skip: [os-14]                    # controls of the extended profiles left out
/// controls:
///   - id: corp-01
///     title: Legal banner
///     impact: 0.3
///     desc: …
///     only_if: [{package: openssh-server, installed: true}]
///     checks:
///       - file: /etc/issue.net
///         exists: true
///         mode: {not_more_permissive_than: "0644"}
///         owner: root
/// ```
/// A control whose id is an extended profile's replaces it.
public enum ProfileLoader {
    public static func load(yaml: String, file: String, builtIn: [Profile]) throws(ConfigurationError) -> Profile {
        let root = try ConfigNode.parse(yaml: yaml, file: file)
        let reader = NodeReader(file: file)
        var name = (file as NSString).lastPathComponent
        if let dot = name.lastIndex(of: ".") { name = String(name[..<dot]) }
        var title = name
        var version = "1.0.0"
        var extended: [Control] = []
        var skipped: Set<String> = []
        var own: [Control] = []
        for entry in try reader.mapping(root, key: nil) {
            switch entry.key {
            case "name": name = try reader.string(entry.value, key: "name")
            case "title": title = try reader.string(entry.value, key: "title")
            case "version": version = try reader.string(entry.value, key: "version")
            case "extends":
                for base in try reader.strings(entry.value, key: "extends") {
                    guard let profile = builtIn.first(where: { $0.name == base }) else {
                        throw reader.error(entry.value, key: "extends", "no profile named '\(base)'; built in: \(builtIn.map(\.name).joined(separator: ", "))")
                    }
                    extended += profile.controls
                }
            case "skip": skipped = Set(try reader.strings(entry.value, key: "skip"))
            case "controls":
                guard case .sequence(let items, _) = entry.value else { throw reader.error(entry.value, key: "controls", "expected a list of controls") }
                for item in items { own.append(try control(item, reader: reader)) }
            default:
                throw reader.error(entry.value, key: entry.key, "unknown key; a profile has name, title, version, extends, skip, controls")
            }
        }
        let ownIDs = Set(own.map(\.id))
        let controls = extended.filter { !skipped.contains($0.id) && !ownIDs.contains($0.id) } + own
        return Profile(name: name, title: title, version: version, controls: controls)
    }

    static func control(_ node: ConfigNode, reader: NodeReader) throws(ConfigurationError) -> Control {
        var id: String?
        var title = ""
        var impact = 0.5
        var description = ""
        var tags: [String] = []
        var references: [String] = []
        var onlyIf: [Check] = []
        var checks: [Check] = []
        var live = false
        for entry in try reader.mapping(node, key: "controls") {
            let key = "controls.\(entry.key)"
            switch entry.key {
            case "id": id = try reader.string(entry.value, key: key)
            case "title": title = try reader.string(entry.value, key: key)
            case "impact":
                impact = try reader.number(entry.value, key: key)
                guard (0...1).contains(impact) else { throw reader.error(entry.value, key: key, "impact is between 0.0 and 1.0") }
            case "desc", "description": description = try reader.string(entry.value, key: key)
            case "tags": tags = try reader.strings(entry.value, key: key)
            case "refs", "references": references = try reader.strings(entry.value, key: key)
            case "live": live = try reader.bool(entry.value, key: key)
            case "only_if": onlyIf = try checkList(entry.value, key: key, reader: reader)
            case "checks": checks = try checkList(entry.value, key: key, reader: reader)
            default:
                throw reader.error(entry.value, key: key, "unknown key; a control has id, title, impact, desc, tags, refs, live, only_if, checks")
            }
        }
        guard let id, !id.isEmpty else { throw reader.error(node, key: "controls", "a control needs an id") }
        guard !checks.isEmpty else { throw reader.error(node, key: "controls.\(id)", "control \(id) has no checks") }
        let needsLive = live || (onlyIf + checks).contains { check in
            if case .expect(let query, _) = check { return HostFacts.liveOnlyProperties.contains("\(query.resource).\(query.property)") }
            return false
        }
        return Control(id: id, title: title.isEmpty ? id : title, impact: impact, description: description, tags: tags, references: references,
                       onlyIf: onlyIf, checks: checks, needsLiveSystem: needsLive)
    }

    static func checkList(_ node: ConfigNode, key: String, reader: NodeReader) throws(ConfigurationError) -> [Check] {
        guard case .sequence(let items, _) = node else { throw reader.error(node, key: key, "expected a list of checks") }
        var checks: [Check] = []
        for item in items { checks += try check(item, key: key, reader: reader) }
        return checks
    }

    /// `{file: /etc/shadow, owner: root, mode: {not_more_permissive_than: "0640"}}`: one check
    /// per property.
    static func check(_ node: ConfigNode, key: String, reader: NodeReader) throws(ConfigurationError) -> [Check] {
        let entries = try reader.mapping(node, key: key)
        guard let resourceEntry = entries.first(where: { HostFacts.schema[$0.key] != nil }) else {
            throw reader.error(node, key: key, "a check names one resource: \(HostFacts.schema.keys.sorted().joined(separator: ", "))")
        }
        let resource = resourceEntry.key
        let argument = try reader.string(resourceEntry.value, key: "\(key).\(resource)")
        let properties = HostFacts.schema[resource] ?? []
        var checks: [Check] = []
        for entry in entries where entry.key != resource {
            guard properties.contains(entry.key) else {
                throw reader.error(entry.value, key: "\(key).\(entry.key)", "\(resource) has no property '\(entry.key)'; it has \(properties.sorted().joined(separator: ", "))")
            }
            let query = FactQuery(resource, argument, entry.key)
            checks.append(.expect(query, try matcher(entry.value, key: "\(key).\(entry.key)", property: entry.key, reader: reader)))
        }
        guard !checks.isEmpty else { throw reader.error(node, key: key, "the \(resource) check says nothing to expect") }
        return checks
    }

    /// A scalar is `eq` (`exists: true` is `exist`); a mapping names its matcher.
    static func matcher(_ node: ConfigNode, key: String, property: String, reader: NodeReader) throws(ConfigurationError) -> Matcher {
        if case .scalar(let text, _) = node {
            if property == "exists" || property == "installed" || property == "enabled" || property == "running" || property == "loaded" || property == "masked" || property == "disabled" || property == "mounted" {
                let wanted = try reader.bool(node, key: key)
                return .eq(wanted ? "true" : "false")
            }
            return .eq(text)
        }
        if case .sequence = node { return .sameSet(try reader.strings(node, key: key)) }
        let entries = try reader.mapping(node, key: key)
        guard entries.count == 1, let entry = entries.first else { throw reader.error(node, key: key, "a matcher is one of eq, cmp, match, in, include, set, empty, not_more_permissive_than, not") }
        let value = entry.value
        switch entry.key {
        case "eq": return .eq(try reader.string(value, key: key))
        case "cmp":
            let text = try reader.string(value, key: key).trimmingWhitespace()
            for op in Matcher.ComparisonOperator.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count }) where text.hasPrefix(op.rawValue) {
                return .cmp(op, String(text.dropFirst(op.rawValue.count)).trimmingWhitespace())
            }
            return .cmp(.equal, text)
        case "match":
            let pattern = try reader.string(value, key: key)
            do {
                _ = try ByteRegex(pattern)
            } catch {
                throw reader.error(value, key: key, "invalid regular expression: \(error)")
            }
            return .match(pattern)
        case "in": return .oneOf(try reader.strings(value, key: key))
        case "include": return .include(try reader.string(value, key: key))
        case "set": return .sameSet(try reader.strings(value, key: key))
        case "empty": return try reader.bool(value, key: key) ? .isEmpty : .not(.isEmpty)
        case "not_more_permissive_than":
            let text = try reader.string(value, key: key)
            guard let mask = UInt32(text, radix: 8), mask <= 0o7777 else { throw reader.error(value, key: key, "expected an octal mode such as 0640") }
            return .notMorePermissiveThan(mask)
        case "not": return .not(try matcher(value, key: key, property: property, reader: reader))
        default:
            throw reader.error(value, key: key, "unknown matcher '\(entry.key)': eq, cmp, match, in, include, set, empty, not_more_permissive_than, not")
        }
    }
}

/// Waivers as YAML: a list of `{control, reason, expires}` (or a `waivers:` key holding it).
public enum WaiverLoader {
    public static func load(yaml: String, file: String) throws(ConfigurationError) -> [Waiver] {
        let reader = NodeReader(file: file)
        var node = try ConfigNode.parse(yaml: yaml, file: file)
        if case .mapping(let pairs, _) = node, let list = pairs.first(where: { $0.key == "waivers" })?.value { node = list }
        guard case .sequence(let items, _) = node else { throw reader.error(node, key: "waivers", "expected a list of {control, reason, expires}") }
        var waivers: [Waiver] = []
        for item in items {
            var control: String?, reason: String?, expires: String?
            for entry in try reader.mapping(item, key: "waivers") {
                switch entry.key {
                case "control", "id": control = try reader.string(entry.value, key: "waivers.control")
                case "reason", "justification": reason = try reader.string(entry.value, key: "waivers.reason")
                case "expires", "expiration_date":
                    let text = try reader.string(entry.value, key: "waivers.expires")
                    guard text.count == 10, text.split(separator: "-").count == 3, text.split(separator: "-").allSatisfy({ $0.allSatisfy(\.isNumber) }) else {
                        throw reader.error(entry.value, key: "waivers.expires", "expected a date YYYY-MM-DD")
                    }
                    expires = text
                default: throw reader.error(entry.value, key: "waivers.\(entry.key)", "unknown key; a waiver has control, reason, expires")
                }
            }
            guard let control else { throw reader.error(item, key: "waivers", "a waiver needs a control") }
            guard let reason, !reason.isEmpty else { throw reader.error(item, key: "waivers", "the waiver of \(control) needs a reason") }
            waivers.append(Waiver(control: control, reason: reason, expires: expires))
        }
        return waivers
    }
}
