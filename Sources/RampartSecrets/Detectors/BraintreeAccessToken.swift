import RampartCore

enum BraintreeAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "braintree-access-token", title: "PayPal Braintree production access token",
        documentation: """
        A Braintree production access token (`access_token$production$…`) calls the Braintree \
        gateway for a merchant account: creating transactions and refunds and reading customers and \
        vaulted payment methods.

        **Fix:** revoke the token by disconnecting the integration or rotating the merchant's API \
        credentials (Control Panel → API), and keep credentials in a secrets manager.
        """,
        examples: [
            .triggers("BRAINTREE_ACCESS_TOKEN=access_token$production$zxtlg17smxjhdwrj$add0f4298e50a25b19b99835566de896\n", fileName: ".env"),
            .triggers("gateway = braintree.BraintreeGateway(access_token='access_token$production$zxtlg17smxjhdwrj$add0f4298e50a25b19b99835566de896')\n", fileName: "checkout.py"),
            .passes("BRAINTREE_ACCESS_TOKEN=access_token$production$zxtlg17smxjhdwrj$add0f4298e\n", fileName: ".env"),
            .passes("BRAINTREE_ACCESS_TOKEN=access_token$production$xxxxxxxxxxxxxxxx$00000000000000000000000000000000\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["access_token$production$"],
        regex: #"(access_token\$production\$[a-z0-9]{16}\$[a-f0-9]{32})\b"#, minEntropy: 3.5
    )
}
