// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Rampart",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rampart", targets: ["rampart"]),
        .library(name: "RampartCore", targets: ["RampartCore"]),
        .library(name: "PythonSyntax", targets: ["PythonSyntax"]),
        // For the fuzzing package in fuzz/, which builds these parsers with libFuzzer.
        .library(name: "RampartParsers", targets: ["RampartDeps", "RampartSecrets", "RampartWeb", "RampartHost", "RampartAdapters", "RampartPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.12.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
    ],
    targets: [
        // The findings model, rules, scanner protocol, configuration, suppressions and baselines.
        .target(
            name: "RampartCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // A Python 3 tokenizer, parser and AST mirroring CPython's `ast`; depends on nothing of Rampart.
        .target(name: "PythonSyntax", swiftSettings: strict),
        // PCRE2's C API, linked against the runtime library every Debian system has (no -dev package).
        .target(name: "CPCRE2", linkerSettings: [.linkedLibrary(":libpcre2-8.so.0")]),
        // Fast byte-level regular expressions (PCRE2 with JIT) for secrets and custom rules.
        .target(name: "RampartRegex", dependencies: ["CPCRE2"], swiftSettings: strict),
        // Custom rules in Semgrep's format: patterns parsed with PythonSyntax, matched on its tree.
        .target(name: "RampartCustomRules", dependencies: ["RampartCore", "PythonSyntax", "RampartRegex"], swiftSettings: strict),
        // Secrets: provider detectors and a generic one, over the tree, the index and git history.
        .target(
            name: "RampartSecrets",
            dependencies: [
                "RampartCore", "RampartRegex",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strict
        ),
        // Dependencies: manifests and lockfiles, PEP 440, OSV advisories, SBOM.
        .target(
            name: "RampartDeps",
            dependencies: [
                "RampartCore", "RampartRegex",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strict
        ),
        // DAST: crawler, passive and light active checks of a running web app (in progress).
        .target(
            name: "RampartWeb",
            dependencies: [
                "RampartCore", "RampartRegex", .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Compliance as code: targets (local, root file system folders, SSH), resources, profiles, hardening.
        .target(
            name: "RampartHost",
            dependencies: [
                "RampartCore", "RampartRegex",
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // Other tools' reports (Bandit, Semgrep, Ruff, Gitleaks, Trufflehog, detect-secrets, pip-audit, SARIF) as findings.
        .target(
            name: "RampartAdapters",
            dependencies: ["RampartCore"],
            swiftSettings: strict
        ),
        // The findings history: every run's findings in SQLite, states, time to fix.
        .target(
            name: "RampartHistory",
            dependencies: ["RampartCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        // One task per failure: findings grouped by rule and component, kept in a Markdown folder,
        // GitHub issues or GitLab issues (REST), updated and closed by later runs.
        .target(
            name: "RampartTasks",
            dependencies: [
                "RampartCore", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // The OWASP DSOMM assessment: the model read at run time, checks keyed by activity UUID over
        // the evidence a repository and its pipeline leave, reports and the DSOMM app's files.
        .target(
            name: "RampartMaturity",
            dependencies: ["RampartCore", "RampartPipeline", "RampartHistory", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // Pipelines as code: rampart.yml, stages, activities run at once, gates, the summary.
        .target(name: "RampartPipeline", dependencies: ["RampartCore"], swiftSettings: strict),
        // Python SAST: Bandit's checks on the PythonSyntax tree.
        .target(name: "RampartPythonSAST", dependencies: ["RampartCore", "PythonSyntax", "RampartCustomRules"], swiftSettings: strict),
        // Which files a scan reads: tree walk, ignore files, binary and size checks, git change sets.
        .target(
            name: "RampartFiles",
            dependencies: ["RampartCore"],
            swiftSettings: strict
        ),
        // Runs scanners under a time budget and turns raw findings into a report.
        .target(
            name: "RampartEngine",
            dependencies: ["RampartCore", "RampartFiles"],
            swiftSettings: strict
        ),
        // One reporter per output format.
        .target(
            name: "RampartReporters",
            dependencies: ["RampartCore"],
            swiftSettings: strict
        ),
        // Command-line parsing and dispatch only.
        .target(
            name: "RampartCLI",
            dependencies: [
                "RampartCore", "RampartRegex", "RampartFiles", "RampartEngine", "RampartReporters", "PythonSyntax", "RampartPythonSAST", "RampartCustomRules", "RampartSecrets", "RampartDeps", "RampartWeb", "RampartHost", "RampartPipeline", "RampartAdapters", "RampartHistory", "RampartTasks", "RampartMaturity",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "rampart",
            dependencies: ["RampartCLI"],
            swiftSettings: strict
        ),
        // bench/regex: PCRE2 against NSRegularExpression and Swift Regex, for the choice of engine.
        .executableTarget(name: "RegexBench", dependencies: ["RampartRegex"], path: "bench/regex", swiftSettings: strict),
        // Test-only helpers (a tiny scanner that drives the pipeline); never linked into the binary.
        .target(
            name: "RampartTestSupport",
            dependencies: [
                "RampartCore", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/RampartTestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "PythonSyntaxTests", dependencies: ["PythonSyntax", "RampartTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "RampartCustomRulesTests", dependencies: ["RampartCustomRules", "PythonSyntax", "RampartTestSupport"],
            exclude: ["Fixtures"], swiftSettings: strict
        ),
        .testTarget(name: "RampartPythonSASTTests", dependencies: ["RampartPythonSAST", "RampartEngine", "RampartTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "RampartSecretsTests", dependencies: ["RampartSecrets", "RampartRegex", "RampartEngine", "RampartTestSupport"],
            exclude: ["Corpus"], swiftSettings: strict
        ),
        .testTarget(
            name: "RampartDepsTests", dependencies: ["RampartDeps", "RampartEngine", "RampartTestSupport"],
            exclude: ["Fixtures"], swiftSettings: strict
        ),
        .testTarget(name: "RampartHostTests", dependencies: ["RampartHost", "RampartTestSupport", .product(name: "NIOSSH", package: "swift-nio-ssh")], swiftSettings: strict),
        .testTarget(name: "RampartWebTests", dependencies: ["RampartWeb", "RampartRegex", "RampartTestSupport", .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOCore", package: "swift-nio")], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "RampartAdaptersTests", dependencies: ["RampartAdapters", "RampartTestSupport"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(
            name: "RampartTasksTests",
            dependencies: ["RampartTasks", "RampartTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RampartMaturityTests",
            dependencies: ["RampartMaturity", "RampartPipeline", "RampartTestSupport", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .testTarget(name: "RampartHistoryTests", dependencies: ["RampartHistory", "RampartTestSupport"], swiftSettings: strict),
        .testTarget(name: "RampartPipelineTests", dependencies: ["RampartPipeline", "RampartTestSupport"], swiftSettings: strict),
        .testTarget(name: "RampartCoreTests", dependencies: ["RampartCore", "RampartTestSupport"], swiftSettings: strict),
        .testTarget(name: "RampartFilesTests", dependencies: ["RampartFiles", "RampartTestSupport"], swiftSettings: strict),
        .testTarget(name: "RampartEngineTests", dependencies: ["RampartEngine", "RampartTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "RampartReportersTests", dependencies: ["RampartReporters", "RampartTestSupport"],
            exclude: ["Fixtures", "Golden"], swiftSettings: strict
        ),
        .testTarget(
            name: "RampartCLITests",
            dependencies: ["RampartCLI", "RampartDeps", "RampartWeb", "RampartHistory", "RampartTestSupport", .product(name: "NIOPosix", package: "swift-nio")],
            swiftSettings: strict
        ),
    ]
)
