import RampartCore

enum AzureDevOpsPAT: SecretRule {
    static let metadata = RuleMetadata.secret(
        "azure-devops-pat", title: "Azure DevOps personal access token", confidence: .medium,
        documentation: """
        An Azure DevOps personal access token (52 lower-case base-32 characters, or 84 characters \
        carrying the `AZDO` signature) acts as its owner on the organisation's repositories, \
        pipelines, artifacts and boards, within the scopes chosen when it was created.

        **Fix:** revoke the token (User settings → Personal access tokens), check the organisation's \
        audit log, and use pipeline `System.AccessToken`, service connections or Microsoft Entra \
        tokens instead of long-lived PATs.
        """,
        examples: [
            .triggers("AZURE_DEVOPS_PAT=g6tlyg435eavqqyzfy2x6qur4gez525m6i27jgklifdouc2aff64\n", fileName: ".env"),
            .triggers("variables:\n  ado_token: g6tlyg435eavqqyzfy2x6qur4gez525m6i27jgklifdouc2aff64\n", fileName: "azure-pipelines.yml"),
            .passes("AZURE_DEVOPS_PAT=$(System.AccessToken)\n", fileName: ".env"),
            .passes("tornado_secret = g6tlyg435eavqqyzfy2x6qur4gez525m6i27jgklifdouc2aff64\n", fileName: "settings.py"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["devops", "vsts", "azdo", "ado_", "ado-"],
        regex: #"(?<![A-Za-z])(?i:azure[_-]?devops|devops|vsts|azdo|ado)[\w.-]{0,25}["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[a-z2-7]{52}|[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})(?![A-Za-z0-9])"#,
        minEntropy: 3.5
    )
}
