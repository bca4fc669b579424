import Foundation

/// Entry points that run the parser on a thread with a stack large enough for the deepest
/// nesting the parser accepts, whatever thread the caller is on (cooperative pool threads have
/// small stacks).
public enum PythonParsing {
    /// Stack for parsing and walking trees: the parser's depth limits keep well inside it.
    public static let stackSize = 64 << 20
    /// The largest source parsed: the tree takes 30 to 90 times the file's size, so a bigger
    /// file is refused by callers rather than exhausting memory.
    public static let maxSourceBytes = 16 << 20

    /// Parses `bytes`. The tree is returned to the caller; trees are at most
    /// `Parser.maxTreeDepth` deep, so releasing one is safe on ordinary threads.
    public static func parse(_ bytes: [UInt8], version: PythonVersion = .v3_14) throws(PythonSyntaxError) -> ParsedModule {
        try withModule(bytes, version: version) { $0 }
    }

    /// Parses a Semgrep-style pattern's Python (positional arguments may follow keywords).
    public static func parsePattern(_ bytes: [UInt8]) throws(PythonSyntaxError) -> ParsedModule {
        let box = ResultBox<ParsedModule>()
        let done = DispatchSemaphore(value: 0)
        onParseThread {
            do throws(PythonSyntaxError) {
                box.result = .success(try Parser.parse(bytes, version: .v3_14, lenientArguments: true))
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        switch box.result {
        case .success(let value): return value
        case .failure(let error): throw error
        case nil: throw PythonSyntaxError(.syntax, "parser did not finish", at: SourcePosition(line: 1, column: 0))
        }
    }

    /// Parses `bytes` and runs `body` on the tree, both on the deep-stack thread, so recursive
    /// walks of the tree (dumps, rules) are safe too.
    public static func withModule<T>(_ bytes: [UInt8], version: PythonVersion = .v3_14, _ body: @escaping @Sendable (ParsedModule) -> T) throws(PythonSyntaxError) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        onParseThread {
            box.result = parseResult(bytes, version).map(body)
            done.signal()
        }
        done.wait()
        switch box.result {
        case .success(let value): return value
        case .failure(let error): throw error
        case nil: throw PythonSyntaxError(.syntax, "parser did not finish", at: SourcePosition(line: 1, column: 0))
        }
    }

    /// `parse`, suspending instead of blocking the caller's thread (for async callers).
    public static func parseAsync(_ bytes: [UInt8], version: PythonVersion = .v3_14) async throws(PythonSyntaxError) -> ParsedModule {
        let result: Result<ParsedModule, PythonSyntaxError> = await withCheckedContinuation { continuation in
            onParseThread { continuation.resume(returning: parseResult(bytes, version)) }
        }
        return try result.get()
    }

    private static func parseResult(_ bytes: [UInt8], _ version: PythonVersion) -> Result<ParsedModule, PythonSyntaxError> {
        do throws(PythonSyntaxError) {
            return .success(try Parser.parse(bytes, version: version))
        } catch {
            return .failure(error)
        }
    }

    /// Runs `work` on a new thread with the parsing stack.
    private static func onParseThread(_ work: @escaping @Sendable () -> Void) {
        let thread = Thread(block: work)
        thread.stackSize = stackSize
        thread.start()
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var result: Result<T, PythonSyntaxError>?
    }
}
