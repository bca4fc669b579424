import RampartCore

enum TelnyxAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "telnyx-api-key", title: "Telnyx API key",
        documentation: """
        A Telnyx API v2 key (`KEY0`, hex digits, `_` and 22 characters) calls the Telnyx API for the \
        account: sending messages and calls billed to it, buying numbers and reading records.

        **Fix:** delete the key (Mission Control → Auth → API keys), create a new one, and keep it \
        in a secrets manager.
        """,
        examples: [
            .triggers("TELNYX_API_KEY=KEY032AFA3A26E5FE345DB21B336573EF1_pTsbmGGZz8RwCB6ZSam0aV\n", fileName: ".env"),
            .triggers("telnyx.api_key = 'KEY032AFA3A26E5FE345DB21B336573EF1_pTsbmGGZz8RwCB6ZSam0aV'\n", fileName: "calls.py"),
            .passes("TELNYX_API_KEY=KEY032AFA3A26E5FE345DB21B336573EF1_pTsbmGGZ\n", fileName: ".env"),
            .passes("TELNYX_API_KEY=KEY0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["key0"], regex: #"\b(KEY0[0-9A-F]{30,34}_[A-Za-z0-9]{22})\b"#, minEntropy: 3.5
    )
}
