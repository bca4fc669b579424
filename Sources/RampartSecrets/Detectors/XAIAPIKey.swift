import RampartCore

enum XAIAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "xai-api-key", title: "xAI API key",
        documentation: """
        An xAI API key (`xai-` and 80 letters and digits) calls the Grok models on the team's \
        credits, within the key's model and endpoint restrictions.

        **Fix:** delete the key (console.x.ai → API keys), create a restricted one, and keep it in a \
        secrets manager.
        """,
        examples: [
            .triggers("XAI_API_KEY=xai-GPa2GZakfHuhEvB9uNp7bBRDX3RNbJ9qgrw2nAXD2NbgbVFdoS6yzprCe7AIyjPqKxELJmNCwa2ZW8e2\n", fileName: ".env"),
            .triggers("client = Client(api_key=\"xai-GPa2GZakfHuhEvB9uNp7bBRDX3RNbJ9qgrw2nAXD2NbgbVFdoS6yzprCe7AIyjPqKxELJmNCwa2ZW8e2\")\n", fileName: "grok.py"),
            .passes("XAI_API_KEY=xai-GPa2GZakfHuhEvB9uNp7bBRDX3RN\n", fileName: ".env"),
            .passes("XAI_API_KEY=xai-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["xai-"], regex: #"\b(xai-[A-Za-z0-9]{80})\b"#, minEntropy: 3.5
    )
}
