import RampartCore

enum JDBCConnectionString: SecretRule {
    static let metadata = RuleMetadata.secret(
        "jdbc-connection-string", title: "JDBC URL with password", tags: ["generic"],
        documentation: """
        A JDBC URL carrying a password (`jdbc:postgresql://host/db?user=…&password=…`, \
        `jdbc:sqlserver://host;user=…;password=…`, or Oracle's \
        `jdbc:oracle:thin:user/password@host`) logs in to the database as that user from any Java \
        application or tool.

        **Fix:** change the database password, and let the application read it from the environment \
        or a secrets manager (`spring.datasource.password=${DB_PASSWORD}`) instead of the URL.
        """,
        examples: [
            .triggers("spring.datasource.url=jdbc:postgresql://db.prod.internal:5432/app?user=app&password=Rk8Wq3Lz7Tn2Vx5M\n", fileName: "application.properties"),
            .triggers("url: jdbc:oracle:thin:scott/Tq9Lx4Kw2Rz7Nv3P@//oracle.prod.internal:1521/ORCL\n", fileName: "application.yml"),
            .triggers("JDBC_URL=jdbc:sqlserver://mssql.internal:1433;databaseName=hr;user=hr;password=Zm5Kq8Wr2Lt7Xv4N;\n", fileName: ".env"),
            .passes("spring.datasource.url=jdbc:postgresql://db.prod.internal:5432/app\n", fileName: "application.properties"),
            .passes("spring.datasource.url=jdbc:postgresql://db/app?user=app&password=${DB_PASSWORD}\n", fileName: "application.properties"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["jdbc:"],
        regex: #"(?|\bjdbc:[a-z0-9:]+:[^\s"'<>]{0,300}?[?&;](?i:password|pwd)=([^&;\s"'<>]{3,128})|\bjdbc:oracle:thin:[A-Za-z0-9_$#]{1,64}/([^@\s"'/]{3,128})@)"#,
        minEntropy: 2.5
    )
}
