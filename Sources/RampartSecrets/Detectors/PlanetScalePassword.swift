import RampartCore

enum PlanetScalePassword: SecretRule {
    static let metadata = RuleMetadata.secret(
        "planetscale-password", title: "PlanetScale database password",
        documentation: """
        A PlanetScale database password (`pscale_pw_` and 43 characters) connects to a database \
        branch with the password's role (reader, writer or admin), through any MySQL client.

        **Fix:** delete the password (the database → Settings → Passwords) and keep its replacement \
        in a secrets manager.
        """,
        examples: [
            .triggers("DATABASE_PASSWORD=pscale_pw_cDE5QyEKeKHOxrYCbMhjMOeysxDieVlH5lfy0JBDhpJ\n", fileName: ".env"),
            .triggers("DATABASE_URL = 'mysql://k2r8pq7xw4zt:pscale_pw_cDE5QyEKeKHOxrYCbMhjMOeysxDieVlH5lfy0JBDhpJ@aws.connect.psdb.cloud/app?sslaccept=strict'\n", fileName: "settings.py"),
            .passes("DATABASE_PASSWORD=pscale_pw_cDE5QyEKeKHOxr\n", fileName: ".env"),
            .passes("DATABASE_PASSWORD=pscale_pw_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["pscale_pw_"], regex: #"\b(pscale_pw_[A-Za-z0-9_.-]{43})(?![\w.-])"#, minEntropy: 3.5
    )
}
