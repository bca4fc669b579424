import RampartCore

enum PyPIUploadToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "pypi-upload-token", title: "PyPI API token",
        documentation: """
        A PyPI API token (`pypi-AgEIcHlwaS5vcmc…`, a macaroon for pypi.org) uploads releases of \
        every project of its user, or of one project when scoped: a leaked token lets an attacker \
        publish a malicious version that installs everywhere.

        **Fix:** remove the token (Account settings → API tokens), check the projects' release \
        history, and prefer trusted publishing from CI, or a project-scoped token kept as a CI \
        secret.
        """,
        examples: [
            .triggers("TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcY3WVayH89_i6XeamhyejvhugovZsQLTjFDPcMU7FKsFnixcfrfiSdHlz5lUAYvD0nh987WfIokhq8T9OuKls839Y2xEtIPnuLWtAzOVmA2dvZB9oq3zzOKk3\n", fileName: ".env"),
            .triggers("[pypi]\n  username = __token__\n  password = pypi-AgEIcHlwaS5vcmcY3WVayH89_i6XeamhyejvhugovZsQLTjFDPcMU7FKsFnixcfrfiSdHlz5lUAYvD0nh987WfIokhq8T9OuKls839Y2xEtIPnuLWtAzOVmA2dvZB9oq3zzOKk3\n", fileName: ".pypirc"),
            .passes("TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcY3WVayH89_i6Xeamh\n", fileName: ".env"),
            .passes("TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["pypi-ageichlwas5vcmc"],
        regex: #"\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000})(?![\w-])"#, minEntropy: 4.0
    )
}
