import RampartCore

enum JFrogReferenceToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "jfrog-reference-token", title: "JFrog reference token",
        documentation: """
        A JFrog reference token (64 characters beginning `cmVmdGtuOjAxOj`, the base-64 of \
        `reftkn:01:`) is a short handle for a JFrog access token, usable wherever a password or \
        bearer token is accepted, with the token's scopes.

        **Fix:** revoke the token (Administration → User management → Access tokens, or the user \
        profile), create one with an expiry, and keep it in the build's secret store.
        """,
        examples: [
            .triggers("JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOjA2NzI3MDk5NDY5OnZVTlZWdFc0Q0p0cXRtWE1nWFl6c21PSEY=\n", fileName: ".env"),
            .triggers("//acme.jfrog.io/artifactory/api/npm/npm/:_authToken=cmVmdGtuOjAxOjA2NzI3MDk5NDY5OnZVTlZWdFc0Q0p0cXRtWE1nWFl6c21PSEY=\n", fileName: ".npmrc"),
            .passes("JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOjA2NzI3MDk5NDY5\n", fileName: ".env"),
            .passes("JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOjxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["cmvmdgtuojaxoj"],
        regex: #"\b(cmVmdGtuOjAxOj[A-Za-z0-9+/]{40,60}={0,2})(?![A-Za-z0-9+/=])"#, minEntropy: 3.5
    )
}
