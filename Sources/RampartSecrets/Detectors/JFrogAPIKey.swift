import RampartCore

enum JFrogAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "jfrog-api-key", title: "JFrog Artifactory API key",
        documentation: """
        A JFrog Artifactory API key (`AKCp` and 69 characters) authenticates as its user to \
        Artifactory's REST API and to the package and container registries it serves: reading and \
        publishing artifacts the user can reach.

        **Fix:** revoke the key (Edit profile → API key), move to access tokens or reference tokens \
        with an expiry, and keep them in the build's secret store.
        """,
        examples: [
            .triggers("ARTIFACTORY_API_KEY=AKCp4k9tk0vphuYs8cKHNUpriRUw0g0KMsu2dtjwsuvsLT2F4pLr7YE4B2PJt0RO6unFZvZ0z\n", fileName: ".env"),
            .triggers("artifactory_password=AKCp4k9tk0vphuYs8cKHNUpriRUw0g0KMsu2dtjwsuvsLT2F4pLr7YE4B2PJt0RO6unFZvZ0z\n", fileName: "gradle.properties"),
            .passes("ARTIFACTORY_API_KEY=AKCp4k9tk0vphuYs8cKHNUpriRUw0g0KMsu2dtjw\n", fileName: ".env"),
            .passes("ARTIFACTORY_API_KEY=AKCpxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["akcp"], regex: #"\b(AKCp[A-Za-z0-9]{69})\b"#, minEntropy: 3.5
    )
}
