import RampartCore

enum RazorpayKeySecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "razorpay-key-secret", title: "Razorpay key secret", confidence: .medium,
        documentation: """
        A Razorpay key secret (24 letters and digits), with its key ID, calls the Razorpay API for \
        the merchant: creating orders, capturing and refunding payments and reading customer and \
        settlement data.

        **Fix:** regenerate the API key (Dashboard → Account & Settings → API keys) and keep the \
        secret in a secrets manager.
        """,
        examples: [
            .triggers("RAZORPAY_KEY_SECRET=FBgaTX3EiBDUJ4ylWDAP1w2G\n", fileName: ".env"),
            .triggers("razorpay:\n  razorpay_secret: 'FBgaTX3EiBDUJ4ylWDAP1w2G'\n", fileName: "config.yml"),
            .passes("RAZORPAY_KEY_ID=rzp_test_IQ5ywpyZYaiZ4H\n", fileName: ".env"),
            .passes("RAZORPAY_KEY_SECRET=FBgaTX3EiBDU\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["razorpay"],
        regex: #"(?i:razorpay[\w.-]{0,10}secret)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9])"#,
        minEntropy: 3.5
    )
}
