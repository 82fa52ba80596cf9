import DoormanApp
import Foundation

exit(
    DoormanMain.run(
        arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
