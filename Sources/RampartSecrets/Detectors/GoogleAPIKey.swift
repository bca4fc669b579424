import RampartCore

enum GoogleAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "google-api-key", title: "Google API key", severity: .medium,
        documentation: """
        A Google API key (`AIza` and 35 characters) identifies a Google Cloud project to APIs such \
        as Maps, YouTube, Gemini or Firebase. Keys in web and mobile apps (Firebase configs) are \
        public by design, but an unrestricted key lets anyone call every enabled API on the \
        project's quota and bill, and some (Gemini, say) reach private data.

        **Fix:** delete or regenerate the key (APIs & Services → Credentials), add application and \
        API restrictions to its replacement, and load it from configuration that is not committed.
        """,
        examples: [
            .triggers("GOOGLE_API_KEY=AIzaSykun_QxbZMizbKYYMpCG1eHvKraV80qUDd\n", fileName: ".env"),
            .triggers("const firebaseConfig = { apiKey: \"AIzaSypcL4_xrz3BQCzDhkywnZ5d7e7V75Do2Mw\" };\n", fileName: "firebase.js"),
            .passes("GOOGLE_API_KEY=AIzaSykun_QxbZMizbKYYMpCG1eHvKraV80qUD\n", fileName: ".env"),
            .passes("GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["aiza"], regex: #"\b(AIza[0-9A-Za-z_-]{35})(?![\w-])"#, minEntropy: 3.5
    )
}
