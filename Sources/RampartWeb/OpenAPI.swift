import Foundation
import RampartCore

/// An API description (OpenAPI 3.x or Swagger 2, JSON or YAML) turned into requests, as ZAP's
/// API scan does: each operation with example values for its parameters and body, then the
/// passive and active checks on them. JSON bodies are probed field by field. Read through the
/// bounded YAML reader (JSON is YAML): a hostile description cannot nest or alias without limit.
public struct OpenAPIDescription: Sendable {
    public struct Operation: Sendable, Equatable {
        public var method: String
        /// Path parameters filled in, without the query.
        public var url: String
        public var query: [String: String]
        /// A JSON body built from the schema and its examples.
        public var json: String?
        /// A form body (`application/x-www-form-urlencoded`).
        public var form: [String: String]?

        /// Query and form parameters in a stable order.
        var queryPairs: [(name: String, value: String)] { query.keys.sorted().map { ($0, query[$0] ?? "") } }
        var formPairs: [(name: String, value: String)] { (form ?? [:]).keys.sorted().map { ($0, form?[$0] ?? "") } }

        /// The operation as one request.
        var request: WebRequest {
            let encodedQuery = FormEncoding.encode(queryPairs)
            let target = encodedQuery.isEmpty ? url : url + "?" + encodedQuery
            if let json { return WebRequest(method: method, url: target, body: json, contentType: "application/json") }
            if form != nil { return WebRequest(method: method, url: target, body: FormEncoding.encode(formPairs)) }
            return WebRequest(method: method, url: target)
        }

        /// The operation's injection points: its query, and its body field by field.
        var points: [InjectionPoint] {
            var points: [InjectionPoint] = []
            if !query.isEmpty, method == "GET" { points.append(InjectionPoint(method: "GET", url: url, parameters: queryPairs)) }
            if let json { points.append(InjectionPoint(method: method, url: request.url, json: json)) }
            if form != nil, method == "POST" { points.append(InjectionPoint(method: "POST", url: request.url, parameters: formPairs)) }
            return points
        }
    }

    public var title: String
    public var operations: [Operation]

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    static let methods = ["get", "post", "put", "patch", "delete", "head", "options"]

    /// Reads a description; `base` is the site scanned (servers given as paths resolve against it).
    public static func parse(_ text: String, name: String, base: URL) throws(Failure) -> OpenAPIDescription {
        let root: ConfigNode
        do {
            root = try ConfigNode.parse(yaml: text, file: name)
        } catch {
            throw Failure(description: "\(name) is not JSON or YAML: \(error)")
        }
        guard case .mapping = root, root["openapi"] != nil || root["swagger"] != nil else {
            throw Failure(description: "\(name) is not an OpenAPI 3 or Swagger 2 description (no `openapi` or `swagger` key)")
        }
        let isSwagger = root["swagger"] != nil
        var prefix = ""
        if isSwagger {
            prefix = root["basePath"]?.text ?? ""
        } else if let server = root["servers"]?.list.first?["url"]?.text {
            // Only the server's path: requests go to the scanned site, never to a host the file names.
            prefix = URL(string: server).map { $0.host == nil ? server : $0.path } ?? ""
        }
        let builder = ExampleBuilder(root: root)
        var operations: [Operation] = []
        for (path, item) in root["paths"]?.entries ?? [] {
            let shared = item["parameters"]?.list ?? []
            for (method, operation) in item.entries where methods.contains(method.lowercased()) {
                var query: [String: String] = [:]
                var filledPath = path
                var swaggerBody: ConfigNode?
                var formData: [String: String] = [:]
                for parameter in shared + (operation["parameters"]?.list ?? []) {
                    let parameter = builder.resolve(parameter)
                    guard let name = parameter["name"]?.text else { continue }
                    let schema = parameter["schema"] ?? parameter
                    let value = builder.scalarExample(parameter["example"] ?? schema["example"], schema: schema, name: name)
                    switch parameter["in"]?.text {
                    case "path": filledPath = filledPath.replacingOccurrences(of: "{\(name)}", with: FormEncoding.escape(value))
                    case "query": query[name] = value
                    case "body" where isSwagger: swaggerBody = parameter["schema"]
                    case "formData": formData[name] = value
                    default: break
                    }
                }
                var json: String?
                var form: [String: String]?
                if isSwagger {
                    if let schema = swaggerBody { json = builder.json(for: schema) }
                    if !formData.isEmpty { form = formData }
                } else if let content = builder.resolve(operation["requestBody"] ?? .null(.init(line: 1, column: 1)))["content"] {
                    if let media = content.entries.first(where: { $0.0.contains("json") })?.1 {
                        json = media["example"].map(ExampleBuilder.jsonText) ?? media["schema"].map { builder.json(for: $0) }
                    } else if let media = content["application/x-www-form-urlencoded"], let schema = media["schema"] {
                        form = builder.formExample(schema)
                    }
                }
                guard let url = URL(string: prefix + filledPath, relativeTo: base)?.absoluteString else { continue }
                operations.append(Operation(method: method.uppercased(), url: url, query: query, json: json, form: form))
            }
        }
        return OpenAPIDescription(title: root["info"]?["title"]?.text ?? name, operations: operations)
    }
}

