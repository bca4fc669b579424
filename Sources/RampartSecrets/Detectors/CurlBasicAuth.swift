import RampartCore

enum CurlBasicAuth: SecretRule {
    static let metadata = RuleMetadata.secret(
        "curl-basic-auth", title: "Password in a curl command", confidence: .medium, tags: ["generic"],
        documentation: """
        A `curl -u user:password` (or `--user`) command in a script, Dockerfile or README carries \
        the credential in plain text; it ends up in shell history and CI logs as well. Values that \
        are variables (`$PASS`, `${TOKEN}`) are not reported.

        **Fix:** change the password or revoke the token, and let curl read credentials from a \
        `.netrc` (`--netrc-file`) or from the environment (`-u "$USER:$TOKEN"`).
        """,
        examples: [
            .triggers("curl -u deploy:Tq8Wz3Lr7Kp2Vn5X -X POST https://ci.acme.test/job/build/build\n", fileName: "trigger.sh"),
            .triggers("RUN curl --user 'reader:Hk4Zp9Qw2Lx7Rv3N' -o /tmp/app.tar.gz https://nexus.acme.test/app.tar.gz\n", fileName: "Dockerfile"),
            .passes("curl -u \"$NEXUS_USER:$NEXUS_PASSWORD\" https://nexus.acme.test/app.tar.gz\n", fileName: "fetch.sh"),
            .passes("curl -u admin:admin http://localhost:8080/\n", fileName: "dev.sh"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["curl"],
        regex: #"\bcurl\b[^\n]{0,300}?\s(?:-u|--user)(?:\s+|=)["']?(?<user>[^\s:'"$]{1,64}):(?!\k<user>["'\s])(?!(?i:pass(?:word)?|passwd|pwd)["'\s])(?<secret>[^\s'"$@]{3,128})"#,
        minEntropy: 2.5
    )
}
