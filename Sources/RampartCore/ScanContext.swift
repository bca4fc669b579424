import Dispatch
import Logging

/// What a scanner gets to work with.
public struct ScanContext: Sendable {
    /// The absolute path of the scan root.
    public var root: String
    /// The files selected for this scan, after ignore files, include/exclude globs and `--since`.
    public var files: [SourceFile]
    public var configuration: Configuration
    public var logger: Logger
    /// Files the walk passed over (too large, symlinks not followed), for scanners that must
    /// not skip them in silence.
    public var passedOver: [PassedOverFile] = []
    /// Called once per file a scanner finishes; the engine turns it into the progress line.
    public var onFileScanned: (@Sendable (String) -> Void)?

    public init(
        root: String,
        files: [SourceFile],
        configuration: Configuration = Configuration(),
        logger: Logger = Logger(label: "rampart"),
        onFileScanned: (@Sendable (String) -> Void)? = nil
    ) {
        self.root = root
        self.files = files
        self.configuration = configuration
        self.logger = logger
        self.onFileScanned = onFileScanned
    }

    /// The absolute path of a file of this scan.
    public func absolutePath(of file: SourceFile) -> String {
        root.hasSuffix("/") ? root + file.path : root + "/" + file.path
    }

    /// Reads a file of this scan, never more than the configured size limit.
    public func read(_ file: SourceFile) throws(FileReadError) -> SourceText {
        let bytes = try FileReader.read(absolutePath(of: file), limit: configuration.maxFileSize)
        return SourceText(bytes: bytes)
    }

    /// Runs `body` on every selected file that `filter` accepts, several at a time.
    ///
    /// A file that cannot be read, or whose `body` throws, becomes a diagnostic and the others go on.
    /// After cancellation no new file is started and the results of the finished ones are returned.
    public func forEachFile(
        scanner: String,
        where filter: (SourceFile) -> Bool,
        _ body: @escaping @Sendable (SourceFile, SourceText) throws -> [Finding]
    ) async -> ScannerOutput {
        await forEachFile(scanner: scanner, where: filter, reporting: { file, text in ScannerOutput(findings: try body(file, text)) })
    }

    /// `forEachFile` for scanners that also have something to say about a file they did scan
    /// (a region not fully searched, say): the body returns findings and diagnostics.
    public func forEachFile(
        scanner: String,
        where filter: (SourceFile) -> Bool,
        reporting body: @escaping @Sendable (SourceFile, SourceText) throws -> ScannerOutput
    ) async -> ScannerOutput {
        let selected = files.filter(filter)
        let width = max(1, configuration.jobs)
        return await withTaskGroup(of: (Int, ScannerOutput).self) { group in
            // Merged in the files' order (a file's result waits only for those before it): the
            // report does not depend on which file finished first.
            var output = ScannerOutput()
            var pending: [Int: ScannerOutput] = [:]
            var nextToMerge = 0
            var next = 0
            func startNext() -> Bool {
                guard next < selected.count, !Task.isCancelled else { return false }
                let file = selected[next]
                let position = next
                next += 1
                // Scanning is synchronous CPU work: it runs on a Dispatch thread so that the
                // cooperative pool stays free for timers and cancellation.
                // Each file has its own time bound: past it the file is a "not checked" error and
                // the scan goes on; the abandoned work's result, should it come, is dropped.
                let fileTimeout = configuration.fileTimeout
                group.addTask {
                    let output = await withCheckedContinuation { continuation in
                        let resumed = Locked(false)
                        DispatchQueue.global().async {
                            let result = self.scanOne(file, scanner: scanner, body)
                            if resumed.withLock({ done in defer { done = true }; return !done }) { continuation.resume(returning: result) }
                        }
                        DispatchQueue.global().asyncAfter(deadline: .now() + fileTimeout) {
                            guard resumed.withLock({ done in defer { done = true }; return !done }) else { return }
                            continuation.resume(returning: ScannerOutput(diagnostics: [Diagnostic(
                                .error, code: "file-timeout",
                                message: "not checked: the file took more than \(fileTimeout == fileTimeout.rounded() ? String(Int(fileTimeout)) : String(fileTimeout)) s (file_timeout); the other files are reported",
                                scanner: scanner, path: file.path)]))
                        }
                    }
                    return (position, output)
                }
                return true
            }
            for _ in 0..<width where !startNext() { break }
            while let (position, result) = await group.next() {
                pending[position] = result
                while let ready = pending.removeValue(forKey: nextToMerge) {
                    output.merge(ready)
                    nextToMerge += 1
                }
                _ = startNext()
            }
            // Cancelled: what did finish is still reported, in order.
            for position in pending.keys.sorted() { output.merge(pending[position] ?? ScannerOutput()) }
            return output
        }
    }

    private func scanOne(
        _ file: SourceFile,
        scanner: String,
        _ body: @Sendable (SourceFile, SourceText) throws -> ScannerOutput
    ) -> ScannerOutput {
        defer { onFileScanned?(scanner) }
        do {
            let text = try read(file)
            var output = try body(file, text)
            output.filesScanned = 1
            return output
        } catch let error as FileReadError {
            return ScannerOutput(diagnostics: [error.diagnostic(scanner: scanner, path: file.path)])
        } catch let diagnostic as Diagnostic {
            // A scanner's own verdict on the file (it does not parse, say): reported as it is.
            return ScannerOutput(diagnostics: [diagnostic])
        } catch {
            return ScannerOutput(diagnostics: [
                Diagnostic(.error, code: "scanner-failed", message: "\(error)", scanner: scanner, path: file.path)
            ])
        }
    }
}
