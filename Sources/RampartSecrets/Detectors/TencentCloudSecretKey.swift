import RampartCore

enum TencentCloudSecretKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "tencent-cloud-secret-key", title: "Tencent Cloud SecretKey", severity: .critical, confidence: .medium,
        documentation: """
        The SecretKey of a Tencent Cloud API key pair (32 characters) signs requests as the CAM user \
        or root account that owns it. Rampart reports it where it is assigned to a Tencent Cloud \
        name such as `TENCENTCLOUD_SECRET_KEY` or `qcloud_secret_key`.

        **Fix:** disable and delete the key pair in CAM, check CloudAudit for its use, and move to \
        CAM roles or a secrets manager for whatever still needs a key.
        """,
        examples: [
            .triggers("TENCENTCLOUD_SECRET_KEY=yYHvAaAdAxEG9rLLJjJv1znqP4HdIplY\n", fileName: ".env"),
            .triggers("qcloud_secret_key = \"yYHvAaAdAxEG9rLLJjJv1znqP4HdIplY\"\n", fileName: "settings.py"),
            .passes("TENCENTCLOUD_SECRET_KEY=yYHvAaAdAxEG9rLLJjJv\n", fileName: ".env"),
            .passes("secret_key = yYHvAaAdAxEG9rLLJjJv1znqP4HdIplY\n", fileName: "other.ini"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["tencent", "qcloud"],
        regex: #"(?i)(?:tencent(?:cloud)?|qcloud)[\w.-]{0,20}secret[_-]?key["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])"#,
        minEntropy: 3.5
    )
}
