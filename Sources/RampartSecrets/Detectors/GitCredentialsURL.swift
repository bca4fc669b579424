import RampartCore

enum GitCredentialsURL: SecretRule {
    static let metadata = RuleMetadata.secret(
        "git-credentials-url", title: "Credential in .git-credentials",
        documentation: """
        A line of `.git-credentials` (`https://user:token@host`) is what git's `store` credential \
        helper writes in plain text: the password is usually a personal access token for GitHub, \
        GitLab, Bitbucket or Azure DevOps with full repository access.

        **Fix:** revoke the token at the host, switch to a credential helper backed by the OS \
        keychain (`osxkeychain`, `manager`, `libsecret`), and never copy `.git-credentials` into a \
        repository or image.
        """,
        examples: [
            .triggers("https://octo-bot:Xh7Kq2Lp9Vr4Tz8Wn3Bc@github.com\n", fileName: ".git-credentials"),
            .triggers("https://oauth2:Rz5Tn8Wq2Lk7Vx3Pm9Hd@gitlab.acme.test\n", fileName: "git-credentials"),
            .passes("https://octo-bot:Xh7Kq2Lp9Vr4Tz8Wn3Bc@github.com\n", fileName: "notes.txt"),
            .passes("https://octo-bot:${GIT_TOKEN}@github.com\n", fileName: ".git-credentials"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["://"], regex: #"https?://[^:\s/@]+:(?<secret>[^@\s/]{4,300})@[\w.-]+"#, minEntropy: 2.5
    )

    /// Only git's credential store; URLs elsewhere are the URL-credential detector's.
    static let accept: (@Sendable (SecretContext) -> Bool)? = { context in
        let name = context.path.split(separator: "/").last.map(String.init) ?? context.path
        return name == ".git-credentials" || name == "git-credentials"
    }
}
