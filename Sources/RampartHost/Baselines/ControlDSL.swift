/// Shorthands the built-in profiles are written with: each reads as the dev-sec check it
/// implements (`sshd("PermitRootLogin", .match(…))`).
enum DSL {
    static func sshd(_ keyword: String, _ matcher: Matcher) -> Check { .expect(FactQuery("sshd_config", keyword, "value"), matcher) }
    static func ssh(_ keyword: String, _ matcher: Matcher) -> Check { .expect(FactQuery("ssh_config", keyword, "value"), matcher) }
    static func sysctl(_ key: String, _ matcher: Matcher) -> Check { .expect(FactQuery("kernel_parameter", key, "value"), matcher) }
    static func file(_ path: String, _ property: String, _ matcher: Matcher) -> Check { .expect(FactQuery("file", path, property), matcher) }
    static func installed(_ package: String, _ wanted: Bool) -> Check { .expect(FactQuery("package", package, "installed"), .eq(wanted ? "true" : "false")) }
    static func loginDefs(_ key: String, _ matcher: Matcher) -> Check { .expect(FactQuery("login_defs", key, "value"), matcher) }

    /// Owner, group and a mode mask: the usual file check, as three results.
    static func owned(_ path: String, owner: String = "root", group: String? = "root", mask: UInt32?) -> [Check] {
        var checks: [Check] = [file(path, "exists", .eq("true")), file(path, "owner", .eq(owner))]
        if let group { checks.append(file(path, "group", .eq(group))) }
        if let mask { checks.append(file(path, "mode", .notMorePermissiveThan(mask))) }
        return checks
    }

    /// OpenSSH older than `version` (options removed since then apply only to those).
    static func opensshBefore(_ version: String, _ side: String) -> Check {
        .expect(FactQuery("openssh", side, "version"), .cmp(.less, version))
    }
}
