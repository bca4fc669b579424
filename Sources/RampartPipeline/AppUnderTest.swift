import Foundation
import RampartCore
#if canImport(Glibc)
import Glibc
#endif

/// The application a `web` activity tests, started by the pipeline: a shell command run in its
/// own process group, ready when its URL answers HTTP, stopped (the whole group: a server and
/// the workers it forked) when the scan is done.
public final class AppUnderTest: Sendable {
    public struct Settings: Sendable, Equatable {
        /// A shell command, run by `/bin/sh -c` in `folder`.
        public var command: String
        /// Polled until it answers (any HTTP status: a 404 still means the server is up).
        public var readyURL: String
        public var timeout: Duration
        public var folder: String

        public init(command: String, readyURL: String, timeout: Duration = .seconds(30), folder: String) {
            self.command = command
            self.readyURL = readyURL
            self.timeout = timeout
            self.folder = folder
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    let pid: pid_t
    /// The app's output, kept for the message when it does not come up.
    let logFile: String

    private init(pid: pid_t, logFile: String) {
        self.pid = pid
        self.logFile = logFile
    }

    public static func start(_ settings: Settings) async throws(Failure) -> AppUnderTest {
        let logFile = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-app-\(UUID().uuidString).log").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A group of its own, so stopping it reaches every process it started.
        posix_spawnattr_setpgroup(&attributes, 0)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK))
        let script = "cd \(Shell.quote(settings.folder)) && exec /bin/sh -c \(Shell.quote(settings.command))"
        let words: [String] = ["/bin/sh", "-c", script]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        guard status == 0 else { throw Failure(description: "cannot start `\(settings.command)`: \(String(cString: strerror(status)))") }
        let app = AppUnderTest(pid: pid, logFile: logFile)
        let deadline = ContinuousClock.now + settings.timeout
        while ContinuousClock.now < deadline {
            if app.exited {
                let output = app.output
                app.stop()
                throw Failure(description: "`\(settings.command)` exited before \(settings.readyURL) answered\(output.isEmpty ? "" : ": \(output)")")
            }
            if HTTPProbe.answers(settings.readyURL, timeout: .seconds(1)) { return app }
            try? await Task.sleep(for: .milliseconds(200))
        }
        let output = app.output
        app.stop()
        throw Failure(description: "\(settings.readyURL) did not answer within \(Int(settings.timeout.inSeconds)) s of `\(settings.command)`\(output.isEmpty ? "" : ": \(output)")")
    }

    var exited: Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == pid
    }

    /// The last lines the app printed.
    var output: String {
        guard let data = FileManager.default.contents(atPath: logFile) else { return "" }
        return String(decoding: data.suffix(600), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// SIGTERM to the group, SIGKILL after two seconds, then reaped.
    public func stop() {
        kill(-pid, SIGTERM)
        let deadline = ContinuousClock.now + .seconds(2)
        var status: Int32 = 0
        while ContinuousClock.now < deadline {
            if waitpid(pid, &status, WNOHANG) != 0 { break }
            usleep(20_000)
        }
        kill(-pid, SIGKILL)
        waitpid(pid, &status, WNOHANG)
        unlink(logFile)
    }
}

/// Does a URL answer HTTP? One GET over a plain socket (https: the port accepting a connection).
enum HTTPProbe {
    static func answers(_ url: String, timeout: Duration) -> Bool {
        guard let parsed = URL(string: url), let host = parsed.host, let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return false }
        let port = parsed.port ?? (scheme == "https" ? 443 : 80)
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return false }
        defer { freeaddrinfo(list) }
        let socket = Glibc.socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        var wait = timeval(tv_sec: Int(milliseconds / 1000), tv_usec: Int(milliseconds % 1000) * 1000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        guard connect(socket, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else { return false }
        if scheme == "https" { return true }
        let path = parsed.path.isEmpty ? "/" : parsed.path
        let request = "GET \(path) HTTP/1.0\r\nHost: \(host)\r\nUser-Agent: rampart-readiness\r\n\r\n"
        guard request.withCString({ send(socket, $0, strlen($0), Int32(MSG_NOSIGNAL)) }) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = recv(socket, &buffer, buffer.count, 0)
        return count >= 12 && buffer.starts(with: Array("HTTP/".utf8))
    }
}
