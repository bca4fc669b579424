import RampartCore

enum NPMRegistryAuth: SecretRule {
    static let metadata = RuleMetadata.secret(
        "npm-registry-auth", title: "npm or Yarn registry credential",
        documentation: """
        A registry credential in `.npmrc` (`_authToken=`, `_auth=`, `_password=`) or `.yarnrc.yml` \
        (`npmAuthToken:`, `npmAuthIdent:`) logs in to a package registry: npmjs.com, GitHub \
        Packages, Artifactory, Nexus or Verdaccio. Depending on the account it reads private \
        packages or publishes new versions of them. Tokens with a recognised provider prefix are \
        reported by that provider's detector instead.

        **Fix:** revoke the token or change the password at the registry, and write `.npmrc` with \
        `_authToken=${NPM_TOKEN}` so the value comes from the environment.
        """,
        examples: [
            .triggers("//npm.acme.test/repository/npm-private/:_authToken=267ffb06-de33-4e8a-86c4-184288773bfe\n", fileName: ".npmrc"),
            .triggers("//registry.acme.test/:_auth=ZGVwbG95OmRzYTlIYktwbVBGVEdnUXk=\n", fileName: ".npmrc"),
            .triggers("npmRegistries:\n  \"https://npm.acme.test\":\n    npmAuthToken: \"NpmToken.4f6a1c9e-2b7d-4e0a-9c3f-8d5b6a7e1f20\"\n", fileName: ".yarnrc.yml"),
            .passes("//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n", fileName: ".npmrc"),
            .passes("//registry.npmjs.org/:_authToken=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\n", fileName: ".npmrc"),
            .passes("always-auth=true\n", fileName: ".npmrc"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["_auth", "_password", "npmauth"],
        regex: ##"(?:(?<![^\s:])(?:_authToken|_auth|_password)\s*=\s*|\bnpmAuth(?:Token|Ident)\s*:\s*)["']?(?<secret>(?!npm_|gh[pousr]_|github_pat_|glpat-|cmVmdGtu)[^\s'"#;]{16,})"##,
        minEntropy: 3.0
    )
}
