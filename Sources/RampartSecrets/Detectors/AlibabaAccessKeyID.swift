import RampartCore

enum AlibabaAccessKeyID: SecretRule {
    static let metadata = RuleMetadata.secret(
        "alibaba-access-key-id", title: "Alibaba Cloud AccessKey ID",
        documentation: """
        An Alibaba Cloud AccessKey ID (`LTAI` and 12 to 20 characters) names a key pair of a RAM \
        user or the root account; its AccessKey secret is almost always stored beside it, and the \
        pair signs API calls with every permission of that identity.

        **Fix:** disable and delete the AccessKey pair (RAM console → Users → AccessKey), review \
        ActionTrail, and use RAM roles, STS tokens or a KMS secret instead of static keys.
        """,
        examples: [
            .triggers("ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tYZ3paTS1sRuIZ2mRTj\n", fileName: ".env"),
            .triggers("oss:\n  access-key-id: LTAI5tYZ3paTS1sRuIZ2mRTj\n", fileName: "application.yml"),
            .passes("ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tYZ3pa\n", fileName: ".env"),
            .passes("ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["ltai"], regex: #"\b(LTAI[A-Za-z0-9]{12,20})\b"#, minEntropy: 3.0
    )
}
