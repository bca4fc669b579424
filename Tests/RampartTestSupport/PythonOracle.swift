import Foundation

/// Finds a Python interpreter that has the given modules, for differential tests against real
/// tools. `RAMPART_PYTHON` wins; then the `.venv` that `.ci/run` makes; then `python3` on PATH.
public enum PythonOracle {
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static func python(with modules: [String]) -> String? {
        var candidates: [String] = []
        if let override = ProcessInfo.processInfo.environment["RAMPART_PYTHON"] { candidates.append(override) }
        candidates.append(packageRoot + "/.venv/bin/python")
        candidates += ["/usr/local/bin/python3", "/usr/bin/python3"]
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            if has(candidate, modules) { return candidate }
        }
        return nil
    }

    private static func has(_ python: String, _ modules: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import " + modules.joined(separator: ", ")]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }
}
