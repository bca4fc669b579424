import Foundation
import RampartCore

/// Reads `rampart.yml`. Every mistake is an error naming the file, line and key.
///
/// ```yaml
/// budget: 600                      # seconds, the whole pipeline
/// reports:
///   - {format: sarif, output: reports/rampart.sarif}
/// stages:
///   commit:
///     activities:
///       - sast
///       - secrets: {source: staged}
///     gates:
///       - {name: no new high findings, severity: high}
///   build:
///     activities:
///       - deps: {budget: 60}
///       - sbom: {output: reports/sbom.cdx.json}
/// ```
public enum PipelineLoader {
    public static let defaultFile = "rampart.yml"

    public static func load(path: String, displayName: String? = nil) throws(ConfigurationError) -> Pipeline {
        let name = displayName ?? path
        // The size is checked before reading: a 200 MB rampart.yml is refused, not loaded.
        let data: [UInt8]
        do {
            data = try FileReader.read(path, limit: 4 << 20)
        } catch {
            throw ConfigurationError(file: name, line: 0, column: 0, key: nil, message: "cannot read the pipeline file: \(error)")
        }
        return try parse(yaml: String(decoding: data, as: UTF8.self), file: name)
    }

    public static func parse(yaml: String, file: String) throws(ConfigurationError) -> Pipeline {
        let root = try ConfigNode.parse(yaml: yaml, file: file)
        let reader = NodeReader(file: file)
        var stages: [Pipeline.Stage] = []
        var budget = Duration.seconds(600)
        var reports: [Pipeline.Report] = []
        var tasks: Pipeline.TaskSettings?
        var sawStages = false
        for entry in try reader.mapping(root, key: nil) {
            switch entry.key {
            case "version":
                guard try reader.int(entry.value, key: "version") == 1 else { throw reader.error(entry.value, key: "version", "only version 1 exists") }
            case "budget":
                budget = try seconds(entry.value, key: "budget", reader: reader)
            case "reports":
                reports = try self.reports(entry.value, reader: reader)
            case "tasks":
                tasks = try self.tasks(entry.value, line: entry.keyPosition.line, reader: reader)
            case "stages":
                sawStages = true
                for stage in try reader.mapping(entry.value, key: "stages") {
                    guard let name = Pipeline.StageName(rawValue: stage.key) else {
                        throw ConfigurationError(file: file, line: stage.keyPosition.line, column: stage.keyPosition.column, key: "stages.\(stage.key)",
                                                 message: "unknown stage; stages are \(Pipeline.StageName.allCases.map(\.rawValue).joined(separator: ", ")) (in delivery order)")
                    }
                    stages.append(try self.stage(name, stage.value, line: stage.keyPosition.line, reader: reader))
                }
            default:
                throw ConfigurationError(file: file, line: entry.keyPosition.line, column: entry.keyPosition.column, key: entry.key,
                                         message: "unknown key; a pipeline has version, budget, reports, tasks and stages")
            }
        }
        guard sawStages, !stages.isEmpty else {
            throw ConfigurationError(file: file, line: root.position.line, column: root.position.column, key: "stages", message: "a pipeline needs at least one stage")
        }
        let pipeline = Pipeline(stages: stages, budget: budget, reports: reports, tasks: tasks, file: file)
        var seen: [String: Int] = [:]
        for activity in pipeline.activities {
            if let first = seen[activity.id] {
                throw ConfigurationError(file: file, line: activity.line, column: 0, key: activity.id,
                                         message: "a second activity named '\(activity.id)' (the first is on line \(first)); give one a `name:`")
            }
            seen[activity.id] = activity.line
        }
        for stage in pipeline.stages {
            for gate in stage.gates {
                for id in gate.activities where !stage.activities.contains(where: { $0.id == id }) {
                    throw ConfigurationError(file: file, line: gate.line, column: 0, key: "stages.\(stage.name.rawValue).gates",
                                             message: "gate '\(gate.name)' names '\(id)', which is not an activity of the \(stage.name.rawValue) stage")
                }
            }
        }
        return pipeline
    }

