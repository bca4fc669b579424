import RampartCore

enum HetznerCloudToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "hetzner-cloud-token", title: "Hetzner Cloud API token", confidence: .medium,
        documentation: """
        A Hetzner Cloud API token (64 letters and digits) has read or read-and-write access to one \
        Hetzner Cloud project: servers, volumes, networks, firewalls and their snapshots.

        **Fix:** delete the token (the project → Security → API tokens), create a new one, and keep \
        it in a CI secret or secrets manager instead of files.
        """,
        examples: [
            .triggers("HCLOUD_TOKEN=lqFpl9BG5lTLpiXnZLXFSMiiQSk65Sve2IHjQcFbAXsc117QzQciAz3isMYQshKa\n", fileName: ".env"),
            .triggers("hetzner_api_token = \"lqFpl9BG5lTLpiXnZLXFSMiiQSk65Sve2IHjQcFbAXsc117QzQciAz3isMYQshKa\"\n", fileName: "terraform.tfvars"),
            .passes("HCLOUD_TOKEN=lqFpl9BG5lTLpiXnZLXFSMiiQSk65Sve2IHjQcFbAXsc117QzQciAz3\n", fileName: ".env"),
            .passes("HCLOUD_TOKEN=$(pass show hetzner/token)\n", fileName: "deploy.sh"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["hcloud", "hetzner"],
        regex: #"(?i:hcloud|hetzner)[\w.-]{0,25}["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9]{64})(?![A-Za-z0-9])"#,
        minEntropy: 4.0
    )
}
