import DemoWebApp
import Foundation

exit(
    DemoMain.run(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
