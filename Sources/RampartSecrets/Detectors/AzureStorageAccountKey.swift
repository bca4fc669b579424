import RampartCore

enum AzureStorageAccountKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "azure-storage-account-key", title: "Azure storage account key", severity: .critical,
        documentation: """
        An Azure storage account key (88 base-64 characters ending in `==`, usually inside a \
        connection string as `AccountKey=`) grants full control of every blob, file share, queue and \
        table in the account, and lets its holder mint SAS tokens of their own.

        **Fix:** rotate the key (Storage account → Security + networking → Access keys → Rotate), \
        update or revoke the SAS tokens signed with it, and move clients to Microsoft Entra ID \
        authentication or keep the connection string in Key Vault.
        """,
        examples: [
            .triggers("AZURE_STORAGE_CONNECTION_STRING=\"DefaultEndpointsProtocol=https;AccountName=invoices7;AccountKey=0oUJgRq7/ZK5idd1VTLHOUZdEqyoja4XBVhcbwB+yY7EQ4u/0rzxj/l6LaLoZOHnMpKvBIkzrY7JB1PGrS4rEg==;EndpointSuffix=core.windows.net\"\n", fileName: ".env"),
            .triggers("{ \"Storage\": { \"accountKey\": \"0oUJgRq7/ZK5idd1VTLHOUZdEqyoja4XBVhcbwB+yY7EQ4u/0rzxj/l6LaLoZOHnMpKvBIkzrY7JB1PGrS4rEg==\" } }\n", fileName: "appsettings.json"),
            .passes("UseDevelopmentStorage=true;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==\n", fileName: ".env"),
            .passes("AccountKey=0oUJgRq7/ZK5idd1VTLHOUZdEqyoja4XBVhcbwB+yY7EQ4u/0rzxj==\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["accountkey", "account_key"],
        regex: #"(?i)account_?key["']?\s*[:=]\s*["']?(?<secret>[A-Za-z0-9+/]{86}==)"#
    )
}
