import RampartCore

enum HarnessAPIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "harness-api-token", title: "Harness personal or service account token",
        documentation: """
        A Harness API token (`pat.` for personal, `sat.` for service account tokens, followed by the \
        account ID, token ID and secret) calls the Harness API with the roles of its user or service \
        account: pipelines, secrets managers, connectors and deployments.

        **Fix:** delete the token (My profile → Access tokens, or the service account's tokens), and \
        keep its replacement in a secrets manager.
        """,
        examples: [
            .triggers("HARNESS_API_KEY=pat.WJFE-Z6DmA2jor2Rn04Fd3.8382ca029699be1eec811115.eMVTgifhKCvhCUo4sqAX\n", fileName: ".env"),
            .triggers("headers = {\"x-api-key\": \"sat.WJFE-Z6DmA2jor2Rn04Fd3.8382ca029699be1eec811115.eMVTgifhKCvhCUo4sqAX\"}\n", fileName: "harness.py"),
            .passes("HARNESS_API_KEY=pat.WJFE-Z6DmA2jor2Rn04Fd3.8382ca029699be1eec811115\n", fileName: ".env"),
            .passes("see pat.md and sat.txt for details\n", fileName: "notes.txt"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["pat.", "sat."],
        regex: #"\b([ps]at\.[A-Za-z0-9_-]{22}\.[a-f0-9]{24}\.[A-Za-z0-9]{20})\b"#, minEntropy: 3.5
    )
}
