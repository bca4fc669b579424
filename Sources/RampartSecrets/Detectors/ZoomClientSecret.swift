import RampartCore

enum ZoomClientSecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "zoom-client-secret", title: "Zoom app client secret", confidence: .medium,
        documentation: """
        A Zoom app client secret (32 letters and digits) authenticates a Server-to-Server OAuth or \
        OAuth app: with the account ID it mints access tokens with the app's scopes, often meetings, \
        recordings and users across the whole account.

        **Fix:** regenerate the secret (App Marketplace → Manage → the app → App credentials) and \
        keep it in a secrets manager.
        """,
        examples: [
            .triggers("ZOOM_CLIENT_SECRET=eKMCrsaffYcLOTwtJMe5tVw377QGxtpR\n", fileName: ".env"),
            .triggers("zoom:\n  zoom_secret: 'eKMCrsaffYcLOTwtJMe5tVw377QGxtpR'\n", fileName: "config.yml"),
            .passes("ZOOM_ACCOUNT_ID=eKMCrsaffYcLOTwtJMe5tV\n", fileName: ".env"),
            .passes("ZOOM_CLIENT_SECRET=eKMCrsaffYcLOTw\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["zoom"],
        regex: #"(?i:zoom[\w.-]{0,15}secret)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])"#,
        minEntropy: 3.5
    )
}
