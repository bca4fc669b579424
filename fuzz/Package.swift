// swift-tools-version: 6.1
// libFuzzer harnesses for Rampart's parsers of untrusted input. Built apart from the main
// package (every module instrumented), with fuzz/run.sh:
//   swift build --package-path fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
import PackageDescription

let targets: [(name: String, products: [String])] = [
    ("FuzzPythonTokenizer", ["PythonSyntax"]),
    ("FuzzPythonParser", ["PythonSyntax"]),
    ("FuzzHTMLTokenizer", ["RampartParsers"]),
    ("FuzzConfiguration", ["RampartCore"]),
    ("FuzzPipeline", ["RampartParsers"]),
    ("FuzzRequirements", ["RampartParsers"]),
    ("FuzzLockfiles", ["RampartParsers"]),
    ("FuzzOSV", ["RampartParsers"]),
    ("FuzzAdapters", ["RampartParsers"]),
    ("FuzzGitleaksConfig", ["RampartParsers"]),
    ("FuzzHostResources", ["RampartParsers"]),
]

let package = Package(
    name: "RampartFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Rampart", path: "..")],
    targets: [
        .target(name: "FuzzSupport", path: "Sources/FuzzSupport"),
    ] + targets.map { target in
        .executableTarget(
            name: target.name,
            dependencies: ["FuzzSupport"] + target.products.map { .product(name: $0, package: "Rampart") },
            path: "Sources/\(target.name)",
            swiftSettings: [.swiftLanguageMode(.v6)]
        )
    }
)
