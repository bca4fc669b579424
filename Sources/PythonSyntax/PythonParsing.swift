import Foundation

/// The entry point that runs the parser on a thread with a stack large enough for the deepest
/// nesting the parser accepts, whatever thread the caller is on (cooperative pool threads have
/// small stacks).
public enum PythonParsing {
    /// Stack for parsing: the parser's own depth limits keep it well inside this.
    public static let stackSize = 64 << 20

    public static func parse(_ bytes: [UInt8], version: PythonVersion = .v3_14) throws(PythonSyntaxError) -> ParsedModule {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do {
                box.result = .success(try Parser.parse(bytes, version: version))
            } catch let error as PythonSyntaxError {
                box.result = .failure(error)
            } catch {
                box.result = .failure(PythonSyntaxError(.syntax, "\(error)", at: SourcePosition(line: 1, column: 0)))
            }
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        switch box.result {
        case .success(let parsed): return parsed
        case .failure(let error): throw error
        case nil: throw PythonSyntaxError(.syntax, "parser did not finish", at: SourcePosition(line: 1, column: 0))
        }
    }

    private final class ResultBox: @unchecked Sendable {
        var result: Result<ParsedModule, PythonSyntaxError>?
    }
}
