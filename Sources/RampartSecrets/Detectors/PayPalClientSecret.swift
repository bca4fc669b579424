import RampartCore

enum PayPalClientSecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "paypal-client-secret", title: "PayPal REST client secret", confidence: .medium,
        documentation: """
        A PayPal REST app client secret (80 URL-safe characters), with its client ID, obtains access \
        tokens for the app: in live mode it creates orders, captures and refunds payments and reads \
        transaction data.

        **Fix:** generate a new secret and delete the old one (Developer Dashboard → Apps & \
        Credentials → the app), and keep it in a secrets manager.
        """,
        examples: [
            .triggers("PAYPAL_CLIENT_SECRET=ozWvuUGfnhV6E3gT2hpxbHUFhLeADoZAavR0TQRKEPagmkkCD-1uI6UPL8oiPG0Zss8oreFzmSR73zFH\n", fileName: ".env"),
            .triggers("paypal:\n  paypal_secret: 'ozWvuUGfnhV6E3gT2hpxbHUFhLeADoZAavR0TQRKEPagmkkCD-1uI6UPL8oiPG0Zss8oreFzmSR73zFH'\n", fileName: "config.yml"),
            .passes("PAYPAL_CLIENT_SECRET=ozWvuUGfnhV6E3gT2hpxbHUFhLeADoZAavR0\n", fileName: ".env"),
            .passes("PAYPAL_CLIENT_SECRET=${PAYPAL_SECRET}\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["paypal"],
        regex: #"(?i:paypal[\w.-]{0,15}secret)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9_-]{80})(?![\w-])"#,
        minEntropy: 4.0
    )
}
