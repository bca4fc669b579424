import RampartCore

enum DigitalOceanRefreshToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "digitalocean-refresh-token", title: "DigitalOcean OAuth refresh token",
        documentation: """
        A DigitalOcean OAuth refresh token (`dor_v1_` and 64 hex digits) obtains new access tokens \
        for the user who authorised the application, so it outlives any single access token.

        **Fix:** revoke the application's authorisation so its refresh tokens stop working, and \
        store refresh tokens encrypted in the application's database or secret store.
        """,
        examples: [
            .triggers("DO_REFRESH_TOKEN=dor_v1_c40edd37af226551ad5ac79279e76843ba31639b2af839ae4595c19144e87c5e\n", fileName: ".env"),
            .triggers("refresh_token: \"dor_v1_c40edd37af226551ad5ac79279e76843ba31639b2af839ae4595c19144e87c5e\"\n", fileName: "oauth.yml"),
            .passes("DO_REFRESH_TOKEN=dor_v1_c40edd37af226551ad5ac79279e76843\n", fileName: ".env"),
            .passes("DO_REFRESH_TOKEN=dor_v1_c40edd37af226551ad5ac79279e76843ba31639b2af839ae4595c19144e87c5eff\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["dor_v1_"], regex: #"\b(dor_v1_[a-f0-9]{64})\b"#, minEntropy: 3.0
    )
}
