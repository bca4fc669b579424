import RampartCore

enum ConfluentAPISecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "confluent-api-secret", title: "Confluent Cloud API secret", confidence: .medium,
        documentation: """
        A Confluent Cloud API secret (64 characters) with its key authenticates to a Kafka cluster, \
        Schema Registry or the Cloud API: producing and consuming every topic the key's ACLs or role \
        bindings allow.

        **Fix:** delete the API key (Cloud console → API keys), create a new one with narrower role \
        bindings, and keep it in a secrets manager.
        """,
        examples: [
            .triggers("CONFLUENT_API_SECRET=fhzSkIH62KTYcLtr60HEs1cTAAaI7wBIOk1c13slICMKtzezUpOAIHCqPF/uFWod\n", fileName: ".env"),
            .triggers("sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username='TRLDD9ADCUUUNDYW' password='fhzSkIH62KTYcLtr60HEs1cTAAaI7wBIOk1c13slICMKtzezUpOAIHCqPF/uFWod';\n", fileName: "client.properties"),
            .passes("CONFLUENT_API_KEY=TRLDD9ADCUUUNDYW\n", fileName: ".env"),
            .passes("CONFLUENT_API_SECRET=fhzSkIH62KTYcLtr60HEs1cTAA\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["confluent", "plainloginmodule"],
        regex: #"(?:(?i:confluent[\w.-]{0,15}(?:api[_-]?)?secret)["']?\s*(?:=>|:=|[:=])\s*["']?|PlainLoginModule\s+required\s+username=["'][A-Z0-9]{16}["']\s+password=["'])(?<secret>[A-Za-z0-9+/]{64})(?![A-Za-z0-9+/=])"#,
        minEntropy: 4.0
    )
}
