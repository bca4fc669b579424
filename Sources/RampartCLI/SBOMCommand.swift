import ArgumentParser
import Foundation
import RampartCore
import RampartDeps
import RampartFiles

/// `rampart sbom [PATH]`: a CycloneDX bill of materials of the project's pinned Python components.
struct SBOMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sbom",
        abstract: "Write a CycloneDX 1.5 JSON SBOM of the project's resolved Python components."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case cyclonedxJSON = "cyclonedx-json"
    }

    @Argument(help: "The project folder.")
    var path: String = "."

    @Option(help: "The SBOM format.")
    var format: Format = .cyclonedxJSON

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(help: "Embed the known vulnerabilities of each component (needs the advisory database or --advisories).")
    var withVulnerabilities = false

    @Option(help: ArgumentHelp("Read OSV JSON (a file or folder) instead of the database.", valueName: "path"))
    var advisories: String?

    @Option(help: ArgumentHelp("The advisory database (default: the user's cache folder).", valueName: "path"))
    var database: String?

    @Option(name: .long, help: ArgumentHelp("Configuration file (default: .rampart.yml in the folder).", valueName: "path"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Time budget in seconds (default: the configuration's timeout, 600); past it, exit 3.", valueName: "seconds"))
    var timeout: Double?

    func run() async throws {
        guard FileManager.default.fileExists(atPath: path) else { throw UsageFailure("error: no such file or folder: \(path)") }
        let configuration = try CommonOptions.loadConfiguration(explicit: config, scanRoot: path, scanners: ScannerCatalog.current)
        var options = DepsOptions()
        if let section = configuration.scannerSections["deps"],
           let configured = try? DepsScanner().configured(with: section, reader: configuration.reader(scanRoot: path)) as? DepsScanner {
            options = configured.options
        }
        if let advisories { options.advisoriesPath = advisories }
        if let database { options.databasePath = database }
        let (path, withVulnerabilities, finalOptions) = (self.path, self.withVulnerabilities, options)
        let (text, diagnostics) = try await CommandBudget.run(seconds: timeout ?? configuration.timeout, doing: "building the SBOM") { () throws -> (String, [Diagnostic]) in
            let discovered = FileDiscovery(options: .init(configuration: configuration)).discover(root: path)
            let scanner = DepsScanner(options: finalOptions)
            let manifests = scanner.manifests(files: discovered.files, passedOver: discovered.passedOver)
            let (dependencies, diagnostics) = DepsScanner.collect(root: path, manifests: manifests, options: finalOptions)
            var vulnerabilities: [String: [Vulnerability]]?
            if withVulnerabilities {
                do {
                    vulnerabilities = try CycloneDX.vulnerabilities(of: dependencies, options: finalOptions)
                } catch {
                    throw UsageFailure("error: --with-vulnerabilities: \(error)")
                }
            }
            let absolute = URL(fileURLWithPath: path).standardizedFileURL
            let document = CycloneDX.document(project: absolute.lastPathComponent, dependencies: dependencies,
                                              vulnerabilities: vulnerabilities, toolVersion: RampartVersion.current)
            return (document.serialized(pretty: true) + "\n", diagnostics)
        }
        for diagnostic in diagnostics where diagnostic.level != .note { Terminal.writeStderr(diagnostic.display + "\n") }
        if let output {
            do {
                try Terminal.writeFile(output, Data(text.utf8))
            } catch {
                throw UsageFailure("error: cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            Terminal.writeStdout(text)
        }
        // A manifest that could not be read leaves the SBOM incomplete: written, but not a success.
        if diagnostics.contains(where: { $0.level == .error }) {
            Terminal.writeStderr("error: the SBOM is incomplete: some manifests were not read (see above)\n")
            throw ExitCode(3)
        }
    }
}
