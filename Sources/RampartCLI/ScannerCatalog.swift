import RampartCore
import RampartDeps
import RampartHost
import RampartPythonSAST
import RampartSecrets
import RampartWeb

/// The scanners the binary ships. Scanner modules add themselves to `builtIn`; tests swap the list
/// for their own with `ScannerCatalog.$override.withValue(…)`.
public enum ScannerCatalog {
    @TaskLocal public static var override: [any SecurityScanner]?

    /// Every scanner of the binary, in the order they are listed.
    public static var builtIn: [any SecurityScanner] { [PythonSASTScanner(), SecretsScanner(), DepsScanner(), WebScanner(), HostScanner()] }

    public static var current: [any SecurityScanner] { override ?? builtIn }
}
