import Foundation
@testable import RampartSecrets
import Testing

@Suite struct SecretRulesRegistryTests {
    @Test func everyDetectorFileIsRegistered() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/RampartSecrets/Detectors").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(6)) }
        #expect(Set(files) == Set(SecretRules.all.map { String(describing: $0) }))
        #expect(SecretRules.all.count == files.count)
    }
}
