import Foundation
@testable import RampartHost
import RampartTestSupport
import Testing

/// Every resource on the machine running the tests: whatever it holds, loading terminates,
/// stays within its limits and does not trap.
@Suite struct ResourceLocalSmokeTests {
    @Test func everyResourceLoadsFromTheLocalMachine() throws {
        let local = LocalTarget.make()
        let users = UserDatabase.load(from: local)
        #expect(users.users.contains { $0.uid == 0 })
        _ = LoginDefs.load(from: local)
        let packages = Packages.load(from: local)
        if packages.manager == .dpkg { #expect(!packages.installedPackages.isEmpty) }
        for kind in [SSHConfig.Kind.server, .client] {
            if let config = try? SSHConfig.load(kind, from: local) { #expect(config.value("Port") != nil) }
        }
        let parameters = KernelParameters.load(from: local)
        if local.exists("/proc/sys/kernel/randomize_va_space") {
            #expect(parameters.value("kernel.randomize_va_space")?.source == "/proc/sys/kernel/randomize_va_space")
        }
        let mounts = Mounts.load(from: local)
        if local.exists("/proc/mounts") { #expect(mounts.source == .procMounts && mounts.isMounted("/")) }
        _ = KernelModules.load(from: local)
        _ = Services.load(from: local).service("ssh", checkRunning: false)
        _ = try? PAMService.load("login", from: local)
        _ = CronFiles.load(from: local)
        _ = ListeningPorts.load(from: local)
        _ = OSInfo.load(from: local)
        _ = AuditdConf.load(from: local)

        // A bounded walk; RAMPART_RESOURCE_TIMING=1 walks everything and prints what it found.
        let timing = ProcessInfo.processInfo.environment["RAMPART_RESOURCE_TIMING"] != nil
        let clock = ContinuousClock()
        var search = FileSearch()
        let options: FileSearch.Options = timing ? .init() : .init(maxEntries: 200_000, timeLimit: .seconds(60))
        let elapsed = clock.measure { search = FileSearch.run(on: local, options: options) }
        #expect(search.entriesVisited <= options.maxEntries)
        if timing {
            print("FileSearch: \(search.entriesVisited) entries in \(elapsed), truncated: \(search.truncated), setuid: \(search.setuidFiles.count), "
                  + "world-writable files: \(search.worldWritableFiles.count), folders: \(search.worldWritableDirectories.count), trust files: \(search.trustFiles.count)")
            for match in search.setuidFiles.prefix(40) { print("  setuid \(match.path) \(String(match.info.mode, radix: 8))") }
        }
    }
}
