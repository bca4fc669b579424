import RampartCore

enum AirtablePAT: SecretRule {
    static let metadata = RuleMetadata.secret(
        "airtable-pat", title: "Airtable personal access token",
        documentation: """
        An Airtable personal access token (`pat`, 14 characters, a dot and 64 hex digits) calls the \
        Airtable API with its scopes on the bases it was granted: reading and writing records, which \
        often hold personal data.

        **Fix:** revoke the token (Builder hub → Personal access tokens) and keep its replacement in \
        a secrets manager.
        """,
        examples: [
            .triggers("AIRTABLE_TOKEN=pat7Yk0TO99wcUM2h.1cdabc119f782dc64ae09ab3a995b877523832281e669164d1396cc290cd72e0\n", fileName: ".env"),
            .triggers("base = Api(\"pat7Yk0TO99wcUM2h.1cdabc119f782dc64ae09ab3a995b877523832281e669164d1396cc290cd72e0\").base(\"appQ1w2e3r4t5y6u7\")\n", fileName: "airtable_sync.py"),
            .passes("AIRTABLE_TOKEN=pat7Yk0TO99wcUM2h.1cdabc119f782dc64ae09\n", fileName: ".env"),
            .passes("AIRTABLE_TOKEN=patXXXXXXXXXXXXXX.0000000000000000000000000000000000000000000000000000000000000000\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["pat"], regex: #"\b(pat[A-Za-z0-9]{14}\.[a-f0-9]{64})\b"#, minEntropy: 3.5
    )
}
