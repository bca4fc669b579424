import RampartCore

/// A security pipeline as code (`rampart.yml`): stages in delivery order, each with activities
/// (the scanners and tools to run) and gates (the security acceptance criteria), one time
/// budget for the whole, and the reports to write.
public struct Pipeline: Sendable {
    /// Delivery order: a stage runs after the ones before it.
    public enum StageName: String, Sendable, CaseIterable, Comparable {
        case commit, build, test, deploy, operate

        var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

        public static func < (a: StageName, b: StageName) -> Bool { a.rank < b.rank }
    }

    public struct Stage: Sendable {
        public var name: StageName
        public var activities: [Activity]
        public var gates: [Gate]
        public var line: Int

        public init(name: StageName, activities: [Activity], gates: [Gate] = [], line: Int = 0) {
            self.name = name
            self.activities = activities
            self.gates = gates
            self.line = line
        }
    }

    public struct Report: Sendable, Equatable {
        public var format: String
        public var output: String?

        public init(format: String, output: String?) {
            self.format = format
            self.output = output
        }
    }

    /// Where `rampart pipeline run --tasks` keeps one task per failure (`tasks:`).
    public struct TaskSettings: Sendable, Equatable {
        public enum Target: String, Sendable, CaseIterable { case markdown, github, gitlab }
        public var target: Target = .markdown
        /// The Markdown folder, relative to the repository.
        public var folder: String?
        /// GitHub's `owner/name`.
        public var repository: String?
        /// GitLab's project id or path.
        public var project: String?
        public var apiURL: String?
        /// The environment variable that holds the token.
        public var tokenEnv: String?
        public var labels: [String] = []
        /// Close tasks whose findings are gone.
        public var close = true
        public var line = 0

        public init() {}
    }

    /// Stages in delivery order.
    public var stages: [Stage]
    /// The whole pipeline's budget.
    public var budget: Duration
    public var reports: [Report]
    public var tasks: TaskSettings?
    /// The file it was read from, for messages.
    public var file: String

    public init(stages: [Stage], budget: Duration = .seconds(600), reports: [Report] = [], tasks: TaskSettings? = nil, file: String = "rampart.yml") {
        self.stages = stages.sorted { $0.name < $1.name }
        self.tasks = tasks
        self.budget = budget
        self.reports = reports
        self.file = file
    }

    public var activities: [Activity] { stages.flatMap(\.activities) }
}

/// One thing a stage does: a scanner over the repository (`sast`, `secrets`, `deps`), a
/// document (`sbom`), a running application (`web`), a host or image (`host`), a hardening plan
/// (`harden`), another tool whose report is imported (`external`).
public struct Activity: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case sast, secrets, deps, sbom, web, host, harden, external
    }

    public var kind: Kind
    /// Unique in the pipeline: `name:` or the kind.
    public var id: String
    /// At most this long (within what is left of the pipeline's budget).
    public var budget: Duration?
    /// Folders or files, relative to the repository (file-based activities).
    public var paths: [String]
    /// The activity's own settings: the same keys as the scanner's section of `.rampart.yml`
    /// (`web:`, `host:`, …), validated by the scanner.
    public var settings: ConfigNode
    public var line: Int

    public init(kind: Kind, id: String? = nil, budget: Duration? = nil, paths: [String] = ["."], settings: ConfigNode = .null(.init(line: 0, column: 0)), line: Int = 0) {
        self.kind = kind
        self.id = id ?? kind.rawValue
        self.budget = budget
        self.paths = paths
        self.settings = settings
        self.line = line
    }

    /// Reads files of the repository (and so can be made incremental with `--since`).
    public var isFileBased: Bool { kind == .sast || kind == .secrets || kind == .deps }
}
