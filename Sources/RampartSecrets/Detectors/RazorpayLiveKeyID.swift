import RampartCore

enum RazorpayLiveKeyID: SecretRule {
    static let metadata = RuleMetadata.secret(
        "razorpay-live-key-id", title: "Razorpay live key ID", severity: .medium,
        documentation: """
        A Razorpay live key ID (`rzp_live_` and 14 characters) identifies a live-mode API key; it is \
        public in checkout pages, but in server code it is usually stored next to its key secret, \
        which completes the credential.

        **Fix:** if the key secret may be exposed as well, regenerate the key (Dashboard → Account & \
        Settings → API keys) and keep the secret in a secrets manager.
        """,
        examples: [
            .triggers("RAZORPAY_KEY_ID=rzp_live_IQ5ywpyZYaiZ4H\n", fileName: ".env"),
            .triggers("client = razorpay.Client(auth=('rzp_live_IQ5ywpyZYaiZ4H', key_secret))\n", fileName: "payments.py"),
            .passes("RAZORPAY_KEY_ID=rzp_live_IQ5ywpy\n", fileName: ".env"),
            .passes("RAZORPAY_KEY_ID=rzp_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["rzp_live_"], regex: #"\b(rzp_live_[A-Za-z0-9]{14})\b"#, minEntropy: 3.0
    )
}
