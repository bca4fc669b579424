import RampartCore

enum DockerHubOrgAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "dockerhub-org-access-token", title: "Docker Hub organization access token",
        documentation: """
        A Docker Hub organization access token (`dckr_oat_` and 32 characters) acts for an \
        organisation on the repositories it was granted: pulling private images and, with write \
        access, pushing images that others then deploy.

        **Fix:** delete the token (the organisation's settings → Access tokens) and keep its \
        replacement as a CI secret.
        """,
        examples: [
            .triggers("DOCKERHUB_TOKEN=dckr_oat_rC_jrAVxsKTa0F7Khvvn6Nc3KMUoU6Wo\n", fileName: ".env"),
            .triggers("{\"auths\": {\"https://index.docker.io/v1/\": {\"password\": \"dckr_oat_rC_jrAVxsKTa0F7Khvvn6Nc3KMUoU6Wo\"}}}\n", fileName: "config.json"),
            .passes("DOCKERHUB_TOKEN=dckr_oat_rC_jrAVxsKTa0F7\n", fileName: ".env"),
            .passes("DOCKERHUB_TOKEN=dckr_oat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["dckr_oat_"], regex: #"\b(dckr_oat_[A-Za-z0-9_-]{32})(?![\w-])"#, minEntropy: 3.5
    )
}
