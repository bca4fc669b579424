import Foundation
import RampartCore
import RampartPipeline

/// Test and Verification: test intensity, consolidation and application tests.
enum IntensityAndConsolidationChecks {
    static let scanningKinds: [Activity.Kind] = [.sast, .secrets, .deps, .web, .host, .external]

    static let all: [MaturityCheck] = [
        MaturityCheck("ab0a4b51-3b18-43f1-a6fc-a98e4b28453d", "Default settings for intensity") { evidence in
            let scheduled = scanningKinds.flatMap { evidence.scheduled($0) }
            if let item = scheduled.first {
                let changes = evidence.config?.find(["skips:", "tests:", ": off", "enabled: false", "confidence:", "severity:"]) ?? []
                return .implemented(item.proofs + changes.prefix(3), changes.isEmpty ? nil : "intensity settings changed from the defaults are listed")
            }
            let configured = scanningKinds.flatMap { evidence.activities($0) }.map { evidence.declared($0) }
            return configured.isEmpty ? .missing("run at least one security test in CI (rampart init writes the pipeline and the CI job)")
                : .partial(Array(configured.prefix(3)), "the pipeline is not run by CI")
        },
        MaturityCheck("598897a2-358e-441f-984c-e12ec4f6110a", "Regular automated tests") { evidence in
            let triggers = evidence.ci.flatMap { $0.find(["on: [push", "push:", "pull_request", "merge_request_event", "$ci_pipeline_source", "pollscm", "githubpush"]) }
            let runs = evidence.ci.compactMap { file in file.find(["rampart pipeline run", "rampart scan", "rampart-sec/rampart@"]).first }
            let days = Set(evidence.recentRuns().map { UTCDate.day($0.at) })
            let history = days.isEmpty ? [] : [Proof("pipeline runs on \(days.count) days of the last 30", file: "rampart findings list")]
            if !runs.isEmpty && (!triggers.isEmpty || evidence.ci.contains { $0.path.hasPrefix(".ci/") }) {
                if days.count >= 4 || evidence.history.isEmpty { return .implemented(evidence.unique(runs + triggers.prefix(2) + history), evidence.history.isEmpty ? "no findings history here to show the runs (CI keeps none)" : nil) }
                return .partial(runs + history, "the findings history shows runs on fewer than 4 days of the last 30")
            }
            return runs.isEmpty ? .missing("run the pipeline on every push and pull request") : .partial(runs, "no push or pull-request trigger found")
        },
        MaturityCheck("1bd78cdd-ef11-4bb5-9b58-5af2e25fe1c5", "Deactivating of unneeded tests") { evidence in
            guard let config = evidence.config else { return .missing("no .rampart.yml: every test runs (deactivate what does not apply, with a reason)") }
            let deactivations = config.find(["skips:", ": off", "enabled: false", "scanners:", "ignores:"])
            if deactivations.isEmpty { return .missing("no test is deactivated: turn off what does not apply to this stack, with a reason", [Proof("configuration", file: config.path, line: 1)]) }
            let reasons = config.find(["reason:"]) + config.lines.enumerated().filter { $0.element.contains(" # ") && ($0.element.contains(": off") || $0.element.contains("skips")) }.map { Proof($0.element.trimmingCharacters(in: .whitespaces), file: config.path, line: $0.offset + 1) }
            return reasons.isEmpty ? .partial(deactivations, "say why each test is deactivated (a `reason:` or a comment)") : .implemented(evidence.unique(deactivations + reasons))
        },
        MaturityCheck("2ebfc421-8c76-415c-a3b0-fa518915bd10", "High test intensity") { evidence in
            var deep: [Proof] = []
            for item in evidence.activities(.web) where evidence.setting(item.activity, "active") == "true" && evidence.setting(item.activity, "submit_forms") == "true" {
                deep.append(evidence.declared(item, "web activity '\(item.activity.id)' with active checks and forms"))
            }
            for item in evidence.activities(.secrets) where evidence.setting(item.activity, "source") == "history" {
                deep.append(evidence.declared(item, "secrets activity '\(item.activity.id)' over the whole git history"))
            }
            let sast = evidence.activities(.sast).map { evidence.declared($0) }
            if deep.count >= 2 && !sast.isEmpty { return .implemented(deep + sast.prefix(1)) }
            return deep.isEmpty ? .missing("run a deep scan (active web checks with forms, secrets over the git history), e.g. nightly") : .partial(deep, "deepen the other tests too (active web checks with forms, secrets over the history)")
        },
        // Consolidation.
        MaturityCheck("c1acc8af-312e-4503-a817-a26220c993a0", "Simple false positive treatment") { evidence in
            let decided = evidence.findings.filter { ($0.state.rawValue == "false-positive" || $0.state.rawValue == "accepted") && !($0.reason ?? "").isEmpty }
            var proofs = decided.prefix(3).map { Proof("\($0.state.rawValue) \($0.ruleId) at \($0.location): \($0.reason ?? "")", file: "rampart findings list") }
            proofs += evidence.config?.find(["reason:"]).prefix(3) ?? []
            proofs += evidence.files { [".gitleaksignore", ".secrets.baseline"].contains(Evidence.fileName($0)) }.map { Proof("triaged secrets", file: $0) }
            if !proofs.isEmpty { return .implemented(proofs) }
            let baseline = evidence.files { $0.hasSuffix("baseline.json") }
            return baseline.isEmpty ? .missing("record triage decisions: rampart findings reject FINGERPRINT --reason …, or ignores: with a reason")
                : .partial(baseline.map { Proof("a baseline accepts findings in bulk", file: $0) }, "decide per finding, with a reason (rampart findings accept|reject)")
        },
        MaturityCheck("44f2c8a9-4aaa-4c72-942d-63f78b89f385", "Treatment of defects with high or critical severity") { evidence in
            let (gated, ungated) = evidence.stagesGated(atOrBelow: "high")
            guard evidence.pipeline != nil else { return .missing("no rampart.yml: gate the pipeline on high and critical findings") }
            let overdue = evidence.findings.filter { record in
                record.state.rawValue == "open" && (record.severity == .critical && evidence.now.timeIntervalSince(record.firstSeen) > 7 * 86_400
                    || record.severity == .high && evidence.now.timeIntervalSince(record.firstSeen) > 30 * 86_400)
            }
            var missing: [String] = []
            if !ungated.isEmpty { missing.append("stages without a high gate: \(ungated.map(\.rawValue).joined(separator: ", "))") }
            if !evidence.unenforced.isEmpty { missing.append("a CI job ignores the pipeline's failure") }
            if !overdue.isEmpty { missing.append("\(overdue.count) open high or critical findings are past their SLA (7 and 30 days)") }
            if evidence.ci.isEmpty { missing.append("no CI job runs the gates") }
            return missing.isEmpty ? .implemented(gated) : gated.isEmpty ? .missing(missing.joined(separator: "; ")) : .partial(gated + evidence.unenforced.prefix(2), missing.joined(separator: "; "))
        },
        MaturityCheck("8f2b4d5a-3c1e-4b7a-9d8f-2e6c4a1b5d7f", "Artifact-based false positive treatment") { evidence in
            let falsePositives = evidence.findings.filter { $0.state.rawValue == "false-positive" }
            let temporary = evidence.findings.filter { $0.state.rawValue == "accepted" && $0.expires != nil }
            let configured = (evidence.config?.find(["expires:"]) ?? [])
            let proofs = falsePositives.prefix(2).map { Proof("false positive \($0.ruleId) at \($0.location)", file: "rampart findings list") }
                + temporary.prefix(2).map { Proof("accepted \($0.ruleId) until \($0.expires ?? "")", file: "rampart findings list") } + configured.prefix(2)
            if (!falsePositives.isEmpty || !configured.isEmpty) && (!temporary.isEmpty || !configured.isEmpty) { return .implemented(proofs) }
            return proofs.isEmpty ? .missing("decide per finding: false positives, and acceptances with an expiry (rampart findings accept --expires)")
                : .partial(proofs, "accept risks for a time (--expires) as well as marking false positives")
        },
        MaturityCheck("55f4c916-3a34-474d-ad96-9a9f7a4f6a83", "Simple visualization of defects") { evidence in
            var proofs = (evidence.pipeline?.reports ?? []).filter { ["html", "sarif", "gitlab", "markdown"].contains($0.format) || $0.format.hasPrefix("gitlab") }
                .map { Proof("\($0.format) report\($0.output.map { " to \($0)" } ?? "")", file: evidence.pipeline?.file) }
            proofs += evidence.ciMentions(["upload-sarif", "reports:", "sast:", "dependency_scanning:", "secret_detection:", "dast:"])
            return proofs.isEmpty ? .missing("publish the findings where people see them (SARIF to code scanning, an HTML report, GitLab security reports)") : .implemented(evidence.unique(proofs))
        },
        MaturityCheck("aaffa73f-59f6-4267-b0ab-732f3d13e90d", "Integration in development process") { evidence in
            let pullRequests = evidence.ciMentions(["pull_request", "merge_request_event", "ci_merge_request"])
            let shown = evidence.ciMentions(["upload-sarif", "sast:", "junit:", "dependency_scanning:", "secret_detection:"])
            let gated = evidence.ci.compactMap { $0.find(["rampart pipeline run", "rampart scan"]).first }
            if !pullRequests.isEmpty && !shown.isEmpty && !gated.isEmpty { return .implemented(evidence.unique(gated + pullRequests.prefix(1) + shown.prefix(1))) }
            let some = gated + pullRequests.prefix(1) + shown.prefix(1)
            return some.isEmpty ? .missing("run the pipeline on pull requests and show its findings there (SARIF upload, GitLab MR reports)")
                : .partial(evidence.unique(some), pullRequests.isEmpty ? "run on pull requests too" : "show the findings in the pull request (SARIF upload, GitLab reports)")
        },
        MaturityCheck("9cac3341-fe83-4079-bef2-bfc4279eb594", "Treatment of defects with medium severity") { evidence in
            let (gated, ungated) = evidence.stagesGated(atOrBelow: "medium")
            if evidence.pipeline == nil { return .missing("no rampart.yml") }
            if ungated.isEmpty && !gated.isEmpty { return evidence.unenforced.isEmpty ? .implemented(gated) : .partial(gated, "a CI job ignores the pipeline's failure") }
            return gated.isEmpty ? .missing("gate on medium findings (severity: medium)") : .partial(gated, "stages not gated on medium findings: \(ungated.map(\.rawValue).joined(separator: ", "))")
        },
        MaturityCheck("85ba5623-84be-4219-8892-808837be582d", "Usage of a vulnerability management system") { evidence in
            let uploads = evidence.ciMentions(["defectdojo", "import-scan", "reimport-scan", "dependency-track", "dependencytrack", "secobserve"])
            if !uploads.isEmpty { return .implemented(uploads) }
            let scanners = Set(evidence.findings.map(\.scanner))
            let triaged = evidence.findings.contains { $0.state.rawValue == "accepted" || $0.state.rawValue == "false-positive" }
            if scanners.count >= 2 && triaged {
                return .partial([Proof("the findings history consolidates \(scanners.sorted().joined(separator: ", ")) with triage decisions", file: "rampart findings list")],
                                "Rampart's findings history serves one repository: upload to a shared system (DefectDojo, Dependency-Track) for the organisation")
            }
            return .missing("consolidate findings in a vulnerability management system (DefectDojo), or keep Rampart's findings history between runs")
        },
        MaturityCheck("b2f77606-3e6c-41e9-b72d-7c0b1d3d581d", "Treatment of all defects") { evidence in
            let (gated, ungated) = evidence.stagesGated(atOrBelow: "low")
            if evidence.pipeline == nil { return .missing("no rampart.yml") }
            if ungated.isEmpty && !gated.isEmpty { return .implemented(gated) }
            return gated.isEmpty ? .missing("gate on every finding (severity: low or info)") : .partial(gated, "stages not gated on low findings: \(ungated.map(\.rawValue).joined(separator: ", "))")
        },
        MaturityCheck("ce970c9b-da94-41cf-bd78-8c15357b7e8e", "Integration of vulnerability issues into the development process") { evidence in
            let tracker = evidence.pipeline?.tasks.flatMap { $0.target == .markdown ? nil : $0 }
            let syncs = evidence.ciMentions(["--tasks", "rampart tasks", "gh issue create", "jira"])
            if let tracker, !syncs.isEmpty {
                return .implemented([Proof("tasks go to \(tracker.target.rawValue) issues", file: evidence.pipeline?.file, line: tracker.line)] + syncs)
            }
            if !syncs.isEmpty { return .partial(syncs, "tasks are written to a Markdown folder: send them to the team's tracker (tasks: {target: github|gitlab})") }
            if let settings = evidence.pipeline?.tasks { return .partial([Proof("tasks: section", file: evidence.pipeline?.file, line: settings.line)], "no CI job runs the pipeline with --tasks") }
            return .missing("turn failures into issues in the team's tracker: `tasks:` in rampart.yml and `rampart pipeline run --tasks` in CI")
        },
        MaturityCheck("27337442-e4b1-4e87-8dc9-ce86fbb79a39", "Reproducible defect tickets") { evidence in
            let syncs = evidence.ciMentions(["--tasks", "rampart tasks"])
            guard !syncs.isEmpty else { return .missing("create tickets that say how to reproduce (rampart tasks writes the command and every finding's place)") }
            return .implemented(syncs, "each Rampart task lists every finding's place and a command that reproduces it")
        },
        // Application tests.
        MaturityCheck("eb2c7f9d-d0bd-4253-a2ba-cff2ace4a075", "Security unit tests for important components") { evidence in
            securityTests(evidence, integration: false)
        },
        MaturityCheck("f57d55f2-dc05-4b34-9d1f-f8ce5bfb0715", "Security integration tests for important components") { evidence in
            securityTests(evidence, integration: true)
        },
        MaturityCheck("73aaae0b-5d68-4953-9fa4-fd25bf665f2a", "Smoke Test") { evidence in
            let afterDeploy = evidence.ciMentions(["needs: deploy", "needs: [deploy", "--stage operate", "smoke"])
            let operate = (evidence.pipeline?.stages.first { $0.name == .operate }).map { Proof("operate stage", file: evidence.pipeline?.file, line: $0.line) }
            if !afterDeploy.isEmpty { return .implemented(afterDeploy + (operate.map { [$0] } ?? [])) }
            return operate.map { .partial([$0], "no CI job runs the operate stage after a deployment") } ?? .missing("test the deployed application after each deployment (an operate stage run after deploy)")
        },
    ]

