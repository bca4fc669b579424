import Foundation
import RampartPipeline

/// Test and Verification: dynamic depth for applications and for infrastructure.
enum DynamicDepthChecks {
    static let dastTools = ["zap-baseline", "zap-full-scan", "zap-api-scan", "zaproxy", "nuclei", "nikto", "schemathesis", "wapiti"]

    static let all: [MaturityCheck] = [
        MaturityCheck("9711f871-f79d-4573-8d4f-d2c98fd0d18e", "Coverage of client side dynamic components") { evidence in
            let found = evidence.ciMentions(["spiderajax", "zap-baseline.py -j", "zap-full-scan.py -j", "ajax spider", "ajaxspider"])
            if !found.isEmpty { return .implemented(found) }
            return evidence.activities(.web).isEmpty ? .missing("crawl the application with a JavaScript-executing spider (ZAP's AJAX spider)")
                : .partial(evidence.activities(.web).map { evidence.declared($0) }, "Rampart's crawler does not run JavaScript: add ZAP's AJAX spider as an external activity")
        },
        MaturityCheck("07796811-37f9-467c-9ff2-48f346e77ff3", "Simple Scan") { evidence in
            let scheduled = evidence.scheduled(.web) + evidence.external(["zap"]).compactMap { item in evidence.ciRuns(item.stage).map { (item.stage, item.activity, [evidence.declared(item), $0]) } }
            if let item = scheduled.first {
                var proofs = item.2
                if let run = evidence.lastRun(of: .web) { proofs.append(run) }
                return .implemented(proofs)
            }
            let tools = evidence.ciMentions(dastTools)
            if !tools.isEmpty { return .implemented(tools) }
            let configured = evidence.activities(.web).map { evidence.declared($0) }
            if let run = evidence.lastRun(of: .web) { return .partial(configured + [run], "the web scan ran, but no CI job runs its stage") }
            return configured.isEmpty ? .missing("add a `web` activity (a DAST baseline scan) to the test stage") : .partial(configured, "no CI job runs the web scan")
        },
        MaturityCheck("65a2d7d9-5441-46bf-a4e3-f76919857750", "Usage of different roles") { evidence in
            let authenticated = evidence.activities(.web).filter { evidence.setting($0.activity, "login") != nil || evidence.setting($0.activity, "headers") != nil || evidence.setting($0.activity, "cookies") != nil }
            let proofs = authenticated.map { evidence.declared($0, "authenticated web activity '\($0.activity.id)'") }
            if authenticated.count >= 2 { return .implemented(proofs) }
            return proofs.isEmpty ? .missing("scan the application logged in, once per role (web activities with `login:`)") : .partial(proofs, "one role only: add a web activity per role")
        },
        MaturityCheck("6a9cb303-0f98-48a8-bdcd-56d41c0012b8", "Coverage of hidden endpoints") { evidence in
            let discovery = evidence.activities(.web).filter { evidence.setting($0.activity, "discovery") != "false" }.map { evidence.declared($0, "web activity '\($0.activity.id)' probes hidden files (.git, .env, backups, GraphQL)") }
            let api = evidence.ciMentions(["zap-api-scan", "schemathesis"])
            if !discovery.isEmpty && !api.isEmpty { return .implemented(discovery + api) }
            if !discovery.isEmpty || !api.isEmpty { return .partial(discovery + api, "also scan the endpoints of the API specification (zap-api-scan, schemathesis)") }
            return .missing("look for hidden endpoints (a web activity with discovery, an API-driven scan)")
        },
        MaturityCheck("5e0ff85b-ec89-4ef0-96b1-5695fa0025dc", "Coverage of more input vectors") { evidence in
            var both: [Proof] = [], one: [Proof] = []
            for item in evidence.activities(.web) {
                let active = evidence.setting(item.activity, "active") == "true", forms = evidence.setting(item.activity, "submit_forms") == "true"
                if active && forms { both.append(evidence.declared(item, "web activity '\(item.activity.id)' with active checks and form submission")) }
                else if active || forms { one.append(evidence.declared(item, "web activity '\(item.activity.id)' with \(active ? "active checks" : "form submission")")) }
            }
            let fuzzers = evidence.ciMentions(["schemathesis", "restler", "zap-full-scan"])
            if !both.isEmpty || !fuzzers.isEmpty { return .implemented(both + fuzzers) }
            return one.isEmpty ? .missing("test more input vectors: `active: true` and `submit_forms: true` on a web activity") : .partial(one, "turn on both active checks and form submission")
        },
        MaturityCheck("5b5a1eb2-113f-41fb-a3d6-06af4fdc9cea", "Usage of multiple scanners") { evidence in
            var engines: [Proof] = evidence.activities(.web).prefix(1).map { evidence.declared($0) }
            engines += evidence.external(dastTools + ["zap"]).map { evidence.declared($0, "external DAST activity '\($0.activity.id)'") }
            engines += evidence.ciMentions(dastTools)
            let distinct = evidence.unique(engines)
            if distinct.count >= 2 { return .implemented(distinct) }
            return distinct.isEmpty ? .missing("run two DAST engines (Rampart's web scan and ZAP, nuclei or schemathesis)") : .partial(distinct, "add a second DAST engine as an external activity")
        },
        // Dynamic depth for infrastructure.
        MaturityCheck("a6c4cefb-a0b7-4787-8cc7-a0f96b4b00d8", "Test for exposed services") { evidence in
            let found = evidence.coverage(nil, tools: ["nmap", "masscan", "naabu"]).ci
            return found.isEmpty ? .missing("scan the public addresses for open ports in CI or on a schedule (nmap)") : .implemented(evidence.unique(found))
        },
        MaturityCheck("7bb70764-9392-4462-935d-e55b2e148199", "Test of the configuration of cloud environments") { evidence in
            let live = evidence.scheduled(.host).filter { item in
                let target = evidence.setting(item.activity, "target") ?? ""
                return target.hasPrefix("ssh://") || target == "local"
            }
            if let item = live.first { return .implemented(item.proofs) }
            let tools = evidence.coverage(nil, tools: ["inspec exec", "kube-bench", "kubescape", "prowler", "scoutsuite"]).ci
            if !tools.isEmpty { return .implemented(evidence.unique(tools)) }
            let images = evidence.activities(.host).map { evidence.declared($0) }
            return images.isEmpty ? .missing("check the running environment's configuration (a host activity with an ssh:// target in deploy or operate)")
                : .partial(images, "hosts are checked as images or not from CI: check the running environment too (target ssh://…)")
        },
        MaturityCheck("ab5725aa-4d53-47b9-96df-c14b3fa93bcd", "Load tests") { evidence in
            let found = evidence.ciMentions(["k6 run", "locust ", "jmeter -n", "gatling", "artillery run"])
            if !found.isEmpty { return .implemented(found) }
            let scripts = evidence.files { Evidence.fileName($0) == "locustfile.py" || $0.hasSuffix(".jmx") }
            return scripts.isEmpty ? .missing("run load tests in CI (k6, locust)") : .partial(scripts.prefix(3).map { Proof("load test script", file: $0) }, "the load tests are not run by CI")
        },
    ]
}
