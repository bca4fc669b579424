import Foundation
import NIOPosix
import RampartTestSupport
import Testing

/// `rampart web` as users and CI run it: a scan that did not happen exits 3 in every mode
/// (Rampart's codes and ZAP's), says why on standard error whatever the report format, never
/// prints "Gate passed" or a PASS line, and its report names the URL it was asked to scan.
@Suite(.enabled(if: rampartBinary != nil, "the rampart binary is not built; run `swift build` first"))
struct WebFailClosedCLITests {
    static func deadURL() throws -> String {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).wait()
        let port = channel.localAddress?.port ?? 1
        try channel.close().wait()
        return "http://127.0.0.1:\(port)/"
    }

    @Test func anUnreachableTargetExitsThreeInEveryMode() throws {
        let dir = TemporaryDirectory()
        let binary = try #require(rampartBinary)
        let url = try Self.deadURL()

        let text = try dir.run(binary, ["web", url])
        #expect(text.status == 3)
        #expect(text.output.contains("the scan did not happen") && text.output.contains("connection refused"))
        #expect(!text.output.contains("Gate passed"))

        let json = try dir.run(binary, ["web", url, "--format", "json", "--output", "report.json"])
        #expect(json.status == 3)
        #expect(json.errors.contains("the scan did not happen"), "the reason reaches the terminal: \(json.errors)")
        let data = try #require(FileManager.default.contents(atPath: dir.absolute("report.json")))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((report["target"] as? [String: Any])?["path"] as? String == url)
        #expect((report["errors"] as? [[String: Any]])?.contains { $0["code"] as? String == "target-unreachable" && $0["level"] as? String == "error" } == true)

        let zap = try dir.run(binary, ["web", url, "--zap-exit-codes"])
        #expect(zap.status == 3)
        #expect(!zap.errors.split(separator: "\n").contains { $0.hasPrefix("PASS:") } && zap.errors.contains("ERROR: the scan did not happen"))
    }

    @Test func badFlagsAreUsageErrors() throws {
        let dir = TemporaryDirectory()
        let result = try dir.run(try #require(rampartBinary), ["web", "http://127.0.0.1:1/", "--exclude", "(unclosed"])
        #expect(result.status == 2)
    }
}
