import FuzzSupport
import RampartDeps

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTest(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzBytes(start, count)
    _ = RequirementsFile.parse(text: String(decoding: bytes, as: UTF8.self), path: "requirements.txt", root: fuzzFolder)
    return 0
}

@_cdecl("FuzzRequirements_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzMain(argc, argv, fuzzTest)
}
