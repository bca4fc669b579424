import FuzzSupport
import RampartSecrets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTest(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzBytes(start, count)
    _ = try? GitleaksConfig.parse(String(decoding: bytes, as: UTF8.self), file: ".gitleaks.toml")
    return 0
}

@_cdecl("FuzzGitleaksConfig_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzMain(argc, argv, fuzzTest)
}
