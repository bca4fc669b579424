import RampartCore

enum AWSAccessKeyID: SecretRule {
    static let metadata = RuleMetadata.secret(
        "aws-access-key-id", title: "AWS access key ID", severity: .critical,
        documentation: """
        An AWS access key ID (`AKIA…` for long-term IAM user keys, `ASIA…` for temporary STS keys) \
        names the key pair that signs API requests. It is always stored next to its secret access \
        key, so a committed ID usually means the secret is in the same file or history, and together \
        they act as the IAM user or role with all of its policies.

        **Fix:** deactivate and delete the key in IAM (Users → Security credentials), check \
        CloudTrail for its use, and switch the workload to an IAM role, SSO or a secrets manager \
        instead of static keys in files.
        """,
        examples: [
            .triggers("AWS_ACCESS_KEY_ID=AKIAW4BZFMYEOJGHN33U\n", fileName: ".env"),
            .triggers("[default]\naws_access_key_id = ASIAIHONRBHT55HZGQ4F\n", fileName: "credentials"),
            .triggers("client = boto3.client('s3', aws_access_key_id='ABIAKHVCKBCRCI7S7NZU')\n", fileName: "upload.py"),
            .passes("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n", fileName: ".env"),
            .passes("AWS_ACCESS_KEY_ID=AKIAW4BZFMYEOJGHN33\n", fileName: ".env"),
            .passes("key = 'AKIAW4BZFMYEOJGHN310'\n", fileName: "settings.py"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["akia", "asia", "abia", "acca", "a3t"],
        regex: #"\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b"#, minEntropy: 3.0
    )
}
