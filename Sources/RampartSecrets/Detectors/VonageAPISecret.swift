import RampartCore

enum VonageAPISecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "vonage-api-secret", title: "Vonage (Nexmo) API secret", confidence: .medium,
        documentation: """
        A Vonage (formerly Nexmo) API secret (16 characters), with its API key, calls the Vonage \
        APIs for the account: sending SMS and making calls billed to it and reading message records.

        **Fix:** rotate the secret (API Dashboard → Settings → API secrets: add a new one, then \
        delete the old) and keep it in a secrets manager.
        """,
        examples: [
            .triggers("VONAGE_API_SECRET=mZ3Vj0irMSC1Ld7O\n", fileName: ".env"),
            .triggers("client = vonage.Client(key='4b2f9e1c', nexmo_secret='mZ3Vj0irMSC1Ld7O')\n", fileName: "sms.py"),
            .passes("VONAGE_API_SECRET=mZ3Vj0irMS\n", fileName: ".env"),
            .passes("VONAGE_API_SECRET=${VONAGE_API_SECRET}\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["vonage", "nexmo"],
        regex: #"(?i:(?:vonage|nexmo)[\w.-]{0,15}secret)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9]{16})(?![A-Za-z0-9])"#,
        minEntropy: 3.5
    )
}
