import RampartCore

enum GoogleOAuthAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "google-oauth-access-token", title: "Google OAuth access token", severity: .medium,
        documentation: """
        A Google OAuth access token (`ya29.` and a long URL-safe string) authorises API calls for \
        the scopes it was granted. It expires after about an hour, but a committed one shows that \
        tokens are being written to files that may also hold refresh tokens.

        **Fix:** revoke it through the OAuth revoke endpoint if it may still be live, and stop \
        persisting tokens in source, logs or fixtures; obtain them at run time instead.
        """,
        examples: [
            .triggers("curl -H 'Authorization: Bearer ya29.Ck7TAU8BnAMWrq9YnXgoXFgrsfUIbvWAWkpuL9lDTlPPODTPqH0qzFP2Jlu-M0Yy8ROAEu4qE0-xd9QAT1KFN2XE9k1Zij5mO2OeD8jxf4mqXhHDpZaMDcEzr0nKBW93InFBpsSjlUt6gU1c97QBVQ' https://www.googleapis.com/drive/v3/files\n", fileName: "list.sh"),
            .triggers("token = \"ya29.Ck7TAU8BnAMWrq9YnXgoXFgrsfUIbvWAWkpuL9lDTlPPODTPqH0qzFP2Jlu-M0Yy8ROAEu4qE0-xd9QAT1KFN2XE9k1Zij5mO2OeD8jxf4mqXhHDpZaMDcEzr0nKBW93InFBpsSjlUt6gU1c97QBVQ\"\n", fileName: "drive.py"),
            .passes("token = \"ya29.Ck7TAU8BnAMWrq9Y\"\n", fileName: "drive.py"),
            .passes("token = \"ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n", fileName: "drive.py"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["ya29."], regex: #"\b(ya29\.[A-Za-z0-9_-]{50,2000})(?![\w-])"#, minEntropy: 4.0
    )
}
