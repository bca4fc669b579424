import RampartCore

enum HuggingFaceAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "huggingface-access-token", title: "Hugging Face access token",
        documentation: """
        A Hugging Face user access token (`hf_` and 34 letters) acts as its user on the Hub with its \
        read, write or fine-grained permissions: downloading private and gated models and datasets, \
        pushing to repositories (a poisoned model runs code when loaded) and using Inference \
        Endpoints billed to the account.

        **Fix:** invalidate the token (Settings → Access Tokens), create a fine-grained one, and \
        keep it in a secrets manager or `huggingface-cli login` storage outside the repository.
        """,
        examples: [
            .triggers("HF_TOKEN=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\n", fileName: ".env"),
            .triggers("model = AutoModel.from_pretrained(\"acme/private-llm\", token=\"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\")\n", fileName: "train.py"),
            .passes("HF_TOKEN=hf_CZshmOgzJjaAQKCLqaWimY\n", fileName: ".env"),
            .passes("HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["hf_"], regex: #"\b(hf_[A-Za-z]{34})\b"#, minEntropy: 3.5
    )
}
