import RampartCore

enum AzureSharedAccessKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "azure-shared-access-key", title: "Azure Service Bus, Event Hubs or IoT Hub shared access key",
        documentation: """
        A `SharedAccessKey=` value in an Azure Service Bus, Event Hubs, Relay or IoT Hub connection \
        string signs tokens for the policy named beside it; with `RootManageSharedAccessKey` that is \
        full control of the namespace: send, listen and manage.

        **Fix:** regenerate the policy's primary or secondary key (the namespace → Shared access \
        policies), switch clients to Microsoft Entra ID with managed identities where possible, and \
        keep any remaining connection strings in Key Vault.
        """,
        examples: [
            .triggers("SERVICEBUS=Endpoint=sb://orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=yOMG+cOPCDdLfBkKwRK2eSIRgcK9loFxFx/IsJkczsg=\n", fileName: ".env"),
            .triggers("  \"EventHub\": \"Endpoint=sb://telemetry.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=yOMG+cOPCDdLfBkKwRK2eSIRgcK9loFxFx/IsJkczsg=;EntityPath=events\"\n", fileName: "local.settings.json"),
            .passes("SERVICEBUS=Endpoint=sb://orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>\n", fileName: ".env"),
            .passes("SharedAccessKey=yOMG+cOPCDdLfBkKwRK2eSIRgc=\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sharedaccesskey="],
        regex: #"(?i)SharedAccessKey=(?<secret>[A-Za-z0-9+/]{42,43}=)(?![A-Za-z0-9+/=])"#
    )
}
