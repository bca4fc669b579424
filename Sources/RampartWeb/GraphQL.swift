import Foundation
import RampartCore

/// A GraphQL API as the scanner needs it: its root operations and their arguments, read from an
/// introspection result (the endpoint's own, or `--graphql-schema FILE`), and the requests that
/// find an endpoint, fetch its schema and turn each operation into an injection point.
public struct GraphQLSchema: Sendable, Equatable {
    public struct TypeRef: Sendable, Equatable {
        /// `String`, `User`, …: the named type under any list and non-null wrappers.
        public var name: String
        public var kind: String
        public var nonNull: Bool
        /// `[String!]!` as written in a query's variable definitions.
        public var written: String
    }

    public struct Argument: Sendable, Equatable {
        public var name: String
        public var type: TypeRef
    }

    public struct Field: Sendable, Equatable {
        public var name: String
        public var arguments: [Argument]
        public var type: TypeRef
    }

    public var queryType: String?
    public var mutationType: String?
    /// Object types' fields by type name; enum values by enum name.
    public var fields: [String: [Field]] = [:]
    public var enums: [String: [String]] = [:]
    /// Types in the schema, introspection's own (`__Type`, …) included.
    public var typeCount = 0

    public var queries: [Field] { queryType.flatMap { fields[$0] } ?? [] }
    public var mutations: [Field] { mutationType.flatMap { fields[$0] } ?? [] }

    /// Reads an introspection result: `{"data": {"__schema": …}}`, `{"__schema": …}` or the
    /// schema object itself. Nil when it is none of these.
    public static func parse(introspection data: [UInt8]) -> GraphQLSchema? {
        guard data.count <= 16 << 20, let object = try? JSONSerialization.jsonObject(with: Data(data)) as? [String: Any] else { return nil }
        let schema = ((object["data"] as? [String: Any])?["__schema"] ?? object["__schema"] ?? object) as? [String: Any]
        guard let schema, let types = schema["types"] as? [[String: Any]] else { return nil }
        var result = GraphQLSchema()
        result.queryType = (schema["queryType"] as? [String: Any])?["name"] as? String
        result.mutationType = (schema["mutationType"] as? [String: Any])?["name"] as? String
        result.typeCount = types.count
        for type in types.prefix(5000) {
            guard let name = type["name"] as? String else { continue }
            if let values = type["enumValues"] as? [[String: Any]] { result.enums[name] = values.compactMap { $0["name"] as? String } }
            guard let fields = type["fields"] as? [[String: Any]] else { continue }
            result.fields[name] = fields.prefix(500).compactMap { field in
                guard let fieldName = field["name"] as? String, let fieldType = typeRef(field["type"]) else { return nil }
                let arguments = (field["args"] as? [[String: Any]] ?? []).compactMap { argument -> Argument? in
                    guard let argumentName = argument["name"] as? String, let type = typeRef(argument["type"]) else { return nil }
                    return Argument(name: argumentName, type: type)
                }
                return Field(name: fieldName, arguments: arguments, type: fieldType)
            }
        }
        return result.queryType == nil ? nil : result
    }

    /// `{"kind": "NON_NULL", "ofType": {"kind": "SCALAR", "name": "String"}}` → `String!`.
    static func typeRef(_ value: Any?, depth: Int = 0) -> TypeRef? {
        guard depth < 16, let object = value as? [String: Any], let kind = object["kind"] as? String else { return nil }
        switch kind {
        case "NON_NULL":
            guard var inner = typeRef(object["ofType"], depth: depth + 1) else { return nil }
            inner.written += "!"
            inner.nonNull = true
            return inner
        case "LIST":
            guard var inner = typeRef(object["ofType"], depth: depth + 1) else { return nil }
            inner.written = "[\(inner.written)]"
            inner.nonNull = false
            return inner
        default:
            guard let name = object["name"] as? String else { return nil }
            return TypeRef(name: name, kind: kind, nonNull: false, written: name)
        }
    }

    /// The standard introspection query, trimmed to what the scanner reads.
    public static let introspectionQuery = """
    query IntrospectionQuery { __schema { queryType { name } mutationType { name } types { kind name \
    enumValues { name } fields { name args { name type { ...TypeRef } } type { ...TypeRef } } } } } \
    fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
    """

