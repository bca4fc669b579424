import RampartCore

enum NPMAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "npm-access-token", title: "npm access token",
        documentation: """
        An npm access token (`npm_` and 36 characters) publishes packages as its user, or reads \
        private packages, depending on its type: a leaked publish token lets an attacker push a \
        malicious version that every dependant installs.

        The last 6 characters are a base-62 CRC-32 of the 30 before them, so Rampart checks them \
        offline: a token whose checksum holds is reported with high confidence, and one whose \
        checksum fails is not reported.

        **Fix:** revoke the token (npmjs.com → Access Tokens, or `npm token revoke`), check the \
        packages' recent versions, and use granular tokens or trusted publishing from CI.
        """,
        examples: [
            .triggers("NPM_TOKEN=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\n", fileName: ".env"),
            .triggers("//registry.npmjs.org/:_authToken=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\n", fileName: ".npmrc"),
            .passes("NPM_TOKEN=npm_pDaM3s5Mwm2zkw5RA1OSwE6W20nEMM3oJtF8\n", fileName: ".env"),
            .passes("NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["npm_"], regex: #"\b(npm_[A-Za-z0-9]{36})\b"#, validate: Checksums.prefixedCRC32Base62
    )
}
