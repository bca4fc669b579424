import RampartCore

enum TwitterAPISecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "twitter-api-secret", title: "X (Twitter) API key secret", confidence: .medium,
        documentation: """
        An X (Twitter) API key secret or access token secret (45 to 50 letters and digits) signs \
        OAuth 1.0a requests as the app or, with an access token, as the user: posting, reading \
        direct messages and changing the account, depending on permissions.

        **Fix:** regenerate the keys (Developer Portal → the app → Keys and tokens) and keep them in \
        a secrets manager.
        """,
        examples: [
            .triggers("TWITTER_API_SECRET=aC39Tezwa9kWTuL6CKn4myWOXc1NWng8YsUStmK8FfbNFIJGAU\n", fileName: ".env"),
            .triggers("auth = tweepy.OAuth1UserHandler(key, consumer_secret='aC39Tezwa9kWTuL6CKn4myWOXc1NWng8YsUStmK8FfbNFIJGAU')\n", fileName: "post.py"),
            .passes("TWITTER_API_KEY=aC39Tezwa9kWTuL6CKn4myWOX\n", fileName: ".env"),
            .passes("TWITTER_API_SECRET=aC39Tezwa9kWTuL6CKn4my\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["twitter", "consumer_secret", "consumer-secret", "consumersecret"],
        regex: #"(?i:(?:twitter|x)[\w.-]{0,20}secret|consumer[_-]?secret)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9]{45,50})(?![A-Za-z0-9])"#,
        minEntropy: 4.0
    )
}
