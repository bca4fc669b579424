import RampartCore

enum DroneCIToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "drone-ci-token", title: "Drone CI personal token", confidence: .medium,
        documentation: """
        A Drone personal token (32 letters and digits) calls the Drone server's API as its user: it \
        can read and create repository secrets, trigger builds and, for admins, manage users.

        **Fix:** rotate the token (the user's account page in Drone, or `drone user update` for \
        machine users) and keep its replacement in a secrets manager.
        """,
        examples: [
            .triggers("DRONE_TOKEN=RkwnT7bZ1F0JRt4YT5cJl5g9pkfJMoPo\n", fileName: ".env"),
            .triggers("drone_token: 'RkwnT7bZ1F0JRt4YT5cJl5g9pkfJMoPo'\n", fileName: "vars.yml"),
            .passes("DRONE_COMMIT_SHA=RkwnT7bZ1F0JRt4YT5cJl5g9pkfJMoPo\n", fileName: ".env"),
            .passes("DRONE_TOKEN=RkwnT7bZ1F0JRt4YT5c\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["drone"],
        regex: #"(?i:drone[\w.-]{0,10}token)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])"#,
        minEntropy: 3.5
    )
}
