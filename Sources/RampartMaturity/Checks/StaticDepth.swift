import Foundation
import RampartPipeline

/// Test and Verification: static depth for applications and for infrastructure.
enum StaticDepthChecks {
    static let sastTools = ["bandit", "semgrep", "codeql", "ruff check", "sonar-scanner", "pylint", "sarif"]
    static let scaTools = ["pip-audit", "osv-scanner", "trivy fs", "safety check", "snyk test", "dependency-check", "grype"]
    static let secretTools = ["gitleaks", "trufflehog", "detect-secrets", "ggshield"]

    static let all: [MaturityCheck] = [
        MaturityCheck("d918cd44-a972-43e9-a974-eff3f4a5dcfe", "Software Composition Analysis (server side)") { evidence in
            if evidence.pythonManifests.isEmpty && evidence.lockfiles.isEmpty { return .notApplicable("no dependency manifest or lockfile") }
            var result = evidence.verdict(.deps, tools: scaTools, missing: "add a `deps` activity to a stage CI runs")
            if result.status == .implemented, let config = evidence.config, !config.find(["allow_skips: true", "allow_stale: true"]).isEmpty {
                result = .partial(result.proofs + config.find(["allow_skips: true", "allow_stale: true"]), "unchecked packages or stale advisories are allowed")
            }
            return result
        },
        MaturityCheck("13af1227-3dd1-4d4f-a9e9-53deb793c18f", "Test for Time to Patch") { evidence in
            let fixed = evidence.findings.filter { ($0.scanner == "deps" || $0.ruleId.hasPrefix("deps/")) && $0.state.rawValue == "fixed" }
            let days = fixed.compactMap { record in record.fixedAt.map { $0.timeIntervalSince(record.firstSeen) / 86_400 } }.sorted()
            let span = evidence.history.first.map { evidence.now.timeIntervalSince($0.at) / 86_400 } ?? 0
            guard !days.isEmpty else {
                return evidence.activities(.deps).isEmpty ? .missing("no dependency scan in the pipeline, so no time to patch is measured")
                    : .missing("the findings history has no fixed dependency finding yet: keep .rampart/findings.db between runs")
            }
            let median = days[days.count / 2]
            let proof = Proof(String(format: "%d dependency findings fixed, median %.1f days from first seen to fixed", days.count, median), file: "rampart findings sla")
            return days.count >= 3 && span >= 30 ? .implemented([proof]) : .partial([proof], "fewer than 3 fixed dependency findings or under 30 days of history")
        },
        MaturityCheck("87b54313-fafd-4860-930f-5ef132b3e4ad", "Test libyear") { evidence in
            let found = evidence.ciMentions(["libyear"])
            if !found.isEmpty { return .implemented(found) }
            let local = evidence.preCommitMentions(["libyear"])
            return local.isEmpty ? .missing("run libyear (or a similar dependency age check) in CI") : .partial(local, "only in pre-commit")
        },
        MaturityCheck("017d9e26-42b5-49a4-b945-9f59b308fb99", "API design validation") { evidence in
            let specs = evidence.apiSpecs
            if specs.isEmpty { return .notApplicable("no OpenAPI, Swagger or AsyncAPI specification") }
            let found = evidence.ciMentions(["spectral lint", "openapi-spec-validator", "redocly lint", "42crunch", "swagger-cli validate"])
            return found.isEmpty ? .partial([Proof("API specification", file: specs[0])], "validate the specification in CI (spectral, openapi-spec-validator)") : .implemented(found)
        },
        MaturityCheck("6e180abc-7c98-4265-b4e9-852cb91b067b", "Local development security checks performed") { evidence in
            let secrets = evidence.preCommitMentions(["rampart-secrets", "rampart-pipeline-commit", "rampart-commit-stage", "gitleaks", "detect-secrets", "trufflehog"])
            let sast = evidence.preCommitMentions(["rampart-sast", "rampart-pipeline-commit", "rampart-commit-stage", "--stage commit", "bandit", "semgrep"])
            if !secrets.isEmpty && !sast.isEmpty { return .implemented(evidence.unique(secrets + sast)) }
            if !secrets.isEmpty || !sast.isEmpty { return .partial(secrets + sast, secrets.isEmpty ? "add a secrets hook to pre-commit" : "add a SAST hook to pre-commit") }
            return .missing("add Rampart's pre-commit hooks (rampart init writes .pre-commit-config.yaml)")
        },
        MaturityCheck("07fe8c4f-ae33-4409-b1b2-cf64cfccea86", "Software Composition Analysis (client side)") { evidence in
            let lockfiles = evidence.files { ["package-lock.json", "yarn.lock", "pnpm-lock.yaml", "package.json"].contains(Evidence.fileName($0)) }
            if lockfiles.isEmpty { return .notApplicable("no JavaScript dependencies (package.json)") }
            return evidence.verdict(nil, tools: ["npm audit", "yarn audit", "pnpm audit", "osv-scanner", "trivy fs", "retire"], missing: "audit the JavaScript dependencies in CI (npm audit, osv-scanner)")
        },
        MaturityCheck("e237176b-bec5-447d-a926-e37d6dd60e4b", "Static analysis for important client side components") { evidence in
            if evidence.clientFiles.isEmpty { return .notApplicable("no client-side code (.js, .ts, .vue, …)") }
            return evidence.verdict(nil, tools: ["eslint-plugin-security", "eslint-plugin-no-unsanitized", "semgrep", "codeql"], missing: "run a security linter on the client code in CI")
        },
        MaturityCheck("6c05c837-8c99-46e2-828b-7c903e27dba4", "Static analysis for important server side components") { evidence in
            if evidence.pythonFiles.isEmpty && evidence.files({ $0.hasSuffix(".java") || $0.hasSuffix(".go") || $0.hasSuffix(".rb") || $0.hasSuffix(".swift") }).isEmpty {
                return .notApplicable("no server-side code")
            }
            return evidence.verdict(.sast, tools: sastTools, missing: "add a `sast` activity to a stage CI runs")
        },
        MaturityCheck("ee68331f-9b1d-4f61-844b-b2ea04753a84", "Static analysis for all self written components") { evidence in
            let languages: [(String, [String], [String])] = [
                ("Python", [".py"], ["sast"]), ("JavaScript/TypeScript", [".js", ".ts", ".jsx", ".tsx"], ["eslint", "semgrep", "codeql"]),
                ("Go", [".go"], ["gosec", "semgrep", "codeql"]), ("Java", [".java"], ["spotbugs", "semgrep", "codeql"]),
                ("Ruby", [".rb"], ["brakeman", "semgrep"]), ("Swift", [".swift"], ["swiftlint", "semgrep", "codeql"]), ("Shell", [".sh"], ["shellcheck"]),
            ]
            var covered: [Proof] = [], uncovered: [String] = []
            for (name, suffixes, tools) in languages where !evidence.has(extension: suffixes, excluding: ["vendor/", "third_party/", ".min.js", "Fixtures/", "fixtures/"]).isEmpty {
                let sast = tools.contains("sast") ? evidence.coverage(.sast, tools: sastTools).ci : []
                let found = sast + evidence.coverage(nil, tools: tools.filter { $0 != "sast" }).ci
                if let proof = found.first { covered.append(Proof("\(name): \(proof.text)", file: proof.file, line: proof.line)) } else { uncovered.append(name) }
            }
            if covered.isEmpty && uncovered.isEmpty { return .notApplicable("no source code") }
            if uncovered.isEmpty { return .implemented(covered) }
            return covered.isEmpty ? .missing("no static analysis in CI for \(uncovered.joined(separator: ", "))")
                : .partial(covered, "no static analysis in CI for \(uncovered.joined(separator: ", "))")
        },
        MaturityCheck("297be001-8d94-41ee-ab29-207020d423c0", "Usage of multiple analyzers") { evidence in
            var analyzers: [Proof] = evidence.coverage(.sast, tools: []).ci.prefix(1).map { $0 }
            for tool in ["bandit", "semgrep", "codeql", "ruff", "sonar-scanner", "pylint"] {
                if let proof = evidence.coverage(nil, tools: [tool]).ci.first { analyzers.append(proof) }
            }
            let merged = evidence.findings.filter { $0.scanner != "python" && ["bandit", "semgrep", "ruff", "codeql"].contains($0.scanner) }
            if let record = merged.first { analyzers.append(Proof("imported \(record.scanner) findings in the history (\(record.ruleId))", file: "rampart findings list")) }
            if analyzers.count >= 2 { return .implemented(evidence.unique(analyzers)) }
            return analyzers.isEmpty ? .missing("run two static analyzers (Rampart's SAST and an external Semgrep or CodeQL activity)") : .partial(analyzers, "add a second analyzer (external semgrep, codeql or ruff activity)")
        },
        MaturityCheck("a8d7d1f1-fc24-49ab-8fb6-f3a03da9c61d", "Dead code elimination") { evidence in
            let found = evidence.ciMentions(["vulture", "deadcode", "knip", "ts-prune", "periphery"])
            return found.isEmpty ? .missing("detect dead code in CI (vulture for Python)") : .implemented(found)
        },
        MaturityCheck("d17dbff0-1f10-492a-b4c7-17bb59a0a711", "Exclusion of source code duplicates") { evidence in
            let found = evidence.ciMentions(["jscpd", "duplicate-code", "cpd ", "duplicates", "sonar-scanner"])
            return found.isEmpty ? .missing("detect duplicated code in CI (jscpd, pylint duplicate-code)") : .implemented(found)
        },
        MaturityCheck("efa52cc8-6c5c-4ba2-a3d2-7164b0402f34", "Stylistic analysis") { evidence in
            let tools = ["ruff check", "ruff format", "black --check", "flake8", "pylint", "isort --check", "eslint", "prettier --check", "swiftlint", "swift-format lint"]
            let found = evidence.ciMentions(tools)
            if !found.isEmpty { return .implemented(found) }
            let local = evidence.preCommitMentions(["ruff", "black", "flake8", "pylint", "isort", "eslint", "prettier"])
            return local.isEmpty ? .missing("check the code style in CI (ruff, black, eslint)") : .partial(local, "style is checked in pre-commit only")
        },
        // Static depth for infrastructure.
        MaturityCheck("d5e6303c-d5c6-4d59-b258-a3b9de38a07f", "Test for stored secrets in build artifacts") { evidence in
            let hostDirs = evidence.activities(.host).compactMap { evidence.setting($0.activity, "target") }.filter { $0.hasPrefix("dir:") }.map { String($0.dropFirst(4)) }
            let artifactScans = evidence.scheduled(.secrets).filter { item in item.activity.paths.contains { path in hostDirs.contains(path) || path.contains("dist") || path.contains("build") || path.contains("image") } }
            if let item = artifactScans.first { return .implemented(item.proofs) }
            let tools = evidence.ciMentions(["trivy image", "--scanners secret", "trufflehog docker", "trufflehog filesystem"])
            if !tools.isEmpty { return .implemented(tools) }
            return evidence.activities(.secrets).isEmpty ? .missing("scan built artifacts (an image root file system) for secrets")
                : .partial(evidence.activities(.secrets).map { evidence.declared($0) }, "the secrets activity reads the source tree, not the built artifacts: give one `paths:` on the build output")
        },
        MaturityCheck("c6e3c812-56e2-41b0-ae01-b7afc41a004c", "Test for stored secrets in code") { evidence in
            let scheduled = evidence.scheduled(.secrets)
            let history = scheduled.filter { evidence.setting($0.activity, "source") == "history" }
            if let item = history.first { return .implemented(item.proofs) }
            let tools = evidence.ciMentions(["gitleaks detect", "gitleaks git", "trufflehog git", "rampart secrets --history"])
            if !tools.isEmpty { return .implemented(tools) }
            if let item = scheduled.first { return .implemented(item.proofs, "the tree is scanned in CI; add `source: history` for the whole git history") }
            let configured = evidence.activities(.secrets).map { evidence.declared($0) } + evidence.preCommitMentions(["rampart-secrets", "gitleaks", "detect-secrets", "trufflehog"])
            return configured.isEmpty ? .missing("add a `secrets` activity to a stage CI runs") : .partial(configured, "secrets are scanned, but not in CI")
        },
        MaturityCheck("621fb6a5-5c0a-4408-826a-068868bb031b", "Test cluster deployment resources") { evidence in
            if evidence.kubernetesFiles.isEmpty { return .notApplicable("no Kubernetes manifests or Helm charts") }
            return evidence.verdict(nil, tools: ["kubesec", "kube-score", "kube-linter", "polaris", "checkov", "trivy config", "kics"], missing: "check the manifests in CI (kube-linter, checkov)")
        },
        MaturityCheck("58825d22-1ce6-4748-af81-0ec9956e4129", "Test of virtualized environments") { evidence in
            let images = evidence.scheduled(.host).filter { (evidence.setting($0.activity, "target") ?? "").hasPrefix("dir:") }
            if let item = images.first { return .implemented(item.proofs) }
            let tools = evidence.ciMentions(["trivy image", "dive ", "dockle"])
            if !tools.isEmpty { return .implemented(tools) }
            let configured = evidence.activities(.host).map { evidence.declared($0) }
            return configured.isEmpty ? .missing("check the built image with a `host` activity on its root file system (target dir:…)") : .partial(configured, "no CI job runs the host stage")
        },
        MaturityCheck("46d6a2a8-f9dc-4c15-9fc8-1723cfecbddc", "Test the cloud configuration") { evidence in
            if evidence.terraformFiles.isEmpty { return .notApplicable("no cloud infrastructure as code (Terraform, CloudFormation)") }
            return evidence.verdict(nil, tools: ["checkov", "tfsec", "trivy config", "kics", "prowler", "scoutsuite"], missing: "check the infrastructure code in CI (checkov, tfsec)")
        },
        MaturityCheck("8fc3de67-7b8d-420b-8d24-f35928cfed6e", "Test the definition of virtualized environments") { evidence in
            if evidence.dockerfiles.isEmpty && evidence.kubernetesFiles.isEmpty { return .notApplicable("no Dockerfile, compose file or manifest") }
            return evidence.verdict(nil, tools: ["hadolint", "dockerfilelint", "kube-score", "kubesec", "checkov", "trivy config", "kics"], missing: "lint the Dockerfiles in CI (hadolint)")
        },
        MaturityCheck("837f8f90-adc2-4e6b-9ebb-60c2ee29494d", "Test for malware") { evidence in
            let found = evidence.ciMentions(["clamscan", "freshclam", "yara "])
            return found.isEmpty ? .missing("scan artifacts for malware in CI (clamscan)") : .implemented(found)
        },
        MaturityCheck("cb6321aa-0fbf-4996-9e08-05ab26ef4c1e", "Test for new image version") { evidence in
            if evidence.dockerfiles.isEmpty { return .notApplicable("no Dockerfile") }
            let dependabot = (evidence.file(".github/dependabot.yml") ?? evidence.file(".github/dependabot.yaml"))?.find(["package-ecosystem: docker", "package-ecosystem: \"docker\""]) ?? []
            let renovate = ["renovate.json", "renovate.json5", ".renovaterc", ".github/renovate.json"].compactMap { evidence.file($0) }.map { Proof("Renovate configuration", file: $0.path, line: 1) }
            let found = dependabot + renovate
            return found.isEmpty ? .missing("let Dependabot (package-ecosystem: docker) or Renovate propose new base images") : .implemented(found)
        },
        MaturityCheck("26e1c6d5-5632-4ec7-80d2-e564b98732ad", "Software Composition Analysis") { evidence in
            if evidence.dockerfiles.isEmpty && evidence.activities(.host).isEmpty { return .notApplicable("no image or host in the repository") }
            return evidence.verdict(nil, tools: ["trivy image", "grype", "clair", "anchore", "docker scout"], missing: "scan the images' OS packages for known vulnerabilities in CI (trivy image)")
        },
        MaturityCheck("13367d8f-e37f-4197-a610-9ffca4fde261", "Test of infrastructure components for known vulnerabilities") { evidence in
            let found = evidence.coverage(nil, tools: ["trivy rootfs", "trivy image", "vuls", "oscap", "grype"]).ci
            if !found.isEmpty { return .implemented(evidence.unique(found)) }
            return evidence.activities(.host).isEmpty ? .missing("scan hosts and images for known vulnerabilities (trivy rootfs, vuls)")
                : .partial(evidence.activities(.host).map { evidence.declared($0) }, "hosts are checked for configuration, not for vulnerable packages")
        },
    ]
}
