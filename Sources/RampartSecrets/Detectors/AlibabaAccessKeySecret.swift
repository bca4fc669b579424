import RampartCore

enum AlibabaAccessKeySecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "alibaba-access-key-secret", title: "Alibaba Cloud AccessKey secret", severity: .critical, confidence: .medium,
        documentation: """
        The AccessKey secret of an Alibaba Cloud key pair (30 characters) signs API requests as the \
        RAM user or root account that owns it. Rampart reports it where it is assigned to a name \
        such as `access_key_secret` or an `ALIBABA_CLOUD_…SECRET` variable.

        **Fix:** disable and delete the AccessKey pair in the RAM console, review ActionTrail for \
        its use, and switch to RAM roles or STS credentials, keeping any remaining secret in KMS.
        """,
        examples: [
            .triggers("ALIBABA_CLOUD_ACCESS_KEY_SECRET=IJmlrt1clgQe2W25MzIlbRP03RIMTI\n", fileName: ".env"),
            .triggers("aliyun:\n  oss:\n    access-key-secret: IJmlrt1clgQe2W25MzIlbRP03RIMTI\n", fileName: "application.yml"),
            .passes("ALIBABA_CLOUD_ACCESS_KEY_SECRET=IJmlrt1clgQe2W25Mz\n", fileName: ".env"),
            .passes("access_key_secret = os.environ['ALIBABA_SECRET']\n", fileName: "oss.py"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["access_key_secret", "access-key-secret", "accesskeysecret", "alibaba", "aliyun", "alicloud"],
        regex: #"(?i)(?:access[_-]?key[_-]?secret|(?:alibaba|aliyun|alicloud)[\w.-]{0,25}secret)["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[A-Za-z0-9]{30})(?![A-Za-z0-9])"#,
        minEntropy: 3.5
    )
}
