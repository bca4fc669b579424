import RampartCore

enum GitHubAppInstallationToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "github-app-installation-token", title: "GitHub App installation access token",
        documentation: """
        A GitHub App installation token (`ghs_` and 36 characters) acts as the app on the \
        repositories of an installation; GitHub Actions' `GITHUB_TOKEN` is one. It expires after an \
        hour, but a committed one shows that tokens are being written to disk.

        The last 6 characters are a base-62 CRC-32 of the 30 before them, so Rampart checks them \
        offline: a token whose checksum holds is reported with high confidence, and a string of the \
        right shape whose checksum fails is not reported.

        **Fix:** revoke it through the installation-token API if it may still be live, and mint \
        installation tokens at run time from the app's private key kept in a secrets manager.
        """,
        examples: [
            .triggers("GITHUB_TOKEN=ghs_WaX5qS2jo7ZIEthjnpib512H9g16Rs2de8EP\n", fileName: ".env"),
            .triggers("repo = requests.get(url, headers={\"Authorization\": \"Bearer ghs_WaX5qS2jo7ZIEthjnpib512H9g16Rs2de8EP\"})\n", fileName: "client.py"),
            .passes("GITHUB_TOKEN=ghs_WaX5qS2jo7ZIEthjnpib512H9g16Rs2de8EQ\n", fileName: ".env"),
            .passes("GITHUB_TOKEN=ghs_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["ghs_"], regex: #"\b(ghs_[0-9A-Za-z]{36})\b"#, validate: Checksums.prefixedCRC32Base62
    )
}
