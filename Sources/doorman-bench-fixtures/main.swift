// doorman-bench-fixtures: fills a Doorman database with the records that scripts/bench needs and writes the
// plaintext credentials for wrk to files. Not shipped to users: it exists for the benchmarks alone.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    let options = try FixtureOptions.parse(arguments)
    try FixtureRun(options: options).run()
} catch let error as FixtureError {
    FileHandle.standardError.write(Data("doorman-bench-fixtures: \(error.description)\n".utf8))
    exit(error.isUsage ? 2 : 1)
} catch {
    FileHandle.standardError.write(Data("doorman-bench-fixtures: \(String(describing: error))\n".utf8))
    exit(1)
}
