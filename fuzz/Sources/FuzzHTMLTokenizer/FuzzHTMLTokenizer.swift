import FuzzSupport
import RampartWeb

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTest(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzBytes(start, count)
    _ = HTMLTokenizer.tokenize(String(decoding: bytes, as: UTF8.self), limit: 100_000)
    return 0
}

@_cdecl("FuzzHTMLTokenizer_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzMain(argc, argv, fuzzTest)
}
