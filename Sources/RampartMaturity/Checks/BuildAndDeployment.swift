import Foundation
import RampartCore
import RampartPipeline

/// Build and Deployment: build, deployment and patch management; and the few activities of other
/// dimensions the same evidence decides (hardening, test KPIs).
enum BuildAndDeploymentChecks {
    static let securitySteps = ["rampart ", "rampart-sec/rampart@", "bandit", "semgrep", "codeql-action", "trivy", "gitleaks", "zap-baseline", "pip-audit"]
    static let deploySteps = ["kubectl apply", "helm upgrade", "helm install", "terraform apply", "ansible-playbook", "docker push", "environment:", "stage: deploy", "stage('deploy", "fly deploy", "cf push"]

    static let all: [MaturityCheck] = [
        MaturityCheck("f6f7737f-25a9-4317-8de2-09bf59f29b5b", "Defined build process") { evidence in
            guard !evidence.ci.isEmpty else {
                return evidence.pipeline == nil ? .missing("define the build in CI (rampart init writes a GitHub Actions workflow and a GitLab CI job)")
                    : .partial([Proof("pipeline file", file: evidence.pipeline?.file, line: 1)], "no CI file runs rampart.yml")
            }
            let security = evidence.ciMentions(securitySteps)
            let files = evidence.ci.map { Proof("CI definition", file: $0.path, line: 1) }
            return security.isEmpty ? .partial(files, "the CI runs no security step") : .implemented(evidence.unique(Array(files.prefix(2)) + Array(security.prefix(2))))
        },
        MaturityCheck("a340f46b-6360-4cb8-847b-a0d3483d09d3", "Building and testing of artifacts in virtual environments") { evidence in
            guard !evidence.ci.isEmpty else { return .missing("build in CI, on throw-away runners or containers") }
            let isolated = evidence.ciMentions(["runs-on: ubuntu", "runs-on: windows", "runs-on: macos", "container:", "image:", "agent { docker", "agent {docker", "docker {", "kubernetes {"])
            let shared = evidence.ciMentions(["self-hosted", "agent any"])
            if !isolated.isEmpty && shared.isEmpty { return .implemented(evidence.unique(isolated)) }
            if !shared.isEmpty { return .partial(shared, "some jobs run on self-hosted or shared agents: make them ephemeral or use containers") }
            return .human("the CI definition does not say where jobs run (\(evidence.ci.map(\.path).joined(separator: ", ")))")
        },
        MaturityCheck("f3c4971e-9f4d-4e59-8ed0-f0bdb6262477", "Pinning of artifacts") { evidence in
            var pinned: [Proof] = [], loose: [Proof] = []
            for path in evidence.dockerfiles {
                guard let file = evidence.file(path) else { continue }
                let stages = Set(file.lines.compactMap { line -> String? in
                    let words = line.split(separator: " ")
                    return words.count >= 4 && words[0].uppercased() == "FROM" && words[2].uppercased() == "AS" ? String(words[3]).lowercased() : nil
                })
                for (index, line) in file.lines.enumerated() where line.uppercased().hasPrefix("FROM ") {
                    let image = line.split(separator: " ").dropFirst().first { !$0.hasPrefix("--") }.map(String.init) ?? ""
                    if image == "scratch" || stages.contains(image.lowercased()) { continue }
                    (image.contains("@sha256:") ? { pinned.append($0) } : { loose.append($0) })(Proof(line, file: path, line: index + 1))
                }
            }
            for path in evidence.files({ $0.hasPrefix(".github/workflows/") }) {
                guard let file = evidence.file(path) else { continue }
                for (index, line) in file.lines.enumerated() {
                    guard let range = line.range(of: "uses: ") else { continue }
                    let action = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
                    if action.hasPrefix("./") || action.hasPrefix("docker://") { continue }
                    let ref = action.split(separator: "@").last.map { $0.split(separator: " ").first ?? "" } ?? ""
                    (ref.count == 40 && ref.allSatisfy(\.isHexDigit) ? { pinned.append($0) } : { loose.append($0) })(Proof(line.trimmingCharacters(in: .whitespaces), file: path, line: index + 1))
                }
            }
            let locks = evidence.lockfiles.map { Proof("lockfile", file: $0) }
            let requirements = evidence.files { Evidence.fileName($0).hasPrefix("requirements") && $0.hasSuffix(".txt") }.compactMap { evidence.file($0) }
            for file in requirements {
                for (index, line) in file.lines.enumerated() {
                    let text = line.trimmingCharacters(in: .whitespaces)
                    if text.isEmpty || text.hasPrefix("#") || text.hasPrefix("-") { continue }
                    (text.contains("==") ? { pinned.append($0) } : { loose.append($0) })(Proof(text, file: file.path, line: index + 1))
                }
            }
            pinned += locks
            if pinned.isEmpty && loose.isEmpty { return .notApplicable("no images, actions or dependencies to pin") }
            if loose.isEmpty { return .implemented(Array(pinned.prefix(6))) }
            return pinned.isEmpty ? .missing("pin images by digest, actions by commit and dependencies by version", Array(loose.prefix(6)))
                : .partial(Array(loose.prefix(6)), "\(loose.count) not pinned (images by digest, actions by commit SHA, requirements with ==)")
        },
        MaturityCheck("2858ac12-0179-40d9-9acf-1b839c030473", "SBOM of components") { evidence in
            let scheduled = evidence.scheduled(.sbom)
            if let item = scheduled.first { return .implemented(item.proofs) }
            let tools = evidence.ciMentions(["syft ", "cyclonedx", "--format spdx", "rampart sbom"])
            if !tools.isEmpty { return .implemented(tools) }
            let configured = evidence.activities(.sbom).map { evidence.declared($0) } + evidence.files { $0.hasSuffix(".cdx.json") || $0.hasSuffix(".spdx.json") || Evidence.fileName($0) == "bom.json" }.map { Proof("SBOM file", file: $0) }
            return configured.isEmpty ? .missing("write an SBOM in the build stage (an `sbom` activity)") : .partial(Array(configured.prefix(3)), "no CI job writes the SBOM")
        },
        MaturityCheck("9f107927-61e9-4574-85ad-3f2b4bca8665", "Signing of code") { evidence in
            let signatures = evidence.commitSignatures
            guard !signatures.isEmpty else { return .human("not a git repository here (or git is missing): signatures cannot be counted") }
            let signed = signatures.filter { $0 != "N" && !$0.isEmpty }.count
            let proof = Proof("\(signed) of the last \(signatures.count) commits are signed", file: "git log --first-parent --format=%G?")
            if signed * 100 >= signatures.count * 95 { return .implemented([proof]) }
            return signed > 0 ? .partial([proof], "sign every commit (and require it on the default branch)") : .missing("sign commits (git commit -S; require signed commits on the default branch)", [proof])
        },
        MaturityCheck("5786959d-0c6f-46a6-8e1c-a32ff1a50222", "Signing of artifacts") { evidence in
            let found = evidence.ciMentions(["cosign sign", "cosign attest", "cosign-installer", "notation sign", "attest-build-provenance", "docker_content_trust=1"])
            if !found.isEmpty { return .implemented(found) }
            let keys = evidence.files { Evidence.fileName($0) == "cosign.pub" }.map { Proof("signing key", file: $0) }
            return keys.isEmpty ? .missing("sign the images and artifacts CI publishes (cosign)") : .partial(keys, "a key exists but no CI step signs")
        },
        // Deployment.
        MaturityCheck("74938a3f-1269-49b9-9d0f-c43a79a1985a", "Defined deployment process") { evidence in
            let steps = evidence.ciMentions(deploySteps)
            if !steps.isEmpty { return .implemented(Array(steps.prefix(3))) }
            let scripts = evidence.files { ["deploy.sh", "deploy.yml", "playbook.yml", "site.yml"].contains(Evidence.fileName($0)) }.map { Proof("deployment script", file: $0) }
            return scripts.isEmpty ? .missing("define the deployment as code (a CI deploy job, a playbook)") : .partial(scripts, "the deployment script is not run by CI")
        },
        MaturityCheck("67e1a9aa-9fbf-4ec5-a2de-400f01960c51", "Automated deployment process") { evidence in
            let steps = evidence.ciMentions(deploySteps)
            guard !steps.isEmpty else { return .missing("deploy from CI automatically after the build") }
            let manual = evidence.ciMentions(["when: manual", "workflow_dispatch", "input {", "input message"])
            return manual.isEmpty ? .implemented(Array(steps.prefix(3))) : .partial(Array(steps.prefix(2)) + manual.prefix(2), "the deployment waits for a person")
        },
        MaturityCheck("df428c9d-efa0-4226-9f47-a15bb53f822b", "Environment depending configuration parameters (secrets)") { evidence in
            let store = evidence.ciMentions(["${{ secrets.", "withcredentials", "credentials(", "secretkeyref", "vault "])
            let openSecrets = evidence.findings.filter { $0.scanner == "secrets" && $0.state.rawValue == "open" }
            let envFiles = evidence.files { Evidence.fileName($0).hasSuffix(".env") && !$0.hasSuffix(".example.env") }
            var problems: [String] = []
            if !openSecrets.isEmpty { problems.append("\(openSecrets.count) open secrets findings") }
            if !envFiles.isEmpty { problems.append("environment files in the repository: \(envFiles.prefix(3).joined(separator: ", "))") }
            if !store.isEmpty && problems.isEmpty { return .implemented(Array(store.prefix(3))) }
            if store.isEmpty && problems.isEmpty { return .human("no CI credentials and no secrets findings: where the application's secrets come from is not visible") }
            return store.isEmpty ? .missing("keep credentials in the platform's secret store, not in the repository (\(problems.joined(separator: "; ")))")
                : .partial(Array(store.prefix(2)), problems.joined(separator: "; "))
        },
        MaturityCheck("13e9757e-58e2-4277-bc0f-eadc674891e6", "Inventory of production dependencies") { evidence in
            let uploads = evidence.ciMentions(["dependency-track", "dependencytrack", "/api/v1/bom", "gh-upload-sbom"])
            if !uploads.isEmpty { return .implemented(uploads) }
            let sbom = evidence.scheduled(.sbom).first?.proofs ?? []
            return sbom.isEmpty ? .missing("keep an inventory of what is deployed (SBOMs uploaded to Dependency-Track)") : .partial(sbom, "the SBOM is written per build but not kept in an inventory")
        },
        // Patch management.
        MaturityCheck("8ae0b92c-10e0-4602-ba22-7524d6aed488", "Automated PRs for patches") { evidence in
            let dependabot = evidence.file(".github/dependabot.yml") ?? evidence.file(".github/dependabot.yaml")
            let renovate = ["renovate.json", "renovate.json5", ".renovaterc", ".renovaterc.json", ".github/renovate.json"].compactMap { evidence.file($0) }.first
            if let renovate { return .implemented([Proof("Renovate configuration", file: renovate.path, line: 1)]) }
            guard let dependabot else { return .missing("let Dependabot or Renovate open pull requests for updates") }
            var needed: [(String, Bool)] = [("pip", !evidence.pythonManifests.isEmpty), ("docker", !evidence.dockerfiles.isEmpty), ("github-actions", evidence.ci.contains { $0.path.hasPrefix(".github/") }), ("npm", !evidence.files { Evidence.fileName($0) == "package.json" }.isEmpty)]
            needed = needed.filter(\.1)
            let covered = needed.filter { ecosystem in !dependabot.find(["package-ecosystem: \(ecosystem.0)", "package-ecosystem: \"\(ecosystem.0)\""]).isEmpty }
            let proofs = dependabot.find(["package-ecosystem"])
            if covered.count == needed.count { return .implemented(proofs) }
            return .partial(proofs, "Dependabot misses \(needed.filter { n in !covered.contains { $0.0 == n.0 } }.map(\.0).joined(separator: ", "))")
        },
        MaturityCheck("f2594f8f-1cd6-45f9-af29-eaf3315698eb", "Automated merge of automated PRs") { evidence in
            let renovate = ["renovate.json", "renovate.json5", ".renovaterc", ".github/renovate.json"].compactMap { evidence.file($0) }.flatMap { $0.find(["\"automerge\": true", "automerge: true"]) }
            let dependabot = evidence.ciMentions(["gh pr merge --auto", "dependabot/fetch-metadata"])
            let found = renovate + dependabot
            return found.isEmpty ? .missing("merge passing update pull requests automatically (Renovate automerge, gh pr merge --auto)") : .implemented(found)
        },
        MaturityCheck("34869eaf-f2e1-4926-b0bd-28c43402f057", "Nightly build of images (base images)") { evidence in
            if evidence.dockerfiles.isEmpty { return .notApplicable("no Dockerfile") }
            let schedules = evidence.ciMentions(["schedule:", "cron:", "$ci_pipeline_source == \"schedule\""])
            let builds = evidence.ciMentions(["docker build", "buildx", "build-push-action", "kaniko", "buildah"])
            if !schedules.isEmpty && !builds.isEmpty { return .implemented(Array(schedules.prefix(2)) + builds.prefix(1)) }
            return builds.isEmpty ? .missing("build the images in CI, and nightly") : .partial(Array(builds.prefix(2)), "rebuild the images on a daily schedule")
        },
        MaturityCheck("16e39c8f-5336-4001-88ed-a552d2447531", "Reduction of the attack surface") { evidence in
            let files = evidence.dockerfiles.compactMap { evidence.file($0) }
            if files.isEmpty { return .notApplicable("no Dockerfile") }
            var minimal: [Proof] = [], slim: [Proof] = [], full: [Proof] = []
            for file in files {
                guard let index = file.lines.lastIndex(where: { $0.uppercased().hasPrefix("FROM ") }) else { continue }
                let line = file.lines[index], proof = Proof(line, file: file.path, line: index + 1), lowered = line.lowercased()
                if lowered.contains("scratch") || lowered.contains("distroless") || lowered.contains("chainguard") { minimal.append(proof) }
                else if lowered.contains("slim") || lowered.contains("alpine") { slim.append(proof) }
                else { full.append(proof) }
            }
            if minimal.isEmpty && slim.isEmpty && full.isEmpty { return .notApplicable("no FROM line in \(files.map(\.path).joined(separator: ", "))") }
            if full.isEmpty && slim.isEmpty { return .implemented(minimal) }
            return full.isEmpty ? .partial(slim, "use a distroless or scratch final image") : .missing("use minimal final images (distroless, scratch)", full)
        },
        MaturityCheck("08f27c26-2c6a-47fe-9458-5e88f188085d", "Automated deployment of automated PRs") { evidence in
            let merge = BuildAndDeploymentChecks.all.first { $0.uuid == "f2594f8f-1cd6-45f9-af29-eaf3315698eb" }?.assess(evidence)
            let deploy = BuildAndDeploymentChecks.all.first { $0.uuid == "67e1a9aa-9fbf-4ec5-a2de-400f01960c51" }?.assess(evidence)
            if merge?.status == .implemented && deploy?.status == .implemented { return .implemented((merge?.proofs ?? []) + (deploy?.proofs ?? [])) }
            return .missing("merge update pull requests automatically and deploy the default branch automatically")
        },
        // Implementation and information gathering, decided by the same evidence.
        MaturityCheck("a86c1fbc-28fd-4610-89a3-a7f73acfe45f", "Containers are running as non-root") { evidence in
            let files = evidence.dockerfiles.compactMap { evidence.file($0) }
            if files.isEmpty { return .notApplicable("no Dockerfile") }
            var good: [Proof] = [], bad: [String] = []
            for file in files {
                if let index = file.lines.lastIndex(where: { $0.uppercased().hasPrefix("USER ") }), !["root", "0"].contains(file.lines[index].dropFirst(5).trimmingCharacters(in: .whitespaces)) {
                    good.append(Proof(file.lines[index], file: file.path, line: index + 1))
                } else if file.lines.contains(where: { $0.contains(":nonroot") }) {
                    good.append(Proof("a nonroot base image", file: file.path))
                } else {
                    bad.append(file.path)
                }
            }
            if bad.isEmpty { return .implemented(good) }
            return good.isEmpty ? .missing("set a non-root USER in \(bad.joined(separator: ", "))") : .partial(good, "no non-root USER in \(bad.joined(separator: ", "))")
        },
        MaturityCheck("29318d60-18ce-4526-80ea-f5928e49f639", "Secure headers") { evidence in
            guard let run = evidence.lastRun(of: .web) else { return .human("no web scan in the findings history of the last 30 days") }
            let headerRules = ["web/10038", "web/10020", "web/10021", "web/10035", "web/10063"]
            let open = evidence.findings.filter { $0.state.rawValue == "open" && headerRules.contains($0.ruleId) }
            return open.isEmpty ? .implemented([run]) : .partial([run] + open.prefix(3).map { Proof("open \($0.ruleId): \($0.title)", file: "rampart findings list") }, "\(open.count) security header findings are open")
        },
        MaturityCheck("5992c38c-8597-4035-89db-d15820d81c3a", "Baseline Hardening of the environment") { evidence in
            let host = evidence.scheduled(.host)
            let configured = evidence.activities(.host).map { evidence.declared($0) }
            guard !configured.isEmpty else { return .missing("check hosts and images against the dev-sec baselines (a `host` activity) and harden what fails") }
            let failing = evidence.findings.filter { $0.state.rawValue == "open" && $0.ruleId.hasPrefix("host/") && $0.severity >= .high }
            if !host.isEmpty && failing.isEmpty && evidence.lastRun(of: .host) != nil { return .implemented(host[0].proofs + [evidence.lastRun(of: .host)].compactMap { $0 }) }
            let hardening = evidence.activities(.harden).map { evidence.declared($0) }
            return .partial(configured + hardening + (failing.isEmpty ? [] : [Proof("\(failing.count) host controls of high impact fail", file: "rampart findings list")]),
                            failing.isEmpty ? "no run of the host checks in CI yet" : "apply the hardening (rampart harden --apply, or the Ansible playbook) until the high-impact controls pass")
        },
        MaturityCheck("bc548cba-cb82-4f76-bd4b-325d9d256279", "Number of vulnerabilities/severity") { evidence in
            let complete = evidence.history.filter { $0.scope == "full" }
            guard let first = complete.first, let last = complete.last else { return .missing("keep the findings history between runs: it counts findings by severity over time (rampart findings sla)") }
            let proof = Proof("\(complete.count) complete runs from \(UTCDate.day(first.at)) to \(UTCDate.day(last.at)); open now: " + Severity.allCases.reversed().map { severity in "\(evidence.findings.filter { $0.state.rawValue == "open" && $0.severity == severity }.count) \(severity.rawValue)" }.joined(separator: ", "), file: "rampart findings sla")
            return last.at.timeIntervalSince(first.at) >= 14 * 86_400 ? .implemented([proof]) : .partial([proof], "under two weeks of history")
        },
        MaturityCheck("0ec92899-a5cb-4649-984b-2fb1d6c784ad", "Number of vulnerabilities/severity/layer") { evidence in
            let layers = Set(evidence.findings.map(\.scanner))
            guard !layers.isEmpty else { return .missing("keep the findings history between runs: it counts findings per scanner (code, dependencies, secrets, web, host)") }
            let proof = Proof("findings by layer: " + layers.sorted().map { layer in "\(layer) \(evidence.findings.filter { $0.scanner == layer }.count)" }.joined(separator: ", "), file: "rampart findings list")
            return layers.count >= 3 ? .implemented([proof]) : .partial([proof], "fewer than three layers are scanned")
        },
        MaturityCheck("cf0d600e-114d-4887-9059-d81c53805f0d", "Fix rate per repo/product") { evidence in
            let fixed = evidence.findings.filter { $0.state.rawValue == "fixed" }.count, open = evidence.findings.filter { $0.state.rawValue == "open" }.count
            guard fixed + open > 0, let first = evidence.history.first else { return .missing("keep the findings history between runs to measure the fix rate") }
            let proof = Proof(String(format: "fix rate %.0f%% (%d fixed, %d open) since %@", Double(fixed) * 100 / Double(fixed + open), fixed, open, UTCDate.day(first.at)), file: "rampart findings list")
            return evidence.now.timeIntervalSince(first.at) >= 30 * 86_400 && fixed > 0 ? .implemented([proof]) : .partial([proof], "under 30 days of history, or nothing fixed yet")
        },
    ]
}
