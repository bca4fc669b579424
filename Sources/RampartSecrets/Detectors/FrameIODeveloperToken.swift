import RampartCore

enum FrameIODeveloperToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "frameio-developer-token", title: "Frame.io developer token",
        documentation: """
        A Frame.io developer token (`fio-u-` and 64 characters) calls the Frame.io API as its user: \
        downloading, uploading and sharing the assets of every team and project the user is in.

        **Fix:** delete the token (developer.frame.io → Tokens) and keep its replacement in a \
        secrets manager.
        """,
        examples: [
            .triggers("FRAMEIO_TOKEN=fio-u-IrUzVC3Si1toLrLqk0bSDQxMCgNWRUuCUl0bZagkpWP6vujEeWkOWpomDggk0o1S\n", fileName: ".env"),
            .triggers("client = FrameioClient('fio-u-IrUzVC3Si1toLrLqk0bSDQxMCgNWRUuCUl0bZagkpWP6vujEeWkOWpomDggk0o1S')\n", fileName: "upload.py"),
            .passes("FRAMEIO_TOKEN=fio-u-IrUzVC3Si1toLrLqk0bSD\n", fileName: ".env"),
            .passes("FRAMEIO_TOKEN=fio-u-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["fio-u-"], regex: #"\b(fio-u-[A-Za-z0-9_=-]{64})(?![\w=-])"#, minEntropy: 3.5
    )
}
