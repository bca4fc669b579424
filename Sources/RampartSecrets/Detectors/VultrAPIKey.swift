import RampartCore

enum VultrAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "vultr-api-key", title: "Vultr API key", severity: .critical, confidence: .medium,
        documentation: """
        A Vultr API key (36 upper-case letters and digits) calls the Vultr API with the full rights \
        of the user it belongs to: instances, block storage, DNS, firewall groups and billing.

        **Fix:** regenerate the key (Account → API), restrict it to known IP ranges, and keep the \
        new key in a CI secret or secrets manager rather than in files.
        """,
        examples: [
            .triggers("VULTR_API_KEY=KS80VE7Y17KYHWUYJ8P9659YQACY2E3F2ZJB\n", fileName: ".env"),
            .triggers("provider \"vultr\" {}\nvultr_api_key = \"KS80VE7Y17KYHWUYJ8P9659YQACY2E3F2ZJB\"\n", fileName: "terraform.tfvars"),
            .passes("VULTR_API_KEY=KS80VE7Y17KYHWUYJ8P9659YQACY2E\n", fileName: ".env"),
            .passes("VULTR_API_KEY=ks80ve7y17kyhwuyj8p9659yqacy2e3f2zjb\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["vultr"],
        regex: #"(?i:vultr)[\w.-]{0,25}["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Z0-9]{36})(?![A-Za-z0-9])"#,
        minEntropy: 3.5
    )
}
