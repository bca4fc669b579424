import RampartCore

enum AWSBedrockAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "aws-bedrock-api-key", title: "Amazon Bedrock API key",
        documentation: """
        A long-term Amazon Bedrock API key (`ABSK` followed by a base-64 payload) authenticates \
        calls to Bedrock models as an IAM service-specific credential, so anyone holding it can run \
        inference, and run up charges, on the account.

        **Fix:** delete or deactivate the service-specific credential in IAM (Users → Security \
        credentials → API keys for Amazon Bedrock), prefer short-term keys or role credentials, and \
        keep any key in a secrets manager.
        """,
        examples: [
            .triggers("BEDROCK_API_KEY=ABSKQmVkcm9ja0FQSUtleS13ZHZiLWF0LTQ5OTEwMTkwMzU1NjpEVTBmWmcrb2R0QVpBNjZ4aUI2SnJpcWJSN2U4cEo5bUhFM2xJdjg1MHc1OXpsYktiS3FTaktET090YVE=\n", fileName: ".env"),
            .triggers("bedrock:\n  api_key: ABSKQmVkcm9ja0FQSUtleS13ZHZiLWF0LTQ5OTEwMTkwMzU1NjpEVTBmWmcrb2R0QVpBNjZ4aUI2SnJpcWJSN2U4cEo5bUhFM2xJdjg1MHc1OXpsYktiS3FTaktET090YVE=\n", fileName: "config.yml"),
            .passes("BEDROCK_API_KEY=ABSKQmVkcm9ja0FQSUtleS05ZHhv\n", fileName: ".env"),
            .passes("ABSK followed by a base-64 payload is the format of long-term keys\n", fileName: "notes.txt"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["absk"], regex: #"\b(ABSK[A-Za-z0-9+/]{109,269}={0,2})(?![A-Za-z0-9+/=])"#,
        minEntropy: 4.5
    )
}
