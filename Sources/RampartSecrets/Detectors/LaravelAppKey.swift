import RampartCore

enum LaravelAppKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "laravel-app-key", title: "Laravel APP_KEY",
        documentation: """
        A Laravel `APP_KEY` (`base64:` and 32 random bytes) encrypts cookies, sessions and \
        everything passed to `Crypt`; with it an attacker decrypts that data and forges encrypted \
        cookies, which has led to remote code execution through deserialisation.

        **Fix:** generate a new key (`php artisan key:generate`), re-encrypt data encrypted with the \
        old one (list it in `APP_PREVIOUS_KEYS` meanwhile), and keep `.env` out of the repository.
        """,
        examples: [
            .triggers("APP_KEY=base64:tkYYxama56UxFUikFCCW/ePkSbAiggpGJLDTrTilUrw=\n", fileName: ".env"),
            .triggers("    'key' => 'base64:tkYYxama56UxFUikFCCW/ePkSbAiggpGJLDTrTilUrw=',\n", fileName: "app.php"),
            .passes("APP_KEY=\n", fileName: ".env"),
            .passes("APP_KEY=base64:tkYYxama56UxFUikFCCW\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["app_key", "'key' =>", "\"key\" =>"],
        regex: #"(?:(?i:app_key)["']?\s*(?:=>|[:=])\s*|["']key["']\s*=>\s*)["']?base64:(?<secret>[A-Za-z0-9+/]{43}=)"#,
        minEntropy: 4.0
    )
}