/// Example values from schemas: `example`, `default`, the first `enum` value, else one by type
/// (`rampart`, `1`, `true`), following `$ref`s within the document (bounded).
struct ExampleBuilder {
    let root: ConfigNode

    /// `{"$ref": "#/components/schemas/User"}` → that node (refs into other files are left).
    func resolve(_ node: ConfigNode, depth: Int = 0) -> ConfigNode {
        guard depth < 16, let ref = node["$ref"]?.text, ref.hasPrefix("#/") else { return node }
        var current: ConfigNode? = root
        for step in ref.dropFirst(2).split(separator: "/") {
            let key = step.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            current = current?[key]
        }
        return current.map { resolve($0, depth: depth + 1) } ?? node
    }

    func scalarExample(_ example: ConfigNode?, schema: ConfigNode, name: String) -> String {
        if let text = example?.text { return text }
        let schema = resolve(schema)
        if let text = schema["default"]?.text { return text }
        if let first = schema["enum"]?.list.first?.text { return first }
        switch schema["type"]?.text {
        case "integer": return "1"
        case "number": return "1.5"
        case "boolean": return "true"
        default:
            switch schema["format"]?.text {
            case "email": return "rampart@example.com"
            case "uuid": return "00000000-0000-4000-8000-000000000000"
            case "date": return "2026-01-01"
            case "date-time": return "2026-01-01T12:00:00Z"
            case "uri", "url": return "https://example.com/"
            default: return name.lowercased().contains("id") ? "1" : "rampart"
            }
        }
    }

    func formExample(_ schema: ConfigNode) -> [String: String] {
        var result: [String: String] = [:]
        for (name, property) in resolve(schema)["properties"]?.entries ?? [] {
            result[name] = scalarExample(property["example"], schema: property, name: name)
        }
        return result
    }

    func json(for schema: ConfigNode) -> String {
        let value = example(schema, name: "", depth: 0)
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    func example(_ schema: ConfigNode, name: String, depth: Int) -> Any {
        let schema = resolve(schema)
        guard depth < 8 else { return [String: Any]() }
        if let example = schema["example"] { return Self.value(example) }
        if let all = schema["allOf"]?.list, !all.isEmpty {
            var merged: [String: Any] = [:]
            for part in all { if let object = example(part, name: name, depth: depth + 1) as? [String: Any] { merged.merge(object) { a, _ in a } } }
            return merged
        }
        if let first = (schema["oneOf"] ?? schema["anyOf"])?.list.first { return example(first, name: name, depth: depth + 1) }
        switch schema["type"]?.text ?? (schema["properties"] != nil ? "object" : nil) {
        case "object":
            var object: [String: Any] = [:]
            for (key, property) in (schema["properties"]?.entries ?? []).prefix(100) where resolve(property)["readOnly"]?.text != "true" {
                object[key] = example(property, name: key, depth: depth + 1)
            }
            return object
        case "array":
            return [schema["items"].map { example($0, name: name, depth: depth + 1) } ?? "rampart"]
        case "integer": return Int(scalarExample(nil, schema: schema, name: name)) ?? 1
        case "number": return Double(scalarExample(nil, schema: schema, name: name)) ?? 1.5
        case "boolean": return true
        default: return scalarExample(nil, schema: schema, name: name)
        }
    }

    /// A YAML node as a JSON value (scalars stay strings: YAML's types are not kept).
    static func value(_ node: ConfigNode) -> Any {
        switch node {
        case .scalar(let text, _): return text
        case .sequence(let items, _): return items.map(value)
        case .mapping(let entries, _):
            var object: [String: Any] = [:]
            for entry in entries { object[entry.key] = value(entry.value) }
            return object
        case .null: return NSNull()
        }
    }

    static func jsonText(_ node: ConfigNode) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value(node), options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

extension ConfigNode {
    subscript(key: String) -> ConfigNode? {
        guard case .mapping(let entries, _) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    var text: String? {
        if case .scalar(let text, _) = self { return text }
        return nil
    }

    var list: [ConfigNode] {
        if case .sequence(let items, _) = self { return items }
        return []
    }

    var entries: [(String, ConfigNode)] {
        if case .mapping(let entries, _) = self { return entries.map { ($0.key, $0.value) } }
        return []
    }
}
