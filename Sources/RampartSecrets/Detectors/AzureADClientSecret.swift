import RampartCore

enum AzureADClientSecret: SecretRule {
    static let metadata = RuleMetadata.secret(
        "azure-ad-client-secret", title: "Microsoft Entra ID client secret",
        documentation: """
        A Microsoft Entra ID (Azure AD) application client secret (40 characters with `Q~` after the \
        fourth) lets its holder sign in as the application and use every Microsoft Graph or Azure \
        permission granted to it, in every tenant where the app is consented.

        **Fix:** delete the secret (App registrations → the app → Certificates & secrets), review \
        the sign-in logs of the service principal, and prefer managed identities, workload identity \
        federation or certificates kept in Key Vault.
        """,
        examples: [
            .triggers("AZURE_CLIENT_SECRET=SEG5Q~G1MhU4NyVFi-_md16C-D2oecyu~mS36qn1\n", fileName: ".env"),
            .triggers("\"ClientSecret\": \"SEG5Q~G1MhU4NyVFi-_md16C-D2oecyu~mS36qn1\",\n", fileName: "appsettings.json"),
            .passes("AZURE_CLIENT_SECRET=SEG5Q~G1MhU4NyVFi\n", fileName: ".env"),
            .passes("Secrets from the portal look like abc8Q~ followed by more characters.\n", fileName: "README.txt"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["q~"], regex: #"(?:^|[^\w~.-])(?<secret>[\w~.]{3}\dQ~[\w~.-]{31,34})(?![\w~.-])"#,
        minEntropy: 3.5
    )
}
