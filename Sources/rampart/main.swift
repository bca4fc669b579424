import Foundation
import RampartCLI

let code = await RampartCommand.run(arguments: Array(CommandLine.arguments.dropFirst()))
exit(code)
