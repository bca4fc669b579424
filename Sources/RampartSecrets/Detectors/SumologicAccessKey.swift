import RampartCore

enum SumologicAccessKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "sumologic-access-key", title: "Sumo Logic access key", confidence: .medium,
        documentation: """
        A Sumo Logic access key (a 14-character access ID with a 64-character key) calls the Sumo \
        Logic APIs as its owner: running searches over all logs, changing collectors and reading \
        content.

        **Fix:** delete the access key (Preferences → My access keys, or Administration → Security → \
        Access keys), create a scoped one, and keep it in a secrets manager.
        """,
        examples: [
            .triggers("SUMOLOGIC_ACCESSKEY=KcGG0KU0tXVkrh5PPlUXQF6lAxGE3R7HTmWs6dOfaYCMop9cEvL52KSwweGJ4CfJ\n", fileName: ".env"),
            .triggers("provider \"sumologic\" {\n  access_id = \"suWDGafpR5mafhZF\"\n}\nsumologic_access_key = \"KcGG0KU0tXVkrh5PPlUXQF6lAxGE3R7HTmWs6dOfaYCMop9cEvL52KSwweGJ4CfJ\"\n", fileName: "main.tf"),
            .passes("SUMOLOGIC_ACCESSID=suWDGafpR5mafhZF\n", fileName: ".env"),
            .passes("SUMOLOGIC_ACCESSKEY=KcGG0KU0tXVkrh5PPlUXQF6lAxGE3R7HTm\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sumologic", "sumo_logic", "sumo-logic", "sumo_access", "sumo-access"],
        regex: #"(?i:sumo[_-]?(?:logic)?[\w.-]{0,10}access[_-]?key)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[A-Za-z0-9]{64})(?![A-Za-z0-9])"#,
        minEntropy: 4.0
    )
}
