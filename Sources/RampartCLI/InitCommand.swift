import ArgumentParser
import Foundation
import RampartCore
import RampartPipeline

/// `rampart init`: looks at a repository and writes a starting pipeline and the CI glue for it.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Inspect a repository and write rampart.yml, a GitHub Actions workflow, a GitLab CI job and a pre-commit configuration.",
        discussion: "Existing files are left alone unless --force is given. See docs/ci.md."
    )

    @Argument(help: "The repository (default: the current folder).")
    var path: String = "."

    @Flag(help: "Overwrite files that exist.")
    var force = false

    /// What the repository holds, as far as the pipeline cares.
    struct Inspection: Equatable {
        var python = false
        var lockfiles: [String] = []
        var webFramework: String?
        var dockerfile = false
        var inventory: String?
        var git = false
    }

    static func inspect(_ root: String) -> Inspection {
        var found = Inspection()
        let fm = FileManager.default
        found.git = fm.fileExists(atPath: root + "/.git")
        guard let walker = fm.enumerator(atPath: root) else { return found }
        var seen = 0
        let skipped: Set<String> = [".git", ".venv", "venv", "node_modules", ".build", ".rampart", "__pycache__", ".tox"]
        while let relative = walker.nextObject() as? String, seen < 50_000 {
            seen += 1
            let name = (relative as NSString).lastPathComponent
            if skipped.contains(name) {
                walker.skipDescendants()
                continue
            }
            if name.hasSuffix(".py") { found.python = true }
            if ["requirements.txt", "pyproject.toml", "poetry.lock", "Pipfile.lock", "uv.lock", "pdm.lock"].contains(name)
                || (name.hasPrefix("requirements") && name.hasSuffix(".txt")) {
                found.lockfiles.append(relative)
                let text = (try? String(contentsOfFile: root + "/" + relative, encoding: .utf8))?.lowercased() ?? ""
                for framework in ["django", "flask", "fastapi"] where found.webFramework == nil && text.contains(framework) { found.webFramework = framework }
            }
            if name == "Dockerfile" || name.hasSuffix(".Dockerfile") { found.dockerfile = true }
            if found.inventory == nil, ["inventory", "inventory.ini", "inventory.yml", "hosts.ini", "hosts.yml"].contains(name) { found.inventory = relative }
        }
        found.lockfiles.sort()
        return found
    }

    /// The starting pipeline: what the inspection supports runs; the rest is there, commented,
    /// with what to fill in.
    static func pipeline(for found: Inspection) -> String {
        var out = """
        # Rampart's security pipeline for this repository (docs/pipeline.md), written by `rampart init`.
        # `rampart pipeline plan` shows what runs; `rampart pipeline run` runs it and exits by the gates.
        version: 1
        budget: 600
        reports:
          - {format: sarif, output: .rampart/reports/rampart.sarif}
          - {format: junit, output: .rampart/reports/rampart-junit.xml}
          - {format: gitlab-sast, output: .rampart/reports/gl-sast-report.json}
        # `rampart pipeline run --tasks` turns what the gates count into one task per rule and file
        # (docs/tasks.md): Markdown files in .rampart/tasks, or the team's issues:
        # tasks:
        #   target: github          # or gitlab; the token comes from GITHUB_TOKEN / GITLAB_TOKEN
        #   labels: [security]
        stages:
          commit:
            activities:

        """
        if found.python { out += "      - sast\n" }
        out += "      - secrets\n"
        out += """
            gates:
              - name: no new finding of severity high or above
                severity: high
              - name: no secret at all
                activities: [secrets]
                severity: info

        """
        if !found.lockfiles.isEmpty {
            out += """
              build:
                activities:
                  - deps
                  - sbom: {output: .rampart/reports/sbom.cdx.json}
                gates:
                  - name: no critical dependency vulnerability with a fix available
                    activities: [deps]
                    severity: critical
                    fixable: true

            """
        }
        let app = found.webFramework.map { " (\($0) found in the requirements)" } ?? ""
        out += """
          # test:                      # a baseline DAST scan of the running app\(app)
          #   activities:
          #     - web:
          #         target: "http://127.0.0.1:8000/"
          #         start: {command: "python -m your_app", ready: "http://127.0.0.1:8000/", timeout: 30}
          #   gates:
          #     - {name: no DAST finding of severity medium or above, activities: [web], severity: medium}

        """
        let hosts = found.inventory.map { " (inventory: \($0))" } ?? ""
        out += """
          # deploy:                    # compliance of the hosts or images you ship\(hosts)
          #   activities:
          #     - host: {target: "ssh://deploy@web1.example.org:22", profiles: [linux-baseline, ssh-baseline]}
          #     - harden: {target: "ssh://deploy@web1.example.org:22", playbook: .rampart/reports/hardening.yml}
          #   gates:
          #     - {name: every host control of impact 0.7 or more passes, activities: [host], severity: high}

        """
        return out
    }

    static let githubWorkflow = """
        # Rampart on every push and pull request: the pipeline of rampart.yml, SARIF to code scanning.
        name: rampart
        on:
          push:
          pull_request:
        permissions:
          contents: read
          security-events: write
        jobs:
          security:
            runs-on: ubuntu-latest
            container: swift:6.1
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0        # pull requests scan what changed since the base branch
              # RAMPART_GIT_URL (a repository variable): where your organisation keeps Rampart's source.
              - name: Install Rampart
                env:
                  RAMPART_GIT_URL: ${{ vars.RAMPART_GIT_URL }}
                run: |
                  git clone --depth 1 "$RAMPART_GIT_URL" /tmp/rampart
                  swift build -c release --package-path /tmp/rampart
                  echo /tmp/rampart/.build/release >> "$GITHUB_PATH"
              - name: Security pipeline
                run: rampart pipeline run
              - name: Upload SARIF
                if: always() && hashFiles('.rampart/reports/rampart.sarif') != ''
                uses: github/codeql-action/upload-sarif@v3
                with:
                  sarif_file: .rampart/reports/rampart.sarif

        """

    static let gitlabJob = """
        # Rampart as a GitLab CI job: include it from .gitlab-ci.yml (`include: rampart.gitlab-ci.yml`).
        # Merge requests scan what changed since the target branch; reports show in the merge request.
        rampart:
          stage: test
          image: swift:6.1
          variables:
            GIT_DEPTH: 0
          # RAMPART_GIT_URL (a CI/CD variable): where your organisation keeps Rampart's source.
          before_script:
            - git clone --depth 1 "$RAMPART_GIT_URL" /tmp/rampart
            - swift build -c release --package-path /tmp/rampart
            - export PATH=/tmp/rampart/.build/release:$PATH
          script:
            - rampart pipeline run
          artifacts:
            when: always
            paths: [.rampart/reports/]
            reports:
              sast: .rampart/reports/gl-sast-report.json
              junit: .rampart/reports/rampart-junit.xml

        """

    static let preCommit = """
        # pre-commit (https://pre-commit.com): `pre-commit install`, with rampart on PATH.
        repos:
          - repo: local
            hooks:
              - id: rampart-secrets
                name: rampart secrets (staged changes)
                entry: rampart secrets --staged --quiet
                language: system
                pass_filenames: false
                always_run: true
              - id: rampart-commit-stage
                name: rampart pipeline (commit stage)
                entry: rampart pipeline run --stage commit --quiet --no-history
                language: system
                pass_filenames: false
                always_run: true

        """

    func run() async throws {
        guard FileManager.default.fileExists(atPath: path) else { throw UsageFailure("error: no such folder: \(path)") }
        let found = Self.inspect(path)
        let files: [(String, String)] = [
            ("rampart.yml", Self.pipeline(for: found)),
            (".github/workflows/rampart.yml", Self.githubWorkflow),
            ("rampart.gitlab-ci.yml", Self.gitlabJob),
            (".pre-commit-config.yaml", Self.preCommit),
        ]
        var parts = [found.python ? "Python code" : nil, found.lockfiles.isEmpty ? nil : "dependency files (\(found.lockfiles.joined(separator: ", ")))",
                     found.webFramework.map { "a \($0) app" }, found.dockerfile ? "a Dockerfile" : nil, found.inventory.map { "a hosts inventory (\($0))" }].compactMap { $0 }
        if parts.isEmpty { parts = ["nothing Rampart scans beyond secrets"] }
        Terminal.writeStderr("found \(parts.joined(separator: ", "))\n")
        for (name, text) in files {
            // A name that exists as anything (a symlink included) is kept without --force, and
            // written through no symlink with it (.github -> /etc is refused).
            if ConfinedWriter(root: path).exists(name) && !force {
                Terminal.writeStderr("kept \(name) (it exists; --force overwrites)\n")
                continue
            }
            try RepositoryWrite.write(name, in: path, Data(text.utf8))
            Terminal.writeStderr("wrote \(name)\n")
        }
    }
}