    static func stage(_ name: Pipeline.StageName, _ node: ConfigNode, line: Int, reader: NodeReader) throws(ConfigurationError) -> Pipeline.Stage {
        let key = "stages.\(name.rawValue)"
        var activities: [Activity] = [], gates: [Gate] = []
        for entry in try reader.mapping(node, key: key) {
            switch entry.key {
            case "activities":
                guard case .sequence(let items, _) = entry.value else { throw reader.error(entry.value, key: "\(key).activities", "expected a list of activities") }
                activities = try items.map { item throws(ConfigurationError) in try activity(item, key: "\(key).activities", reader: reader) }
            case "gates":
                guard case .sequence(let items, _) = entry.value else { throw reader.error(entry.value, key: "\(key).gates", "expected a list of gates") }
                gates = try items.map { item throws(ConfigurationError) in try gate(item, key: "\(key).gates", reader: reader) }
            default:
                throw reader.error(entry.value, key: "\(key).\(entry.key)", "unknown key; a stage has activities and gates")
            }
        }
        guard !activities.isEmpty else { throw reader.error(node, key: key, "the stage has no activities") }
        return Pipeline.Stage(name: name, activities: activities, gates: gates, line: line)
    }

    /// `- sast`, or `- web: {target: …, budget: 60}`.
    static func activity(_ node: ConfigNode, key: String, reader: NodeReader) throws(ConfigurationError) -> Activity {
        let kindName: String, body: ConfigNode
        switch node {
        case .scalar(let text, _):
            kindName = text
            body = .null(node.position)
        case .mapping(let entries, _) where entries.count == 1:
            kindName = entries[0].key
            body = entries[0].value
        default:
            throw reader.error(node, key: key, "an activity is its kind (`- sast`) or its kind with settings (`- web: {target: http://127.0.0.1:5000}`)")
        }
        guard let kind = Activity.Kind(rawValue: kindName) else {
            throw reader.error(node, key: key, "unknown activity '\(kindName)'; activities are \(Activity.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var activity = Activity(kind: kind, line: node.position.line)
        var rest: [(key: String, keyPosition: ConfigNode.Position, value: ConfigNode)] = []
        if case .null = body {} else {
            for entry in try reader.mapping(body, key: "\(key).\(kindName)") {
                let entryKey = "\(key).\(kindName).\(entry.key)"
                switch entry.key {
                case "name":
                    activity.id = try reader.string(entry.value, key: entryKey)
                    guard !activity.id.isEmpty, activity.id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                        throw reader.error(entry.value, key: entryKey, "a name is letters, digits, - and _")
                    }
                case "budget": activity.budget = try seconds(entry.value, key: entryKey, reader: reader)
                case "paths": activity.paths = try reader.strings(entry.value, key: entryKey)
                default: rest.append(entry)
                }
            }
        }
        activity.settings = .mapping(rest, body.position)
        return activity
    }

    static func gate(_ node: ConfigNode, key: String, reader: NodeReader) throws(ConfigurationError) -> Gate {
        var gate = Gate(name: "", line: node.position.line)
        var named = false
        for entry in try reader.mapping(node, key: key) {
            let entryKey = "\(key).\(entry.key)"
            switch entry.key {
            case "name":
                gate.name = try reader.string(entry.value, key: entryKey)
                named = true
            case "severity": gate.severity = try reader.severity(entry.value, key: entryKey)
            case "confidence": gate.confidence = try reader.confidence(entry.value, key: entryKey)
            case "activities": gate.activities = try reader.strings(entry.value, key: entryKey)
            case "rules": gate.rules = try reader.strings(entry.value, key: entryKey)
            case "fixable": gate.fixableOnly = try reader.bool(entry.value, key: entryKey)
            case "older_than_days":
                let days = try reader.int(entry.value, key: entryKey)
                guard days >= 0 else { throw reader.error(entry.value, key: entryKey, "older_than_days is 0 or more") }
                gate.olderThanDays = days
            case "max":
                gate.max = try reader.int(entry.value, key: entryKey)
                guard gate.max >= 0 else { throw reader.error(entry.value, key: entryKey, "max is 0 or more") }
            default:
                throw reader.error(entry.value, key: entryKey, "unknown key; a gate has name, severity, confidence, activities, rules, fixable, older_than_days and max")
            }
        }
        if !named {
            let scope = gate.activities.isEmpty ? "" : " from \(gate.activities.joined(separator: ", "))"
            gate.name = gate.max == 0 ? "no finding of severity \(gate.severity.rawValue) or above\(scope)" : "at most \(gate.max) findings of severity \(gate.severity.rawValue) or above\(scope)"
        }
        return gate
    }

    static func reports(_ node: ConfigNode, reader: NodeReader) throws(ConfigurationError) -> [Pipeline.Report] {
        guard case .sequence(let items, _) = node else { throw reader.error(node, key: "reports", "expected a list of {format, output}") }
        return try items.map { item throws(ConfigurationError) in
            var format: String?, output: String?
            for entry in try reader.mapping(item, key: "reports") {
                switch entry.key {
                case "format": format = try reader.string(entry.value, key: "reports.format")
                case "output": output = try reader.string(entry.value, key: "reports.output")
                default: throw reader.error(entry.value, key: "reports.\(entry.key)", "unknown key; a report has format and output")
                }
            }
            guard let format else { throw reader.error(item, key: "reports", "a report needs a format") }
            return Pipeline.Report(format: format, output: output)
        }
    }

    /// `tasks: {target: github, repository: acme/shop, labels: [security]}`.
    static func tasks(_ node: ConfigNode, line: Int, reader: NodeReader) throws(ConfigurationError) -> Pipeline.TaskSettings {
        var settings = Pipeline.TaskSettings()
        settings.line = line
        for entry in try reader.mapping(node, key: "tasks") {
            let key = "tasks.\(entry.key)"
            switch entry.key {
            case "target":
                let name = try reader.string(entry.value, key: key)
                guard let target = Pipeline.TaskSettings.Target(rawValue: name) else {
                    throw reader.error(entry.value, key: key, "unknown target '\(name)'; targets are \(Pipeline.TaskSettings.Target.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                settings.target = target
            case "folder": settings.folder = try reader.string(entry.value, key: key)
            case "repository":
                let repository = try reader.string(entry.value, key: key)
                guard repository.split(separator: "/").count == 2 else { throw reader.error(entry.value, key: key, "a GitHub repository is owner/name") }
                settings.repository = repository
            case "project": settings.project = try reader.string(entry.value, key: key)
            case "api_url":
                let url = try reader.string(entry.value, key: key)
                guard url.hasPrefix("https://") || url.hasPrefix("http://") else { throw reader.error(entry.value, key: key, "an API URL starts with https://") }
                settings.apiURL = url
            case "token_env": settings.tokenEnv = try reader.string(entry.value, key: key)
            case "labels":
                settings.labels = try reader.strings(entry.value, key: key)
                if let bad = settings.labels.first(where: { $0.isEmpty || $0.contains(",") }) {
                    throw reader.error(entry.value, key: key, "a label is not empty and has no comma ('\(bad)')")
                }
            case "close": settings.close = try reader.bool(entry.value, key: key)
            default:
                throw reader.error(entry.value, key: key, "unknown key; tasks has target, folder, repository, project, api_url, token_env, labels and close")
            }
        }
        return settings
    }

    static func seconds(_ node: ConfigNode, key: String, reader: NodeReader) throws(ConfigurationError) -> Duration {
        let value = try reader.number(node, key: key)
        guard value > 0, value <= 86_400 else { throw reader.error(node, key: key, "a budget is seconds, more than 0 and at most a day") }
        return .milliseconds(Int64(value * 1000))
    }
}
