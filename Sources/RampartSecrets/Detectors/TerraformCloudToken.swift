import RampartCore

enum TerraformCloudToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "terraform-cloud-token", title: "HCP Terraform (Terraform Cloud) API token",
        documentation: """
        An HCP Terraform / Terraform Enterprise API token (`….atlasv1.…`) acts as a user, team or \
        organisation: it can read state files, with every secret they hold, read sensitive \
        variables' existence, queue runs and change workspaces; it also authenticates to the private \
        module registry.

        **Fix:** revoke the token (User or organisation settings → Tokens), prefer team tokens with \
        an expiry or dynamic credentials, and keep it in `credentials.tfrc.json` outside the \
        repository or a CI secret.
        """,
        examples: [
            .triggers("TF_API_TOKEN=rPa0WIPaKXxW5V.atlasv1.lgS0xjmArWmSv-uP9Ji6RGjw_J-z9FDp1xm3deTYyqm0p1-DFn7Q-FrPXGPyhewZdU7\n", fileName: ".env"),
            .triggers("{\"credentials\": {\"app.terraform.io\": {\"token\": \"rPa0WIPaKXxW5V.atlasv1.lgS0xjmArWmSv-uP9Ji6RGjw_J-z9FDp1xm3deTYyqm0p1-DFn7Q-FrPXGPyhewZdU7\"}}}\n", fileName: "credentials.tfrc.json"),
            .passes("TF_API_TOKEN=rPa0WIPaKXxW5V.atlasv1.lgS0xjmArWmSv\n", fileName: ".env"),
            .passes("The token looks like <id>.atlasv1.<secret>.\n", fileName: "README.txt"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["atlasv1"], regex: #"\b([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![\w=-])"#,
        minEntropy: 4.0
    )
}