    static let securityWords = ["auth", "login", "permission", "csrf", "xss", "inject", "password", "token", "role", "access", "sanitiz", "escape", "secret"]

    static func securityTests(_ evidence: Evidence, integration: Bool) -> Assessment {
        let tests = evidence.files { path in
            let name = Evidence.fileName(path)
            let isTest = (name.hasPrefix("test_") && name.hasSuffix(".py")) || name.hasSuffix("_test.py") || name.hasSuffix(".spec.ts") || name.hasSuffix(".test.js") || name.hasSuffix("Tests.swift")
            let isIntegration = path.contains("integration") || path.contains("e2e") || path.contains("functional")
            return isTest && isIntegration == integration
        }
        guard !tests.isEmpty else { return .missing(integration ? "write integration tests of the security functions (login, access control)" : "write unit tests of the security functions (validation, escaping, access checks)") }
        var proofs: [Proof] = []
        for path in tests.prefix(400) {
            guard let file = evidence.file(path) else { continue }
            if let line = file.lines.firstIndex(where: { line in
                let lowered = line.lowercased()
                return (lowered.contains("def test") || lowered.contains("func test") || lowered.contains("@test") || lowered.contains("it(")) && securityWords.contains { lowered.contains($0) }
            }) {
                proofs.append(Proof(file.lines[line].trimmingCharacters(in: .whitespaces), file: path, line: line + 1))
                if proofs.count >= 3 { break }
            }
        }
        guard !proofs.isEmpty else { return .missing("no test names a security function (auth, access, injection, escaping…)") }
        let run = evidence.ciMentions(["pytest", "python -m unittest", "npm test", "swift test", "tox", "nox", "make test"])
        return run.isEmpty ? .partial(proofs, "no CI job runs the tests") : .implemented(proofs + run.prefix(1))
    }
}
