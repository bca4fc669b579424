import Foundation
import RampartCore
import RampartEngine
@testable import RampartSecrets
import RampartTestSupport

/// Synthetic tokens with valid checksums, made the way the providers make them.
enum Tokens {
    static func github(_ prefix: String = "ghp", random: String = "K3r9XzQ2vLmN8pWtY4bHcJdF6sAeRg") -> String {
        "\(prefix)_\(random)\(Checksums.base62(Checksums.crc32(Array(random.utf8)), width: 6))"
    }
}

/// Runs the secrets scanner through the engine on a folder.
func scanSecrets(_ root: String, options: SecretsOptions = SecretsOptions(), configuration: Configuration = Configuration()) async throws -> ScanReport {
    var configuration = configuration
    configuration.timeout = 120
    return try await ScanEngine(toolVersion: "test").run(.init(root: root, configuration: configuration, scanners: [SecretsScanner(options: options)]))
}
