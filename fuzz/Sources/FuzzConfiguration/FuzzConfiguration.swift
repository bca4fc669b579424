import FuzzSupport
import RampartCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTest(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzBytes(start, count)
    _ = try? ConfigurationLoader(scannerIDs: ["python", "secrets", "deps", "web", "host"]).parse(yaml: String(decoding: bytes, as: UTF8.self), file: ".rampart.yml")
    return 0
}

@_cdecl("FuzzConfiguration_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzMain(argc, argv, fuzzTest)
}
