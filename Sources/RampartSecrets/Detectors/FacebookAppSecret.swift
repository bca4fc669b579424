import RampartCore

enum FacebookAppSecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "facebook-app-secret", title: "Facebook (Meta) app secret", confidence: .medium,
        documentation: """
        A Meta app secret (32 hex digits) authenticates server-side calls as the app: it mints app \
        access tokens, verifies webhook signatures and exchanges user tokens, so a holder can \
        impersonate the app and forge webhooks.

        **Fix:** reset the app secret (App dashboard → Settings → Basic → App secret → Reset) and \
        keep it in a secrets manager.
        """,
        examples: [
            .triggers("FACEBOOK_APP_SECRET=37064b2462b42496ff8546f88867b303\n", fileName: ".env"),
            .triggers("facebook:\n  fb_app_secret: '37064b2462b42496ff8546f88867b303'\n", fileName: "config.yml"),
            .passes("FACEBOOK_APP_ID=1054321987654321\n", fileName: ".env"),
            .passes("FACEBOOK_APP_SECRET=37064b2462b42496ff85\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["facebook", "fb_", "fb-", "meta_app", "meta-app"],
        regex: #"(?i:(?:facebook|fb|meta)[\w.-]{0,10}(?:app[_-]?)?secret)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])"#,
        minEntropy: 3.0
    )
}
