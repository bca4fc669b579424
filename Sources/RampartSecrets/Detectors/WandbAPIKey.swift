import RampartCore

enum WandbAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "wandb-api-key", title: "Weights & Biases API key", confidence: .medium,
        documentation: """
        A Weights & Biases API key (40 hex digits) logs in as its user: reading and writing the \
        runs, artifacts (datasets and model weights) and reports of every project the user can \
        reach.

        **Fix:** revoke the key (User settings → API keys), create a new one, and keep it in a \
        secrets manager or `~/.netrc` outside the repository.
        """,
        examples: [
            .triggers("WANDB_API_KEY=e88b16e693c66efadfd8a4849b848e6f166cb38c\n", fileName: ".env"),
            .triggers("wandb.login(key='e88b16e693c66efadfd8a4849b848e6f166cb38c')\n", fileName: "train.py"),
            .passes("WANDB_RUN_ID=e88b16e693c66efadfd8a4849b848e6f166cb38c\n", fileName: ".env"),
            .passes("WANDB_API_KEY=e88b16e693c66efadfd8a48\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["wandb"],
        regex: #"(?:(?i:wandb[\w.-]{0,10}(?:api[_-]?key|key))["']?\s*(?:=>|:=|[:=])\s*["']?|wandb\.login\(\s*key\s*=\s*["'])(?<secret>[a-f0-9]{40})(?![A-Za-z0-9])"#,
        minEntropy: 3.0
    )
}
