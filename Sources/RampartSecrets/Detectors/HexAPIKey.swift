import RampartCore

enum HexAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "hex-api-key", title: "Hex.pm API key", confidence: .medium,
        documentation: """
        A Hex.pm API key (32 hex digits) publishes, retires and reverts Elixir and Erlang packages \
        of its user or organisation, within the key's permissions.

        **Fix:** revoke the key (hex.pm → Dashboard → Keys, or `mix hex.user key revoke`), check the \
        packages' releases, and keep its replacement as a CI secret.
        """,
        examples: [
            .triggers("HEX_API_KEY=5ed9d20698761d13bd348a4f5ab5b665\n", fileName: ".env"),
            .triggers("env:\n  HEX_API_KEY: '5ed9d20698761d13bd348a4f5ab5b665'\n", fileName: "publish.yml"),
            .passes("HEX_MIRROR=https://repo.hex.pm\n", fileName: ".env"),
            .passes("HEX_API_KEY=5ed9d20698761d13bd34\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["hex_api_key", "hex-api-key", "hexpm"],
        regex: #"(?i:hex(?:pm)?[_-]?api[_-]?key)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])"#,
        minEntropy: 3.0
    )
}
