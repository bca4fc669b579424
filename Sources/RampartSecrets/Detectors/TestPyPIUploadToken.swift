import RampartCore

enum TestPyPIUploadToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "testpypi-upload-token", title: "TestPyPI API token", severity: .medium,
        documentation: """
        A TestPyPI API token (`pypi-AgENdGVzdC5weXBpLm9yZw…`, a macaroon for test.pypi.org) uploads \
        to the test index only, but it shows how release credentials are handled and test packages \
        are sometimes installed by mistake.

        **Fix:** remove the token (test.pypi.org → Account settings → API tokens) and use trusted \
        publishing or a CI secret.
        """,
        examples: [
            .triggers("TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZwWuB_T70-jVk8W0mreGpyvbq8bqVzMBm5eMS3PR6LT_uBozjYZRCrbe1YiIk_cdWkWY0YOyzCdgAAhsX_XAhs6tMREEVKFP95JLvr2ajzkBX4L-zQw4JPfxX5\n", fileName: ".env"),
            .triggers("[testpypi]\n  password = pypi-AgENdGVzdC5weXBpLm9yZwWuB_T70-jVk8W0mreGpyvbq8bqVzMBm5eMS3PR6LT_uBozjYZRCrbe1YiIk_cdWkWY0YOyzCdgAAhsX_XAhs6tMREEVKFP95JLvr2ajzkBX4L-zQw4JPfxX5\n", fileName: ".pypirc"),
            .passes("TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZwWuB_T70-jVk8W0\n", fileName: ".env"),
            .passes("TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZwxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["pypi-agendgvzdc5wexbplm9yzw"],
        regex: #"\b(pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1000})(?![\w-])"#, minEntropy: 4.0
    )
}
