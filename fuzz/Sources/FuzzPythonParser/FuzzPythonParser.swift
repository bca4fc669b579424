import FuzzSupport
import PythonSyntax

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTest(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzBytes(start, count)
    // On the parser's own deep-stack thread, as the scanner runs it.
    _ = try? PythonParsing.withModule(bytes) { ASTDump.dump($0.module, version: .v3_14).count }
    return 0
}

@_cdecl("FuzzPythonParser_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzMain(argc, argv, fuzzTest)
}
