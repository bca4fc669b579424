import RampartCore

enum MSSQLConnectionString: SecretRule {
    static let metadata = RuleMetadata.secret(
        "mssql-connection-string", title: "SQL Server connection string with password", tags: ["generic"],
        documentation: """
        A SQL Server connection string with a password (ADO.NET's `Server=…;User Id=…;Password=…` or \
        a `sqlserver://user:password@host` URL) logs in as that SQL login with all of its server and \
        database permissions.

        **Fix:** change the login's password, prefer Windows or Microsoft Entra authentication \
        (managed identities), and keep remaining connection strings in Key Vault or the deployment's \
        secret store.
        """,
        examples: [
            .triggers("\"DefaultConnection\": \"Server=tcp:sql-prod.database.windows.net,1433;Database=Orders;User ID=ordersvc;Password=Qz7Lr2Wk9Tx4Nv8P;Encrypt=True;\"\n", fileName: "appsettings.json"),
            .triggers("DB_URL=sqlserver://sa:Hw3Kq8Zr2Lx7Tn5V@mssql.internal:1433?database=reports\n", fileName: ".env"),
            .passes("\"DefaultConnection\": \"Server=(localdb)\\\\mssqllocaldb;Database=Orders;Trusted_Connection=True;\"\n", fileName: "appsettings.json"),
            .passes("\"DefaultConnection\": \"Server=sql-prod;Database=Orders;User ID=ordersvc;Password={0};\"\n", fileName: "appsettings.json"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["password=", "pwd=", "sqlserver://", "mssql://"],
        regex: #"(?|(?i:(?:server|data source|address|addr)\s*=[^;"'\n]{1,200};[^"'\n]{0,300}?\b(?:password|pwd)\s*=\s*)([^;"'\s{}]{4,128})|\b(?:sqlserver|mssql)://[A-Za-z0-9._~%+-]{1,64}:(?!(?i:pass(?:word)?|passwd|pwd)@)([^\s:@/?#'"<>]{3,128})@[A-Za-z0-9._-]+)"#,
        minEntropy: 2.5
    )
}
