import RampartCore

enum IBMCloudAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "ibm-cloud-api-key", title: "IBM Cloud API key", severity: .critical, confidence: .medium,
        documentation: """
        An IBM Cloud API key (44 URL-safe characters) exchanges for IAM tokens with every access \
        policy of the user or service ID that owns it, across the account's resources.

        **Fix:** delete the key (Manage → Access (IAM) → API keys), review Activity Tracker, and use \
        trusted profiles or a Secrets Manager instance instead of keys in files.
        """,
        examples: [
            .triggers("IBMCLOUD_API_KEY=D8UdocAAu8kTFrLUstmkJoj9kGr2aBr_fp7_o7IBOOFq\n", fileName: ".env"),
            .triggers("provider \"ibm\" {\n  ibmcloud_api_key = \"D8UdocAAu8kTFrLUstmkJoj9kGr2aBr_fp7_o7IBOOFq\"\n}\n", fileName: "main.tf"),
            .triggers("export IC_API_KEY=D8UdocAAu8kTFrLUstmkJoj9kGr2aBr_fp7_o7IBOOFq\n", fileName: "login.sh"),
            .passes("IBMCLOUD_API_KEY=D8UdocAAu8kTFrLUstmkJoj9kGr2aBr\n", fileName: ".env"),
            .passes("ibmcloud_api_key = var.ibmcloud_api_key\n", fileName: "main.tf"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["ibm", "ic_api_key"],
        regex: #"(?i)(?:ibm(?:cloud)?[\w.-]{0,20}|\bic_)api[_-]?key["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[A-Za-z0-9_-]{44})(?![\w-])"#,
        minEntropy: 4.0
    )
}
