import RampartCore

enum BitbucketAppPassword: SecretRule {
    static let metadata = RuleMetadata.secret(
        "bitbucket-app-password", title: "Bitbucket app password",
        documentation: """
        A Bitbucket Cloud app password (`ATBB` and 32 characters) authenticates Git and API calls as \
        its user with the permissions chosen when it was created, across every workspace the user \
        belongs to.

        **Fix:** revoke it (Personal settings → App passwords), and move to API tokens or repository \
        access tokens with narrow scopes, stored as pipeline secured variables.
        """,
        examples: [
            .triggers("BITBUCKET_APP_PASSWORD=ATBB5rmdK55YHBzbuML3ZnSAeVBBAC8E1FFE\n", fileName: ".env"),
            .triggers("git clone https://deploybot:ATBB5rmdK55YHBzbuML3ZnSAeVBBAC8E1FFE@bitbucket.org/acme/app.git\n", fileName: "clone.sh"),
            .passes("BITBUCKET_APP_PASSWORD=ATBB5rmdK55YHBzbuML3\n", fileName: ".env"),
            .passes("BITBUCKET_APP_PASSWORD=ATBBxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["atbb"], regex: #"\b(ATBB[A-Za-z0-9_=.-]{28,40})(?![\w=.-])"#, minEntropy: 3.5
    )
}
