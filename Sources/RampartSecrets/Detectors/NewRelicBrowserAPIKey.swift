import RampartCore

enum NewRelicBrowserAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "newrelic-browser-api-key", title: "New Relic browser API key", severity: .medium,
        documentation: """
        A New Relic browser key (`NRJS-` and 19 hex digits) is embedded in web pages by the browser \
        agent and only sends browser monitoring data; in server code or configuration it is a sign \
        that other New Relic keys may be nearby.

        **Fix:** if it is not meant to be public, rotate it (API keys → Browser keys) and load the \
        agent configuration from the deployment rather than the repository.
        """,
        examples: [
            .triggers("NEW_RELIC_BROWSER_KEY=NRJS-6a3c856e545584a3871\n", fileName: ".env"),
            .triggers("{\"licenseKey\": \"NRJS-6a3c856e545584a3871\", \"applicationID\": \"1120394\"}\n", fileName: "newrelic.json"),
            .passes("NEW_RELIC_BROWSER_KEY=NRJS-6a3c856e5455\n", fileName: ".env"),
            .passes("NEW_RELIC_BROWSER_KEY=NRJS-0000000000000000000\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["nrjs-"], regex: #"\b(NRJS-[a-f0-9]{19})\b"#, minEntropy: 3.0
    )
}
