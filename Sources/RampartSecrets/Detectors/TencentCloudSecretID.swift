import RampartCore

enum TencentCloudSecretID: SecretRule {
    static let metadata = RuleMetadata.secret(
        "tencent-cloud-secret-id", title: "Tencent Cloud SecretId",
        documentation: """
        A Tencent Cloud SecretId (`AKID` and 32 characters) names an API key pair of a CAM user or \
        the root account; its SecretKey is usually stored with it, and the pair signs API calls with \
        that identity's permissions.

        **Fix:** disable and delete the key in CAM (Access management → API keys), review \
        CloudAudit, and use CAM roles or temporary credentials instead of static keys.
        """,
        examples: [
            .triggers("TENCENTCLOUD_SECRET_ID=AKIDu5K8LGg57r07Fr4juVSoKdAxAvP3uQCc\n", fileName: ".env"),
            .triggers("cred = credential.Credential(\"AKIDu5K8LGg57r07Fr4juVSoKdAxAvP3uQCc\", secret_key)\n", fileName: "cvm.py"),
            .passes("TENCENTCLOUD_SECRET_ID=AKIDu5K8LGg57r07Fr4juVSoKdAx\n", fileName: ".env"),
            .passes("TENCENTCLOUD_SECRET_ID=AKIDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["akid"], regex: #"\b(AKID[A-Za-z0-9]{32})\b"#, minEntropy: 3.5
    )
}
