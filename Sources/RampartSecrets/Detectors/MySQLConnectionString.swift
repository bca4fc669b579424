import RampartCore

enum MySQLConnectionString: SecretRule {
    static let metadata = RuleMetadata.secret(
        "mysql-connection-string", title: "MySQL connection string with password", tags: ["generic"],
        documentation: """
        A MySQL or MariaDB URL with an embedded password (`mysql://user:password@host/db`, also \
        `mysql+pymysql://`) logs in to the database server as that user with all of its grants. URLs \
        whose password is a template, equals the user name or is a word such as `password` are not \
        reported.

        **Fix:** change the database user's password, check the server's logs for logins you do not \
        expect, and build the URL at run time from a password kept in a secrets manager or the \
        deployment's environment.
        """,
        examples: [
            .triggers("DATABASE_URL=mysql://shop:N4vR8zLq2Tx7Wk9P@mysql.prod.internal:3306/shop\n", fileName: ".env"),
            .triggers("spring.datasource.url=mysql+pymysql://reporting:Zt6Kp3Wq9Lr2Vx8M@10.0.4.20/reports\n", fileName: "application.properties"),
            .passes("DATABASE_URL=mysql://mysql.prod.internal:3306/shop\n", fileName: ".env"),
            .passes("DATABASE_URL=mysql://app:${DB_PASSWORD}@db.internal:5432/app\n", fileName: ".env"),
            .passes("DATABASE_URL=mysql://app:app@localhost/app\n", fileName: "docker-compose.yml"),
            .passes("url = 'mysql://user:password@host/db'\n", fileName: "settings.py"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["mysql://", "mysqlx://", "mysql+", "mariadb://", "mariadb+"],
        regex: #"\b(?:mysql(?:x)?(?:\+[a-z0-9]+)?|mariadb(?:\+[a-z0-9]+)?)://(?<user>[A-Za-z0-9._~%+-]{0,64}):(?!\k<user>@)(?!(?i:pass(?:word)?|passwd|pwd|secret|changeme|\*+)@)(?<secret>[^\s:@/?#'"<>]{3,128})@[A-Za-z0-9._-]+"#,
        minEntropy: 2.5
    )
}
