import RampartCore

enum NetrcPassword: SecretRule {
    static let metadata = RuleMetadata.secret(
        "netrc-password", title: "Password in .netrc",
        documentation: """
        A `.netrc` entry (`machine <host> login <user> password <secret>`) supplies credentials to \
        curl, git, ftp and package tools for that host automatically: whoever has the file logs in \
        as that user; the password is often an API token (Heroku, GitHub, Artifactory).

        **Fix:** revoke the token or change the password at the host, and keep `.netrc` in the home \
        directory with mode 600, never in a repository or image.
        """,
        examples: [
            .triggers("machine api.acme.test\n  login deploy@acme.test\n  password Vq9Lr2Tx7Kp4Wn8Z\n", fileName: ".netrc"),
            .triggers("RUN echo 'machine git.acme.test login ci password Hk3Zp8Qw2Lx7Rv5N' > /root/.netrc\n", fileName: "Dockerfile"),
            .passes("machine api.acme.test\n  login deploy@acme.test\n  password ${NETRC_PASSWORD}\n", fileName: ".netrc"),
            .passes("The machine learning team can log in with a password manager.\n", fileName: "README.txt"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["machine"],
        regex: #"\bmachine\s+[\w.:-]+\s+login\s+[^\s]+\s+password\s+(?<secret>[^\s'"]{4,200})"#,
        minEntropy: 2.5, multiline: true
    )
}
