import RampartCore

enum RenderAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "render-api-key", title: "Render API key",
        documentation: """
        A Render API key (`rnd_` and 32 letters and digits) calls the Render API with the rights of \
        the user who made it on every workspace they belong to: services, deploys, environment \
        groups and their secret values.

        **Fix:** revoke the key (Account settings → API keys), create a new one, and keep it in the \
        CI's secret store.
        """,
        examples: [
            .triggers("RENDER_API_KEY=rnd_Zbbd38weHAJOLneLnjl6pkzFuQx1jD9w\n", fileName: ".env"),
            .triggers("headers = {\"Authorization\": \"Bearer rnd_Zbbd38weHAJOLneLnjl6pkzFuQx1jD9w\"}\n", fileName: "render.py"),
            .passes("RENDER_API_KEY=rnd_Zbbd38weHAJOLneLnjl6\n", fileName: ".env"),
            .passes("rnd_seed_value_for_tests_generated_locally = 3\n", fileName: "seed.py"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["rnd_"], regex: #"\b(rnd_[A-Za-z0-9]{32})\b"#, minEntropy: 3.5
    )
}
