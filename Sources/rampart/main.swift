import Foundation
import RampartCLI
#if canImport(Glibc)
import Glibc

// Files are parsed on short-lived threads; glibc would give many of them their own malloc arena
// and keep the freed memory of each, doubling peak memory. Two arenas keep it low and fast.
// (`mallopt` is not in Swift's Glibc module, so it is looked up; M_ARENA_MAX is -8.)
if let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") {
    typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
    _ = unsafeBitCast(symbol, to: MallOpt.self)(-8, 2)
}
#endif

let code = await RampartCommand.run(arguments: Array(CommandLine.arguments.dropFirst()))
exit(code)
