/// The version of Rampart, printed by `rampart --version` and written into every report.
public enum RampartVersion {
    public static let current = "0.1.0"
}
