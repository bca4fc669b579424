import Foundation
@testable import RampartHost
import RampartTestSupport
import Testing

/// A root file system in a folder is a jail: symlinks pointing outside it (absolute, relative,
/// `..` chains, loops) resolve inside it, and nothing outside is ever read.
@Suite struct DirectoryTargetTests {
    /// A root with a file outside it that links try to reach.
    func jail() throws -> (TemporaryDirectory, DirectoryTarget, String) {
        let dir = TemporaryDirectory()
        try dir.mkdir("outside")
        _ = try dir.write("outside/secret", "host secret\n")
        try dir.mkdir("root/etc")
        try dir.mkdir("root/var/lib")
        _ = try dir.write("root/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n")
        _ = try dir.write("root/etc/shadow-inside", "inside\n")
        return (dir, DirectoryTarget(root: dir.absolute("root")), dir.absolute("outside/secret"))
    }

    @Test func absoluteLinksStartAgainAtTheRoot() throws {
        let (dir, target, outside) = try jail()
        // `/etc/shadow -> <the host's real path>`: inside the root that path does not exist.
        try dir.symlink("root/etc/shadow", to: outside)
        #expect(target.info("/etc/shadow") == nil)
        #expect(throws: HostError.self) { try target.read("/etc/shadow", limit: 100) }
        // `/etc/alias -> /etc/shadow-inside` resolves inside.
        try dir.symlink("root/etc/alias", to: "/etc/shadow-inside")
        #expect(target.text("/etc/alias") == "inside\n")
    }

    @Test func dotDotStopsAtTheRoot() throws {
        let (dir, target, _) = try jail()
        try dir.symlink("root/etc/up", to: "../../../../outside/secret")
        try dir.symlink("root/var/lib/deep", to: "../../../..")
        #expect(target.info("/etc/up") == nil)
        #expect(target.text("/var/lib/deep/outside/secret") == nil)
        #expect(target.text("/../../outside/secret") == nil)
        #expect(target.text("/../etc/passwd") == "root:x:0:0:root:/root:/bin/bash\n")
        #expect(target.text("/nothing/../../etc/passwd") == "root:x:0:0:root:/root:/bin/bash\n")
        #expect(try target.resolve("/var/lib/deep/etc/passwd") == dir.absolute("root") + "/etc/passwd")
    }

    @Test func loopsAreErrorsNotHangs() throws {
        let (dir, target, _) = try jail()
        try dir.symlink("root/etc/a", to: "b")
        try dir.symlink("root/etc/b", to: "a")
        try dir.symlink("root/etc/self", to: ".")
        #expect(throws: HostError.linkLoop("/etc/a")) { try target.read("/etc/a", limit: 10) }
        #expect(target.info("/etc/a") == nil)
        #expect(target.info("/etc/a", followLinks: false)?.kind == .symlink)
        // A loop through `.` is a path, not a loop, up to the kernel's limit.
        #expect(target.text("/etc/self/self/self/passwd") != nil)
    }

    @Test func metadataAndListing() throws {
        let (dir, target, _) = try jail()
        chmod(dir.absolute("root/etc/shadow-inside"), 0o640)
        let info = try #require(target.info("/etc/shadow-inside"))
        #expect(info.kind == .file && info.mode == 0o640 && info.size == 7)
        #expect(target.info("/etc")?.kind == .directory)
        #expect(try target.list("/etc") == ["passwd", "shadow-inside"])
        #expect(throws: HostError.notFound("/nope")) { try target.list("/nope") }
        #expect(throws: HostError.self) { try target.run(["true"], timeout: .seconds(1)) }
        #expect(!target.isLive)
    }

    @Test func readsAreBoundedAndDevicesRefused() throws {
        let (dir, target, _) = try jail()
        _ = try dir.write("root/big", String(repeating: "x", count: 200_000))
        #expect(try target.read("/big", limit: 1000).count == 1000)
        #expect(mkfifo(dir.absolute("root/fifo"), 0o644) == 0)
        #expect(throws: HostError.notAFile("/fifo")) { try target.read("/fifo", limit: 10) }
    }

    @Test func theLocalTargetRunsCommands() throws {
        let local = LocalTarget.make()
        #expect(local.isLive && local.name == "local")
        let result = try local.run(["echo", "hello"], timeout: .seconds(10))
        #expect(result.status == 0 && result.stdout == "hello\n")
        #expect(throws: HostError.self) { try local.run(["sleep", "5"], timeout: .milliseconds(200)) }
    }
}
