import Foundation

/// libFuzzer calls each harness's `LLVMFuzzerTestOneInput`. SwiftPM names an executable's
/// entry `<Target>_main`; each harness defines it to hand control to libFuzzer's driver.
public typealias FuzzTest = @convention(c) (UnsafeRawPointer?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>, _ test: FuzzTest) -> CInt

public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ test: FuzzTest) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, test)
}

/// The input as bytes (libFuzzer may pass a null pointer for an empty input).
public func fuzzBytes(_ start: UnsafeRawPointer?, _ count: Int) -> [UInt8] {
    guard let start, count > 0 else { return [] }
    return Array(UnsafeRawBufferPointer(start: start, count: count))
}

/// A scratch folder per process, for parsers that read files.
public let fuzzFolder: String = {
    let path = NSTemporaryDirectory() + "rampart-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

public func writeScratch(_ name: String, _ bytes: [UInt8]) -> String {
    let path = fuzzFolder + "/" + name
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
}
