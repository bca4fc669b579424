import RampartCore

enum RubyGemsAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "rubygems-api-key", title: "RubyGems API key",
        documentation: """
        A RubyGems.org API key (`rubygems_` and 48 hex digits) pushes and yanks gems as its owner \
        within the key's scopes: a leaked push key lets an attacker publish a malicious version of \
        the owner's gems.

        **Fix:** delete the key (rubygems.org → Settings → API keys), check the gems' versions, and \
        use trusted publishing or a scoped key kept as a CI secret.
        """,
        examples: [
            .triggers("GEM_HOST_API_KEY=rubygems_41aabcf48b64febf9e54c6b0b7a7408686c33c5606bce2e5\n", fileName: ".env"),
            .triggers("---\n:rubygems_api_key: rubygems_41aabcf48b64febf9e54c6b0b7a7408686c33c5606bce2e5\n", fileName: "credentials"),
            .passes("GEM_HOST_API_KEY=rubygems_41aabcf48b64febf9e54c6b0b7a74\n", fileName: ".env"),
            .passes("GEM_HOST_API_KEY=rubygems_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["rubygems_"], regex: #"\b(rubygems_[a-f0-9]{48})\b"#, minEntropy: 3.0
    )
}
