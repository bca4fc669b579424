import Foundation
import RampartCore

/// GraphQL field suggestions: errors answer a misspelled field with "Did you mean …?", which
/// rebuilds the schema piece by piece even with introspection turned off.
enum GraphQLFieldSuggestions: ActiveRule {
    static let metadata = RuleMetadata.active(
        "rampart-graphql-suggestions", title: "GraphQL field suggestions enabled", severity: .low, confidence: .high, cwe: 200, owasp: .a05, zap: false,
        documentation: """
        Validation errors name the fields the query may have meant ("Cannot query field 'usr'. \
        Did you mean 'user'?"). Tools such as Clairvoyance use them to rebuild the whole schema \
        word by word, so turning introspection off hides nothing. Probed with misspellings of \
        common field names.

        **Fix:** strip suggestions from error messages in production (graphql-core error \
        formatting, Apollo `includeStacktraceInErrorResponses: false` with a custom \
        `formatError`, the `graphql-armor` block-field-suggestions plugin).
        """,
        examples: [
            .triggers("# POST http://app.test/graphql\n# json: {\"query\":\"query{usr}\"}\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"errors\":[{\"message\":\"Cannot query field 'usr' on type 'Query'. Did you mean 'user'?\"}]}\n", fileName: "probe.http"),
            .passes("# POST http://app.test/graphql\n# json: {\"query\":\"query{usr}\"}\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"errors\":[{\"message\":\"Cannot query field 'usr' on type 'Query'.\"}]}\n", fileName: "probe.http"),
        ]
    )

    /// Misspellings of names most schemas have.
    static let query = "query{usr usrs me1 nod serch produc itme acount ordr}"

    static func payloads(for value: String, nonce: ProbeNonce) -> [String] { [] }

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.requestParameters.contains(where: { $0.name == "query" }),
              let object = try? JSONSerialization.jsonObject(with: Data(r.body.prefix(1 << 20))) as? [String: Any],
              let errors = object["errors"] as? [[String: Any]] else { return [] }
        guard let message = errors.compactMap({ $0["message"] as? String }).first(where: { $0.contains("Did you mean") }) else { return [] }
        return [WebHit(evidence: PassiveScan.clip(message, 160))]
    }
}
