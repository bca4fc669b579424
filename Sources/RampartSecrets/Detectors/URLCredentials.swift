import RampartCore

enum URLCredentials: SecretRule {
    static let metadata = RuleMetadata.secret(
        "url-credentials", title: "Password in an HTTP or FTP URL", tags: ["generic"],
        documentation: """
        An HTTP(S), FTP or WebSocket URL with `user:password@` before the host sends those \
        credentials to the server as basic authentication: to package indexes, registries, webhooks, \
        proxies and internal services. The URL also ends up in logs, shell history and error \
        messages. URLs whose password is a template, equals the user name or is a word such as \
        `password` are not reported; database URLs have their own detectors.

        **Fix:** change the password or revoke the token, and pass credentials separately from the \
        URL (a credential helper, `.netrc`, or an environment variable read at run time).
        """,
        examples: [
            .triggers("PIP_INDEX_URL=https://ci-reader:Tz8Kq3Wr7Lx2Nv5M@pypi.acme.test/simple\n", fileName: ".env"),
            .triggers("[global]\nextra-index-url = https://deploy:Gh4Lq9Zw2Rt7Kx3V@nexus.acme.test/repository/pypi/simple\n", fileName: "pip.conf"),
            .triggers("curl -O ftp://backup:Nw7Rz2Kq8Lt4Xv9P@ftp.acme.test/dump.sql.gz\n", fileName: "fetch.sh"),
            .passes("PIP_INDEX_URL=https://ci-reader:${PYPI_PASSWORD}@pypi.acme.test/simple\n", fileName: ".env"),
            .passes("proxy = http://user:password@proxy.acme.test:3128\n", fileName: "config.ini"),
            .passes("url = 'https://admin:admin@localhost:8080/'\n", fileName: "dev.py"),
            .passes("See https://docs.acme.test:8443/guide@section for details.\n", fileName: "notes.txt"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["://"],
        regex: #"\b(?i:https?|ftps?|sftp|wss?)://(?<user>[A-Za-z0-9._~%+-]{0,64}):(?!\k<user>@)(?!(?i:pass(?:word)?|passwd|pwd|secret|changeme|\*+)@)(?<secret>[^\s:@/?#'"<>]{3,128})@[A-Za-z0-9._-]+"#,
        minEntropy: 2.5
    )

    /// `.git-credentials` lines are reported by `git-credentials-url`.
    static let accept: (@Sendable (SecretContext) -> Bool)? = { context in
        let name = context.path.split(separator: "/").last.map(String.init) ?? context.path
        return name != ".git-credentials" && name != "git-credentials"
    }
}
