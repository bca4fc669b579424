import RampartCore

enum AMQPConnectionString: SecretRule {
    static let metadata = RuleMetadata.secret(
        "amqp-connection-string", title: "AMQP (RabbitMQ) connection string with password", tags: ["generic"],
        documentation: """
        An AMQP URL with an embedded password (`amqp://user:password@host/vhost`) connects to \
        RabbitMQ or another broker as that user: reading, publishing and deleting messages on the \
        virtual host, which lets a holder inject jobs that workers execute.

        **Fix:** change the user's password (`rabbitmqctl change_password`, or the managed broker's \
        console) and read the URL from a secrets manager or the environment.
        """,
        examples: [
            .triggers("BROKER_URL=amqp://worker:Lr5Tq9Wz2Kx7Nv3P@rabbitmq.prod.internal:5672/jobs\n", fileName: ".env"),
            .triggers("spring.rabbitmq.addresses=amqps://orders:Mz8Kq2Wr7Lt4Xv9N@b-1f2e.mq.us-east-1.amazonaws.com:5671\n", fileName: "application.properties"),
            .passes("BROKER_URL=amqp://rabbitmq.prod.internal:5672/jobs\n", fileName: ".env"),
            .passes("DATABASE_URL=amqp://app:${DB_PASSWORD}@db.internal:5432/app\n", fileName: ".env"),
            .passes("DATABASE_URL=amqp://app:app@localhost/app\n", fileName: "docker-compose.yml"),
            .passes("url = 'amqp://user:password@host/db'\n", fileName: "settings.py"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["amqp://", "amqps://"],
        regex: #"\b(?:amqps?)://(?<user>[A-Za-z0-9._~%+-]{0,64}):(?!\k<user>@)(?!(?i:pass(?:word)?|passwd|pwd|secret|changeme|\*+)@)(?<secret>[^\s:@/?#'"<>]{3,128})@[A-Za-z0-9._-]+"#,
        minEntropy: 2.5
    )
}
