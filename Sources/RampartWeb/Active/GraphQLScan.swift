import Foundation
import RampartCore

/// GraphQL in a site scan: endpoints found (read-only `{__typename}`), their schema read by
/// introspection or given (`--graphql-schema`), every operation with arguments turned into an
/// injection point whose variables the active checks replace one at a time, and the requests
/// of the GraphQL-specific checks (batching, depth, suggestions, mutations over GET).
enum GraphQLScan {
    struct Endpoint: Sendable {
        var url: String
        var schema: GraphQLSchema?
        /// The endpoint answered the introspection query itself.
        var introspectionOpen: Bool
    }

    struct Discovered {
        var endpoints: [Endpoint] = []
        var exchanges: [WebExchange] = []
        var requests = 0
    }

    /// Candidates confirmed by `{__typename}`, then introspected; a given schema is attached to
    /// `schemaEndpoint` (or the first endpoint found, or `/graphql`).
    static func discover(after exchanges: [WebExchange], start: URL, client: WebClient, scope: CrawlScope, concurrency: Int, passive: PassiveChecks?,
                         givenSchema: GraphQLSchema?, schemaEndpoint: String?) async -> Discovered {
        var result = Discovered()
        let candidates = GraphQLDiscovery.candidates(after: exchanges, start: start).filter { scope.allows($0) }
        let probes = candidates.map { GraphQLDiscovery.request($0, query: "query{__typename}") }
        let answered = await WebScanner.fetchAll(probes, client: client, concurrency: concurrency, passive: passive)
        result.requests += answered.requests
        result.exchanges += answered.exchanges
        var found = answered.exchanges.filter(GraphQLDiscovery.isGraphQL).map(\.url)
        if let schemaEndpoint, !found.contains(schemaEndpoint) { found.insert(schemaEndpoint, at: 0) }
        var seen = Set<String>()
        found = found.filter { seen.insert($0).inserted }
        let introspections = await WebScanner.fetchAll(found.map { GraphQLDiscovery.request($0, query: GraphQLSchema.introspectionQuery) },
                                                      client: client, concurrency: concurrency, passive: passive)
        result.requests += introspections.requests
        result.exchanges += introspections.exchanges
        for url in found {
            let answer = introspections.exchanges.first { $0.url == url && (200..<300).contains($0.status) }
            let schema = answer.flatMap { GraphQLSchema.parse(introspection: $0.body) }
            result.endpoints.append(Endpoint(url: url, schema: schema, introspectionOpen: schema != nil))
        }
        if let givenSchema {
            if let index = result.endpoints.firstIndex(where: { $0.url == schemaEndpoint }) ?? result.endpoints.indices.first {
                if result.endpoints[index].schema == nil { result.endpoints[index].schema = givenSchema }
            } else if let url = schemaEndpoint ?? URL(string: "/graphql", relativeTo: start)?.absoluteString {
                result.endpoints.append(Endpoint(url: url, schema: givenSchema, introspectionOpen: false))
            }
        }
        return result
    }

    /// Every operation with arguments, as a JSON injection point (its variables are probed, the
    /// query text is not).
    static func points(for endpoints: [Endpoint], unsafe: Bool) -> [InjectionPoint] {
        endpoints.flatMap { endpoint in
            (endpoint.schema?.operations(unsafe: unsafe) ?? []).map { operation in
                InjectionPoint(method: "POST", url: endpoint.url, json: operation.body, fixed: ["query"])
            }
        }
    }

    /// The requests of the GraphQL checks, each judged by its rule.
    static func checks(for endpoints: [Endpoint]) -> [WebRequest] {
        endpoints.flatMap { endpoint -> [WebRequest] in
            var requests = [
                WebRequest(method: "POST", url: endpoint.url, body: GraphQLBatching.probe, contentType: "application/json"),
                GraphQLDiscovery.request(endpoint.url, query: GraphQLFieldSuggestions.query),
            ]
            if endpoint.schema?.mutationType != nil || endpoint.schema == nil, var components = URLComponents(string: endpoint.url) {
                components.queryItems = [URLQueryItem(name: "query", value: GraphQLGetMutation.query)]
                if let url = components.string { requests.append(WebRequest(url: url)) }
            }
            if endpoint.introspectionOpen { requests.append(GraphQLDiscovery.request(endpoint.url, query: GraphQLDepthLimit.query)) }
            return requests
        }
    }

    static let rules: [any ActiveRule.Type] = [GraphQLBatching.self, GraphQLDepthLimit.self, GraphQLFieldSuggestions.self, GraphQLGetMutation.self]
}
