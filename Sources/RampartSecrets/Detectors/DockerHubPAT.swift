import RampartCore

enum DockerHubPAT: SecretRule {
    static let metadata = RuleMetadata.secret(
        "dockerhub-pat", title: "Docker Hub personal access token",
        documentation: """
        A Docker Hub personal access token (`dckr_pat_` and 27 characters) logs in as its user to \
        push and pull images, with its read, write or delete scope, on every repository the user can \
        reach; a pushed image runs wherever the tag is deployed.

        **Fix:** delete the token (Account settings → Personal access tokens), review the \
        repositories' recent pushes, and keep its replacement as a CI secret.
        """,
        examples: [
            .triggers("DOCKERHUB_TOKEN=dckr_pat_EMzOu5eTA9xPU275miuWqXmF8Wa\n", fileName: ".env"),
            .triggers("echo dckr_pat_EMzOu5eTA9xPU275miuWqXmF8Wa | docker login -u acmebot --password-stdin\n", fileName: "publish.sh"),
            .passes("DOCKERHUB_TOKEN=dckr_pat_EMzOu5eTA9xPU\n", fileName: ".env"),
            .passes("DOCKERHUB_TOKEN=dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["dckr_pat_"], regex: #"\b(dckr_pat_[A-Za-z0-9_-]{27})(?![\w-])"#, minEntropy: 3.5
    )
}
