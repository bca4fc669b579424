import RampartCore

enum MapboxSecretToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "mapbox-secret-token", title: "Mapbox secret access token",
        documentation: """
        A Mapbox secret access token (`sk.eyJ…`) has secret scopes such as uploading tilesets, \
        managing styles and datasets and creating other tokens for the account; unlike public `pk.` \
        tokens it must not leave the server.

        **Fix:** delete the token (Account → Access tokens) and keep its replacement in a secrets \
        manager; use URL-restricted public tokens in clients.
        """,
        examples: [
            .triggers("MAPBOX_SECRET_TOKEN=sk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6InJsY3NxZmo5ZWx3cnVrNHdpNzFuenphZ2kifQ.GNNMF6-FTzsWV2Dir5wXhn\n", fileName: ".env"),
            .triggers("MAPBOX_DOWNLOADS_TOKEN=sk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6InJsY3NxZmo5ZWx3cnVrNHdpNzFuenphZ2kifQ.GNNMF6-FTzsWV2Dir5wXhn\n", fileName: "gradle.properties"),
            .passes("MAPBOX_SECRET_TOKEN=sk.eyJ1IjoiYWNtZS1tYXBzIiwi\n", fileName: ".env"),
            .passes("MAPBOX_SECRET_TOKEN=sk.eyJxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sk.eyj"], regex: #"\b(sk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,})(?![\w-])"#,
        minEntropy: 4.0
    )
}
