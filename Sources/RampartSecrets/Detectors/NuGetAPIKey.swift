import RampartCore

enum NuGetAPIKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "nuget-api-key", title: "NuGet API key",
        documentation: """
        A nuget.org API key (`oy2` and 43 characters) pushes, and depending on scope unlists, \
        packages matching its glob pattern: a leaked key lets an attacker publish malicious versions \
        of those packages.

        **Fix:** revoke or regenerate the key (nuget.org → API keys), check the packages' versions, \
        and keep its replacement as a CI secret or use trusted publishing.
        """,
        examples: [
            .triggers("NUGET_API_KEY=oy2wczp6b0gxcgo8g9ajb0sq7zaeb0dqs9p87trnjr97ya\n", fileName: ".env"),
            .triggers("dotnet nuget push app.nupkg --api-key oy2wczp6b0gxcgo8g9ajb0sq7zaeb0dqs9p87trnjr97ya --source https://api.nuget.org/v3/index.json\n", fileName: "publish.sh"),
            .passes("NUGET_API_KEY=oy2wczp6b0gxcgo8g9ajb0sq7\n", fileName: ".env"),
            .passes("NUGET_API_KEY=oy2xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["oy2"], regex: #"\b(oy2[a-z0-9]{43})\b"#, minEntropy: 3.5
    )
}
