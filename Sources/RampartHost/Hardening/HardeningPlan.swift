/// What hardening a target needs: its profiles checked once, the failed controls split into
/// those Rampart can fix and those a person must, and the facts the fixes are written for.
/// `rampart harden` and the pipeline's `harden` activity both start here.
public struct HardeningPlan: Sendable {
    public let target: any HostTarget
    public let reports: [ProfileReport]
    public let fixable: [Control]
    /// Failed controls without an automatic fix.
    public let manual: [Control]
    public let context: RemediationContext

    public init(target: any HostTarget, profiles: [Profile], waivers: [Waiver]) {
        self.target = target
        let facts = HostFacts(target: target)
        reports = profiles.map { ProfileRunner.run($0, on: target, facts: facts, waivers: waivers) }
        let failed = reports.flatMap { $0.results.filter { $0.status == .failed } }.map(\.control)
        fixable = failed.filter(\.isFixable)
        manual = failed.filter { !$0.isFixable }
        context = HostTargets.remediationContext(for: facts)
    }

    /// The Ansible playbook fixing exactly the fixable failed controls.
    public var playbook: String { AnsiblePlaybook.render(fixable, context: context, targetName: target.name) }
}
