import RampartCore

enum SupabaseSecretKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "supabase-secret-key", title: "Supabase secret API key",
        documentation: """
        A Supabase secret API key (`sb_secret_…`) is the successor of the `service_role` JWT: it \
        bypasses Row Level Security and has full access to the project's database, storage and auth \
        users.

        **Fix:** delete the key and create a new one (Project settings → API keys), and use it only \
        on servers, loaded from the environment or a secrets manager.
        """,
        examples: [
            .triggers("SUPABASE_SECRET_KEY=sb_secret_neDasSPVCV_qC5AHc0Q_NgZNV0FIziq\n", fileName: ".env"),
            .triggers("supabase = create_client(url, \"sb_secret_neDasSPVCV_qC5AHc0Q_NgZNV0FIziq\")\n", fileName: "db.py"),
            .passes("SUPABASE_SECRET_KEY=sb_secret_neDasSPV\n", fileName: ".env"),
            .passes("SUPABASE_PUBLISHABLE_KEY=sb_publishable_neDasSPVCV_qC5AHc0Q_NgZNV0FIziq\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sb_secret_"], regex: #"\b(sb_secret_[A-Za-z0-9_-]{24,64})(?![\w-])"#, minEntropy: 3.5
    )
}
