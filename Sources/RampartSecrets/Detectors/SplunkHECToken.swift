import RampartCore

enum SplunkHECToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "splunk-hec-token", title: "Splunk HTTP Event Collector token", confidence: .medium,
        documentation: """
        A Splunk HTTP Event Collector token (a UUID) sends events into the indexes it is allowed to \
        write; whoever holds it can forge or flood log data and exhaust licence volume.

        **Fix:** disable and delete the token (Settings → Data inputs → HTTP Event Collector), \
        create a new one limited to the right indexes, and keep it in the forwarder's secret store.
        """,
        examples: [
            .triggers("SPLUNK_HEC_TOKEN=b2358b98-3131-470e-be3d-ce62e602c805\n", fileName: ".env"),
            .triggers("curl -k https://splunk.acme.test:8088/services/collector -H 'Authorization: Splunk b2358b98-3131-470e-be3d-ce62e602c805' -d @event.json\n", fileName: "send.sh"),
            .passes("SPLUNK_INDEX_ID=b2358b98-3131-470e-be3d-ce62e602c805\n", fileName: ".env"),
            .passes("SPLUNK_HEC_TOKEN=b2358b98-3131\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["splunk", "hec_token", "hec-token"],
        regex: #"(?:(?i:(?:splunk|hec)[\w.-]{0,15}token)["']?\s*(?:=>|:=|[:=])\s*["']?|Splunk\s+)(?<secret>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![\w-])"#,
        minEntropy: 3.0
    )
}
