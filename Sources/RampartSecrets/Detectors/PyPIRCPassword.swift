import RampartCore

enum PyPIRCPassword: SecretRule {
    static let metadata = RuleMetadata.secret(
        "pypirc-password", title: "Password in .pypirc",
        documentation: """
        A `password` in `.pypirc` is the credential `twine` and `setuptools` use to upload packages \
        to PyPI or a private index: whoever has it can publish releases there. PyPI API tokens are \
        reported by their own detector.

        **Fix:** change the password or revoke the token at the index, use keyring or trusted \
        publishing instead of storing it, and keep `.pypirc` out of repositories.
        """,
        examples: [
            .triggers("[distutils]\nindex-servers = internal\n\n[internal]\nrepository = https://pypi.acme.test/\nusername = release-bot\npassword = Tq7vN2xLp9Rk4Wz8\n", fileName: ".pypirc"),
            .triggers("[nexus]\nusername: ci\npassword: 9hFk2LmQ8vRt3WxZ\n", fileName: "pypirc"),
            .passes("[internal]\nusername = release-bot\npassword = Tq7vN2xLp9Rk4Wz8\n", fileName: "setup.cfg"),
            .passes("[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcY3WVayH89_i6XeamhyejvhugovZsQLTjFDPcMU7FKsFnixcfrfiSdHlz5lUAYvD0nh987WfIokhq8T9OuKls839Y2xEtIPnuLWtAzOVmA2dvZB9oq3zzOKk3\n", fileName: ".pypirc"),
            .passes("[internal]\npassword = %(PYPI_PASSWORD)s\n", fileName: ".pypirc"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["password"], regex: #"(?<![^\s])password\s*[:=]\s*(?<secret>(?!pypi-)[^\s]{6,200})"#,
        minEntropy: 2.5
    )

    /// Only `.pypirc` files: elsewhere `password =` is the generic detector's.
    static let accept: (@Sendable (SecretContext) -> Bool)? = { context in
        let name = context.path.split(separator: "/").last.map(String.init) ?? context.path
        return name == ".pypirc" || name == "pypirc"
    }
}
