import ArgumentParser
import Foundation
import PythonSyntax
import RampartCore

/// `rampart python-ast FILE…`: the syntax tree in the format of CPython's
/// `ast.dump(tree, include_attributes=True)`, to compare with CPython's own.
struct PythonASTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "python-ast",
        abstract: "Print the Python syntax tree of files as CPython's ast.dump(include_attributes=True) does."
    )

    @Argument(help: "Python files; with several, each dump follows a line '==> PATH'.")
    var files: [String]

    @Option(name: .customLong("python"), help: ArgumentHelp("The grammar and dump format: 3.11, 3.12, 3.13 or 3.14.", valueName: "version"))
    var pythonVersion: String = "3.11"

    @Option(name: .customLong("files-from"), help: ArgumentHelp("Read more file paths from this file, one per line.", valueName: "path"))
    var filesFrom: String?

    func validate() throws {
        guard Self.version(pythonVersion) != nil else { throw ValidationError("--python takes 3.11, 3.12, 3.13 or 3.14") }
    }

    static func version(_ text: String) -> PythonVersion? {
        switch text {
        case "3.11": .v3_11
        case "3.12": .v3_12
        case "3.13": .v3_13
        case "3.14": .v3_14
        default: nil
        }
    }

    func run() async throws {
        var paths = files
        if let filesFrom {
            guard let list = try? String(contentsOfFile: filesFrom, encoding: .utf8) else {
                throw UsageFailure("error: cannot read \(filesFrom)")
            }
            paths += list.split(separator: "\n").map(String.init)
        }
        let version = Self.version(pythonVersion) ?? .v3_11
        let several = paths.count > 1
        var failures = 0
        var out = ""
        for path in paths {
            if several { out += "==> \(path)\n" }
            let bytes: [UInt8]
            do {
                bytes = try FileReader.read(path, limit: 256 << 20)
            } catch {
                out += "!! cannot read: \(error)\n"
                failures += 1
                continue
            }
            do {
                let parsed = try PythonParsing.parse(bytes, version: version)
                out += ASTDump.dump(parsed.module, version: version) + "\n"
            } catch {
                out += "!! SyntaxError: \(path):\(error)\n"
                failures += 1
            }
            if out.utf8.count > 1 << 20 {
                Terminal.writeStdout(out)
                out = ""
            }
        }
        Terminal.writeStdout(out)
        if failures > 0 && !several { throw ExitCode(1) }
    }
}
