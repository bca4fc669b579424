import RampartCore

enum TypeformPAT: SecretRule {
    static let metadata = RuleMetadata.secret(
        "typeform-pat", title: "Typeform personal access token",
        documentation: """
        A Typeform personal access token (`tfp_` and about 59 characters) calls the Typeform API as \
        its user with its scopes: reading forms and every response submitted to them, which often \
        contain personal data.

        **Fix:** delete the token (Account → Personal tokens) and keep its replacement in a secrets \
        manager.
        """,
        examples: [
            .triggers("TYPEFORM_TOKEN=tfp_8tIeDANjnJo-ZJGZ8Sn9KMjvP0RZdbx4xiBefRpCagLWtChfPxAxMUhxdob\n", fileName: ".env"),
            .triggers("headers = {'Authorization': 'Bearer tfp_8tIeDANjnJo-ZJGZ8Sn9KMjvP0RZdbx4xiBefRpCagLWtChfPxAxMUhxdob'}\n", fileName: "forms.py"),
            .passes("TYPEFORM_TOKEN=tfp_8tIeDANjnJo-ZJGZ8Sn9KMjvP\n", fileName: ".env"),
            .passes("TYPEFORM_TOKEN=tfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["tfp_"], regex: #"\b(tfp_[A-Za-z0-9_.=-]{59})(?![\w.=-])"#, minEntropy: 3.5
    )
}
