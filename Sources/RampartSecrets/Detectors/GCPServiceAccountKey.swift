import RampartCore

enum GCPServiceAccountKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "gcp-service-account-key", title: "Google Cloud service account key", severity: .critical,
        documentation: """
        A service account key file (JSON with `"type": "service_account"` and a `private_key`) lets \
        anyone act as that service account, with every IAM role it holds in every project, until the \
        key is deleted; such keys never expire by default.

        **Fix:** delete the key (IAM & Admin → Service accounts → Keys), check the audit logs for \
        its use, and replace key files with Workload Identity Federation, attached service accounts \
        or, if a key is unavoidable, Secret Manager.
        """,
        examples: [
            .triggers("{\n  \"type\": \"service_account\",\n  \"project_id\": \"billing-prod-41932\",\n  \"private_key_id\": \"3b1f0c9e7d2a4b6c8e0f1a3b5c7d9e1f2a4b6c8d\",\n  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMADHxoxkHOdXx2scTG9q/BboIUcgfgS4dnONMfhyA8n5u6zLOhVoZmH0CGtSs1b9\\ntWkghr/61NcWNIqaYE6YPIvDrPfjIoR2Zvvn4XUjvzk4M3BbLDJQK+y4i4sMfLRp\\n-----END PRIVATE KEY-----\\n\",\n  \"client_email\": \"deployer@billing-prod-41932.iam.gserviceaccount.com\"\n}\n", fileName: "key.json"),
            .triggers("CREDENTIALS = {\n    \"type\": \"service_account\",\n    \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n6Ht6OVBcKUxgURiD14RZMAPOtc8pfjKYmgEBK0I0fRtggaHG/WhsskrXwcG47b1q\\nWVcYS8iI838XfMMGB0rgTdjfHfue55dbYMSZCxiX+bKIOB4Q16YXC9KKRHhJndB1\\n-----END PRIVATE KEY-----\\n\",\n}\n", fileName: "gcp.py"),
            .passes("{\n  \"type\": \"authorized_user\",\n  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMADHxoxkHOdXx2scTG9q/BboIUcgfgS4dnONMfhyA8n5u6zLOhVoZmH0CGtSs1b9\\ntWkghr/61NcWNIqaYE6YPIvDrPfjIoR2Zvvn4XUjvzk4M3BbLDJQK+y4i4sMfLRp\\n-----END PRIVATE KEY-----\\n\"\n}\n", fileName: "key.json"),
            .passes("{\n  \"type\": \"service_account\",\n  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n\"\n}\n", fileName: "key.json"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["service_account"],
        regex: #""type"\s*:\s*"service_account"[\s\S]{0,4000}?"private_key"\s*:\s*"(?<secret>-----BEGIN (?:RSA )?PRIVATE KEY-----(?:\\n|[A-Za-z0-9+/=\s]){64,}?-----END (?:RSA )?PRIVATE KEY-----(?:\\n)?)""#,
        multiline: true
    )
}
