import RampartCore

enum JenkinsCredentialsXML: SecretRule {
    static let metadata = RuleMetadata.secret(
        "jenkins-credentials-xml", title: "Jenkins encrypted credential",
        documentation: """
        Jenkins stores credentials in `credentials.xml` and job `config.xml` as `{AQAAAB…}` values \
        encrypted with the controller's `secrets/master.key` and `hudson.util.Secret`. Those files \
        often travel together in backups and repositories, and anyone with both (or script console \
        access) decrypts every password, token and private key.

        **Fix:** rotate the credentials the file holds, remove it from the repository, and manage \
        Jenkins credentials through the UI, Configuration as Code with secrets from a secrets \
        manager, or an external credentials provider.
        """,
        examples: [
            .triggers("<com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n  <id>nexus</id>\n  <username>deployer</username>\n  <password>{AQAAABAAAAAQmMdLL7z1iikzlUatYAXpjnXdKgzTSju75JA99qxx3R1fgxEi0BrFX5vQLktIwAq5}</password>\n</com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n", fileName: "credentials.xml"),
            .triggers("<secret>{AQAAABAAAAAQmMdLL7z1iikzlUatYAXpjnXdKgzTSju75JA99qxx3R1fgxEi0BrFX5vQLktIwAq5}</secret>\n", fileName: "config.xml"),
            .passes("<password>{AQAAABAAAAAQ}</password>\n", fileName: "credentials.xml"),
            .passes("<password></password>\n", fileName: "credentials.xml"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["{aqaaab"],
        regex: #"<(?:password|secret|privateKey|passphrase|apiToken|token|secretBytes)>\s*\{(?<secret>AQAAAB[A-Za-z0-9+/]{40,}={0,2})\}\s*</"#,
        minEntropy: 4.0
    )
}
