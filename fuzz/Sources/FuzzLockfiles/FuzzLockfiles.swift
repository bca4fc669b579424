import FuzzSupport
import RampartDeps

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTest(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzBytes(start, count)
    // The first byte picks the format; the rest is the file.
    let names = ["uv.lock", "poetry.lock", "pdm.lock", "pyproject.toml", "Pipfile.lock", "setup.cfg"]
    let name = names[Int(bytes.first ?? 0) % names.count]
    _ = writeScratch(name, Array(bytes.dropFirst()))
    _ = Manifests.parse(root: fuzzFolder, path: name)
    return 0
}

@_cdecl("FuzzLockfiles_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzMain(argc, argv, fuzzTest)
}
