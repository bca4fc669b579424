import RampartCore

enum FlaskSecretKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "flask-secret-key", title: "Flask secret key", confidence: .medium,
        documentation: """
        A Flask `secret_key` (`app.secret_key = …` or `app.config["SECRET_KEY"] = …`) signs the \
        session cookie: with it an attacker can forge sessions, log in as any user and tamper with \
        whatever the application keeps in the session.

        **Fix:** generate a new key (`secrets.token_hex(32)`), load it from the environment or a \
        secrets manager (`app.config.from_prefixed_env()`), and expect sessions to be reset.
        """,
        examples: [
            .triggers("app.secret_key = '782a62b78f15f42fcb4f3cc5f6f39141'\n", fileName: "app.py"),
            .triggers("app.config[\"SECRET_KEY\"] = \"Tz8Kq3Wr7Lx2Nv5MHd9Bc4Pj\"\n", fileName: "__init__.py"),
            .passes("app.secret_key = os.environ['FLASK_SECRET_KEY']\n", fileName: "app.py"),
            .passes("app.secret_key = 'dev'\n", fileName: "app.py"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["secret_key"],
        regex: #"(?:\b\w+\.secret_key\s*=|\b\w+\.config\[\s*["']SECRET_KEY["']\s*\]\s*=)\s*b?["'](?<secret>[^"'\s]{16,200})["']"#,
        minEntropy: 3.0
    )
}
