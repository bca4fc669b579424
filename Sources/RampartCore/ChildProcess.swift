import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to its end with a time limit and bounded output (host checks' commands, a
/// pipeline's external tools), or streams its output (git's history).
///
/// `posix_spawn` and `waitpid` on the child's own pid, not `Foundation.Process`: on Linux that
/// detects the end of a child through a descriptor other children can inherit, so a long-lived
/// process started elsewhere in the same program (a server, a git) can make a finished command
/// look like it runs forever. Here every descriptor is close-on-exec, the child gets a clean
/// signal mask, and the output pipes are read with `poll` until the deadline.
public enum ChildProcess {
    public struct Output: Sendable, Equatable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// `environment` is added to (or replaces entries of) the inherited environment.
    public static func run(_ arguments: [String], timeout: Duration, outputLimit: Int = 8 << 20, environment: [String: String] = [:]) throws(Failure) -> Output {
        var out: [UInt8] = []
        let ended = try stream(arguments, timeout: timeout, errorLimit: outputLimit, environment: environment) { chunk in
            if out.count < outputLimit { out += chunk.prefix(outputLimit - out.count) }
            return true
        }
        if ended.timedOut { throw Failure("\(arguments.first ?? "") did not finish within \(Int(timeout.inSeconds)) s") }
        return Output(status: ended.status, stdout: String(decoding: out, as: UTF8.self), stderr: ended.stderr)
    }

    /// How a streamed program ended.
    public struct Ending: Sendable, Equatable {
        public var status: Int32
        /// The start of its standard error.
        public var stderr: String
        /// Stopped at the deadline, or because `onOutput` or `isCancelled` said so (then killed).
        public var timedOut: Bool
        public var stopped: Bool
    }

    /// Runs a program and hands its standard output to `onOutput` chunk by chunk as it comes
    /// (git's history, gigabytes of it); `onOutput` returning false, `isCancelled`, or the deadline
    /// stop the program (SIGKILL). Standard error is kept up to `errorLimit` bytes.
    public static func stream(_ arguments: [String], timeout: Duration, errorLimit: Int = 64 << 10, environment: [String: String] = [:],
                              isCancelled: () -> Bool = { false }, onOutput: (UnsafeBufferPointer<UInt8>) -> Bool) throws(Failure) -> Ending {
        guard let program = arguments.first else { throw Failure("no command") }
        var output: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        guard pipe(&output) == 0 else { throw Failure("\(program): cannot make a pipe") }
        guard pipe(&errors) == 0 else {
            close(output[0])
            close(output[1])
            throw Failure("\(program): cannot make a pipe")
        }
        for descriptor in output + errors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        // A larger pipe lets a program write ahead instead of waiting on every 64 KB (Linux only).
        _ = fcntl(output[1], 1031 /* F_SETPIPE_SZ */, 1 << 20)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), defaults = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var envp: [UnsafeMutablePointer<CChar>?] = []
        if !environment.isEmpty {
            var inherited = ProcessInfo.processInfo.environment
            for (key, value) in environment { inherited[key] = value }
            envp = inherited.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        }
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = envp.isEmpty
            ? posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
            : posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
        close(output[1])
        close(errors[1])
        defer {
            close(output[0])
            close(errors[0])
        }
        guard spawned == 0 else { throw Failure("\(program): \(String(cString: strerror(spawned)))") }

        var err: [UInt8] = []
        let deadline = ContinuousClock.now + timeout
        var open = [output[0], errors[0]]
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var timedOut = false, stopped = false
        var status: Int32 = 0, reaped = false
        // Pipes normally close when the program ends; should another program have inherited
        // them (spawned by another thread between pipe() and fcntl()), the end is seen by
        // waitpid instead, checked between ever longer waits.
        var wait: Int32 = 10
        reading: while !open.isEmpty {
            if isCancelled() {
                stopped = true
                break
            }
            let left = deadline - ContinuousClock.now
            guard left > .zero else {
                timedOut = true
                break
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left.inSeconds * 1000 + 1, Double(wait))))
            if ready < 0 && errno != EINTR { break }
            if ready == 0 {
                if reaped { break }
                if waitpid(pid, &status, WNOHANG) == pid { reaped = true }
                wait = min(wait * 2, 500)
                continue
            }
            wait = 10
            for entry in fds where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(entry.fd, $0.baseAddress, $0.count) }
                if count <= 0 {
                    if count < 0 && errno == EINTR { continue }
                    open.removeAll { $0 == entry.fd }
                    continue
                }
                if entry.fd == output[0] {
                    let more = buffer.withUnsafeBufferPointer { onOutput(UnsafeBufferPointer(rebasing: $0[..<count])) }
                    if !more {
                        stopped = true
                        break reading
                    }
                } else if err.count < errorLimit {
                    err += buffer[..<min(count, errorLimit - err.count)]
                }
            }
        }
        if timedOut || stopped, !reaped { kill(pid, SIGKILL) }
        if !reaped { while waitpid(pid, &status, 0) < 0 && errno == EINTR {} }
        // WIFEXITED / WEXITSTATUS, and 128 + the signal as shells report it.
        let exited = status & 0x7F == 0
        let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Ending(status: code, stderr: String(decoding: err, as: UTF8.self), timedOut: timedOut, stopped: stopped)
    }
}

/// Quoting for a POSIX shell.
public enum Shell {
    /// `'…'` with each `'` written `'\''`: nothing inside is interpreted.
    public static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `text` as one word for people to read and paste: bare when it is plainly safe, quoted otherwise.
    public static func argument(_ text: String) -> String {
        let safe = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_./:@%+=,".unicodeScalars.contains($0)) }
        return safe ? text : quote(text)
    }
}
