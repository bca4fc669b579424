import RampartCore

enum InfisicalServiceToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "infisical-service-token", title: "Infisical service token",
        documentation: """
        An Infisical service token (`st.` and three dot-separated hex parts) reads, and with write \
        scope changes, the secrets of the project environments and paths it was created for; its \
        last part is the key that decrypts them.

        **Fix:** delete the token (Project settings → Service tokens), move the workload to a \
        machine identity with short-lived access tokens, and keep credentials in the platform's \
        secret store.
        """,
        examples: [
            .triggers("INFISICAL_TOKEN=st.4631b8649e635fa9bdf2530d.2e164260177fa2681ca8a7b819a6036e.828351a61ed2e8b4f38e6d64a866246c\n", fileName: ".env"),
            .triggers("ENV INFISICAL_TOKEN=st.4631b8649e635fa9bdf2530d.2e164260177fa2681ca8a7b819a6036e.828351a61ed2e8b4f38e6d64a866246c\n", fileName: "Dockerfile"),
            .passes("INFISICAL_TOKEN=st.4631b8649e635fa9bdf2530d.2e164260177fa2681ca8a7b819a6036e\n", fileName: ".env"),
            .passes("INFISICAL_TOKEN=st.000000000000000000000000.00000000000000000000000000000000.00000000000000000000000000000000\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["infisical"],
        regex: #"(?i:infisical)[\w.-]{0,25}["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>st\.[a-f0-9]{24}\.[a-f0-9]{32}\.[a-f0-9]{32})(?![\w.])"#,
        minEntropy: 3.0
    )
}
