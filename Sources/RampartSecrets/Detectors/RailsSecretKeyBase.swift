import RampartCore

enum RailsSecretKeyBase: SecretRule {
    static let metadata = RuleMetadata.secret(
        "rails-secret-key-base", title: "Rails secret_key_base or master key",
        documentation: """
        A Rails `secret_key_base` (128 hex digits) signs and encrypts cookies and sessions and \
        derives the keys of `ActiveRecord` encryption and message verifiers: with it an attacker \
        forges sessions and, through deserialisation of signed cookies in some setups, executes \
        code. `RAILS_MASTER_KEY` (32 hex digits) decrypts `credentials.yml.enc`, and with it every \
        credential in it.

        **Fix:** generate a new value (`bin/rails secret`, or `bin/rails credentials:edit` with a \
        new master key), rotate the credentials it protected, and supply it through the environment.
        """,
        examples: [
            .triggers("production:\n  secret_key_base: 196cbe578705124715782ff41a6c90cf8aa27d478c9f29c3b30df5812859846b41cb2e81e6f7d467bab28c082efa35bd681bada0d3482de53d73431a894997f5\n", fileName: "secrets.yml"),
            .triggers("RAILS_MASTER_KEY=4a316fcfe06e96514221b94d955f4bbc\n", fileName: ".env"),
            .passes("production:\n  secret_key_base: <%= ENV['SECRET_KEY_BASE'] %>\n", fileName: "secrets.yml"),
            .passes("SECRET_KEY_BASE=196cbe578705124715782ff41a6c90cf\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["secret_key_base", "rails_master_key"],
        regex: #"(?|(?i:secret_key_base)["']?\s*(?:=>|[:=])\s*["']?([a-f0-9]{64,256})|(?i:rails_master_key)["']?\s*[:=]\s*["']?([a-f0-9]{32}))(?![A-Za-z0-9])"#,
        minEntropy: 3.0
    )
}
