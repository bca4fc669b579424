import RampartCore

enum PostgresConnectionString: SecretRule {
    static let metadata = RuleMetadata.secret(
        "postgres-connection-string", title: "PostgreSQL connection string with password", tags: ["generic"],
        documentation: """
        A PostgreSQL URL with an embedded password (`postgres://user:password@host/db`, also \
        SQLAlchemy's `postgresql+psycopg://`) logs in to the database as that user: reading and \
        changing every table the role can reach. URLs whose password is a template, equals the user \
        name or is a word such as `password` are not reported.

        **Fix:** change the database user's password, check the server's logs for logins you do not \
        expect, and build the URL at run time from a password kept in a secrets manager or the \
        deployment's environment.
        """,
        examples: [
            .triggers("DATABASE_URL=postgres://billing:Wq8Lr3Vz9Kt2Pm7X@db.prod.internal:5432/billing\n", fileName: ".env"),
            .triggers("SQLALCHEMY_DATABASE_URI = 'postgresql+psycopg2://app:h5Tz9Qw2Nk7Lx4Rv@10.0.3.17/app'\n", fileName: "settings.py"),
            .passes("DATABASE_URL=postgres://db.prod.internal:5432/billing\n", fileName: ".env"),
            .passes("DATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal:5432/app\n", fileName: ".env"),
            .passes("DATABASE_URL=postgres://app:app@localhost/app\n", fileName: "docker-compose.yml"),
            .passes("url = 'postgres://user:password@host/db'\n", fileName: "settings.py"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["postgres://", "postgresql://", "postgresql+", "postgres+"],
        regex: #"\b(?:postgres(?:ql)?(?:\+[a-z0-9]+)?)://(?<user>[A-Za-z0-9._~%+-]{0,64}):(?!\k<user>@)(?!(?i:pass(?:word)?|passwd|pwd|secret|changeme|\*+)@)(?<secret>[^\s:@/?#'"<>]{3,128})@[A-Za-z0-9._-]+"#,
        minEntropy: 2.5
    )
}
