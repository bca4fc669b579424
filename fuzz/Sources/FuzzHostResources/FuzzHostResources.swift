import FuzzSupport
import RampartHost

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTest(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzBytes(start, count)
    // sshd_config and ssh_config (with includes among themselves), PAM, login.defs, sysctl, passwd, dpkg.
    let text = String(decoding: bytes, as: UTF8.self)
    switch bytes.first.map({ Int($0) % 8 }) ?? 0 {
    case 0: _ = SSHConfig.parse(text, kind: .server, files: ["/etc/ssh/sshd_config.d/a.conf": text])
    case 1: _ = SSHConfig.parse(text, kind: .client)
    case 2: _ = PAMService.parse(text, files: ["/etc/pam.d/common-auth": text])
    case 3: _ = LoginDefs.parse(text)
    case 4: _ = KernelParameters.parse(text, path: "/etc/sysctl.conf")
    case 5: _ = UserDatabase.parsePasswd(text); _ = UserDatabase.parseShadow(text); _ = UserDatabase.parseGroup(text)
    case 6: _ = Packages.parseDpkgStatus(text)
    default: _ = Mounts.parse(text, source: .fstab)
    }
    return 0
}

@_cdecl("FuzzHostResources_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzMain(argc, argv, fuzzTest)
}
