import RampartCore

enum RedisConnectionString: SecretRule {
    static let metadata = RuleMetadata.secret(
        "redis-connection-string", title: "Redis connection string with password", tags: ["generic"],
        documentation: """
        A Redis URL with an embedded password (`redis://:password@host:6379` or `rediss://` for TLS) \
        connects to the server with full command access: reading and deleting every key, which often \
        include sessions and cached credentials, and on misconfigured servers writing files.

        **Fix:** change the password (`requirepass` or the ACL user, or the managed service's auth \
        token), and read the URL from a secrets manager or the environment.
        """,
        examples: [
            .triggers("REDIS_URL=redis://:Vx7Lq2Kp9Wz4Rt8N@cache.prod.internal:6379/0\n", fileName: ".env"),
            .triggers("CELERY_BROKER_URL = 'rediss://default:Hq3Zr8Tn2Lw7Kx5P@redis-14523.c1.us-east-1.ec2.cloud.redislabs.com:14523'\n", fileName: "settings.py"),
            .passes("REDIS_URL=redis://cache.prod.internal:6379/0\n", fileName: ".env"),
            .passes("DATABASE_URL=redis://app:${DB_PASSWORD}@db.internal:5432/app\n", fileName: ".env"),
            .passes("DATABASE_URL=redis://app:app@localhost/app\n", fileName: "docker-compose.yml"),
            .passes("url = 'redis://user:password@host/db'\n", fileName: "settings.py"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["redis://", "rediss://"],
        regex: #"\b(?:rediss?)://(?<user>[A-Za-z0-9._~%+-]{0,64}):(?!\k<user>@)(?!(?i:pass(?:word)?|passwd|pwd|secret|changeme|\*+)@)(?<secret>[^\s:@/?#'"<>]{3,128})@[A-Za-z0-9._-]+"#,
        minEntropy: 2.5
    )
}
