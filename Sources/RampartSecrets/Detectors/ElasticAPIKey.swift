import RampartCore

enum ElasticAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "elastic-api-key", title: "Elasticsearch or Elastic Cloud API key", confidence: .medium,
        documentation: """
        An Elasticsearch API key (the base-64 encoding of `id:api_key`, sent as `ApiKey …`) or an \
        Elastic Cloud key acts with the role descriptors it was created with, often read and write \
        on every index of the cluster, or management of Elastic Cloud deployments.

        **Fix:** invalidate the key (Stack Management → API keys, or the invalidate API key \
        endpoint), create one with restricted role descriptors and an expiry, and keep it in a \
        secrets manager.
        """,
        examples: [
            .triggers("ELASTIC_API_KEY=RVc0eWtNTWl1TEFBMkNsY2pYdTI6MGFMNHd3cHJzYXRqQ2dsTWdySjNpZw==\n", fileName: ".env"),
            .triggers("es = Elasticsearch(hosts, headers={'Authorization': 'ApiKey RVc0eWtNTWl1TEFBMkNsY2pYdTI6MGFMNHd3cHJzYXRqQ2dsTWdySjNpZw=='})\n", fileName: "search.py"),
            .passes("ELASTIC_API_KEY=RVc0eWtNTWl1TEFB\n", fileName: ".env"),
            .passes("ELASTIC_CLOUD_ID=RVc0eWtNTWl1TEFBMkNsY2pYdTI6MGFMNHd3cHJzYXRqQ2dsTWdySjNpZw==\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["elastic", "apikey "],
        regex: #"(?:(?i:elastic(?:search)?[\w.-]{0,15}api[_-]?key)["']?\s*(?:=>|:=|[:=])\s*["']?|ApiKey\s+)(?<secret>(?:essu_)?[A-Za-z0-9+/_-]{40,120}={0,2})(?![A-Za-z0-9+/=_-])"#,
        minEntropy: 4.0
    )
}