    /// A value for a variable of this type, as JSON: strings and ids are what payloads replace.
    func example(for type: TypeRef) -> Any? {
        guard !type.written.hasPrefix("[") else { return nil }
        switch type.name {
        case "String": return "rampart"
        case "ID": return "1"
        case "Int": return 1
        case "Float": return 1.5
        case "Boolean": return true
        default: return enums[type.name]?.first
        }
    }

    /// Each operation with arguments as a query with variables and example values: `query
    /// ($name: String!) { user(name: $name) { __typename } }`. Operations whose required
    /// arguments cannot be given a value are left out; so are unsafe mutations (`deleteUser`)
    /// unless `unsafe`.
    func operations(unsafe: Bool, limit: Int = 60) -> [(name: String, body: String)] {
        var result: [(name: String, body: String)] = []
        for (keyword, list) in [("query", queries), ("mutation", mutations)] {
            for field in list where !field.arguments.isEmpty && !field.name.hasPrefix("__") {
                if keyword == "mutation", !unsafe, Self.isUnsafe(field.name) { continue }
                var definitions: [String] = []
                var uses: [String] = []
                var variables: [String: Any] = [:]
                var usable = true
                for argument in field.arguments {
                    guard let value = example(for: argument.type) else {
                        if argument.type.nonNull { usable = false }
                        continue
                    }
                    let variable = "v_" + argument.name
                    definitions.append("$\(variable): \(argument.type.written)")
                    uses.append("\(argument.name): $\(variable)")
                    variables[variable] = value
                }
                guard usable, !uses.isEmpty else { continue }
                let selection = ["OBJECT", "INTERFACE", "UNION"].contains(field.type.kind) ? " { __typename }" : ""
                let query = "\(keyword)(\(definitions.joined(separator: ", "))) { \(field.name)(\(uses.joined(separator: ", ")))\(selection) }"
                guard let data = try? JSONSerialization.data(withJSONObject: ["query": query, "variables": variables], options: [.sortedKeys, .withoutEscapingSlashes]) else { continue }
                result.append(("\(keyword) \(field.name)", String(decoding: data, as: UTF8.self)))
                if result.count >= limit { return result }
            }
        }
        return result
    }

    /// camelCase mutation names (`deleteUser`, `resetPassword`): split into words for the unsafe check.
    static func isUnsafe(_ name: String) -> Bool {
        var spaced = ""
        for character in name {
            if character.isUppercase { spaced += "-" }
            spaced.append(character)
        }
        return URL(string: "/" + spaced.lowercased()).flatMap(CrawlScope.unsafeWord) != nil
    }
}

/// Finding GraphQL endpoints: the paths frameworks use and crawled URLs that name GraphQL,
/// confirmed by `{__typename}` (read-only); then the schema by introspection.
enum GraphQLDiscovery {
    static let commonPaths = ["graphql", "api/graphql", "graphql/v1", "v1/graphql", "api/v1/graphql", "gql", "query"]

    static func candidates(after exchanges: [WebExchange], start: URL) -> [String] {
        var urls: [String] = []
        for path in commonPaths { if let url = URL(string: "/" + path, relativeTo: start)?.absoluteString { urls.append(url) } }
        for exchange in exchanges {
            let bare = PassiveChecks.path(of: exchange.url)
            let lower = bare.lowercased()
            if lower.hasSuffix("graphql") || lower.hasSuffix("/gql") || lower.hasSuffix("graphiql") {
                urls.append(lower.hasSuffix("graphiql") ? String(bare.dropLast("graphiql".count)) + "graphql" : bare)
            }
        }
        var seen = Set<String>()
        return urls.filter { seen.insert($0).inserted }
    }

    static func request(_ url: String, query: String) -> WebRequest {
        let data = (try? JSONSerialization.data(withJSONObject: ["query": query], options: [.withoutEscapingSlashes])) ?? Data()
        return WebRequest(method: "POST", url: url, body: String(decoding: data, as: UTF8.self), contentType: "application/json")
    }

    /// An answer that is GraphQL's: JSON with `data` or `errors`.
    static func isGraphQL(_ exchange: WebExchange) -> Bool {
        guard exchange.contentType.contains("json") || exchange.contentType.contains("graphql"),
              let object = try? JSONSerialization.jsonObject(with: Data(exchange.body.prefix(1 << 20))) as? [String: Any] else { return false }
        return object["data"] != nil || object["errors"] is [Any]
    }
}
