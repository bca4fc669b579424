import FuzzSupport
import Foundation
import RampartAdapters

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTest(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzBytes(start, count)
    // The first byte picks the adapter.
    let adapters = ToolAdapters.all
    let adapter = adapters[Int(bytes.first ?? 0) % adapters.count]
    _ = try? adapter.parse(Data(bytes.dropFirst()), file: "report.json")
    return 0
}

@_cdecl("FuzzAdapters_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzMain(argc, argv, fuzzTest)
}
