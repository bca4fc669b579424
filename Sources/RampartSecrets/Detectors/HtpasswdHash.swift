import RampartCore

enum HtpasswdHash: SecretRule {
    static let metadata = RuleMetadata.secret(
        "htpasswd-hash", title: "htpasswd password hash", severity: .medium,
        documentation: """
        An htpasswd line (`user:$apr1$…`, `user:$2y$…` bcrypt or `user:{SHA}…`) stores a password \
        hash for HTTP basic authentication. Hashes can be cracked offline, quickly for `{SHA}` and \
        MD5-based `apr1`, and the same passwords are often reused elsewhere.

        **Fix:** change the affected passwords, regenerate the file with bcrypt (`htpasswd -B`), and \
        keep it on the server or in a Kubernetes Secret created at deploy time.
        """,
        examples: [
            .triggers("admin:$apr1$ku6H3fC4$tgSExSL68COyI7/93tOg43\n", fileName: ".htpasswd"),
            .triggers("prometheus:$2y$10$pdcjP42lAo5MODOz1MTFDWRPr6DDhf6MfGAOf3IUUb6Y.sprCR8pY\n", fileName: "auth"),
            .passes("admin:$apr1$ku6H3fC4\n", fileName: ".htpasswd"),
            .passes("Generate entries with htpasswd -B -c .htpasswd admin\n", fileName: "README.txt"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["$apr1$", "$2y$", "$2a$", "$2b$", "{sha}"],
        regex: #"(?<![^\s'"])[A-Za-z0-9._@-]{1,64}:(?<secret>\$apr1\$[A-Za-z0-9./]{1,8}\$[A-Za-z0-9./]{22}|\$2[aby]\$[0-9]{2}\$[A-Za-z0-9./]{53}|\{SHA\}[A-Za-z0-9+/]{27}=)(?![A-Za-z0-9./])"#,
        minEntropy: 3.0
    )
}
