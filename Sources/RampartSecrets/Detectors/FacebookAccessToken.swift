import RampartCore

enum FacebookAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "facebook-access-token", title: "Facebook (Meta) access token",
        documentation: """
        A Facebook or Instagram Graph API access token (`EAA` and a long string) acts for a user, \
        page or system user with the permissions granted: reading insights and messages, posting as \
        the page, or managing ad accounts and their spend.

        **Fix:** invalidate it (remove the app from the user's or page's Business Integrations, or \
        reset the app secret, which revokes its tokens), and keep long-lived tokens in a secrets \
        manager.
        """,
        examples: [
            .triggers("FB_ACCESS_TOKEN=EAAGBSxYG4bjJc27pVQbN1FLgy606Hl2crLUS5Gt15yVsfEUq6YVMJjIa57mpfl9OrV8tMut1uEpVhItvRky9kZnJcm9Di9fgcwHoViTEamlIf97i7gSKt8efnaYNShHlHNH8CLSofMLt7kMUDXRTZNx36Fc0T8UtqV1xL4aFOnzmqacbhFIkPpl\n", fileName: ".env"),
            .triggers("graph = facebook.GraphAPI(access_token='EAAGBSxYG4bjJc27pVQbN1FLgy606Hl2crLUS5Gt15yVsfEUq6YVMJjIa57mpfl9OrV8tMut1uEpVhItvRky9kZnJcm9Di9fgcwHoViTEamlIf97i7gSKt8efnaYNShHlHNH8CLSofMLt7kMUDXRTZNx36Fc0T8UtqV1xL4aFOnzmqacbhFIkPpl')\n", fileName: "page.py"),
            .passes("FB_ACCESS_TOKEN=EAAGBSxYG4bjJc27pVQbN1FLgy606Hl2\n", fileName: ".env"),
            .passes("FB_ACCESS_TOKEN=EAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["eaa"], regex: #"\b(EAA[A-Za-z0-9]{100,400})\b"#, minEntropy: 4.0
    )
}
