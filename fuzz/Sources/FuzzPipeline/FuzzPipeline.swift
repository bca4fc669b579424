import FuzzSupport
import RampartPipeline

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTest(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzBytes(start, count)
    _ = try? PipelineLoader.parse(yaml: String(decoding: bytes, as: UTF8.self), file: "rampart.yml")
    return 0
}

@_cdecl("FuzzPipeline_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzMain(argc, argv, fuzzTest)
}
