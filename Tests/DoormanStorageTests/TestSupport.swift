import DoormanStorage
import Foundation
import Synchronization

/// Runs `body` with a new empty directory under the system temporary directory and removes it afterwards.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("doorman-storage-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory.path)
}

/// Runs `body` with the path of a database file that does not exist yet, inside a temporary directory.
func withTemporaryDatabasePath<T>(_ body: (String) throws -> T) throws -> T {
    try withTemporaryDirectory { directory in try body(directory + "/test.sqlite3") }
}

/// Runs `body` on `count` new threads at once and returns the errors they threw, after all have finished.
///
/// The threads wait for each other before calling `body`, so that they contend for real.
func runOnThreads(count: Int, _ body: @escaping @Sendable (Int) throws -> Void) -> [any Error] {
    let errors = Mutex<[any Error]>([])
    let started = DispatchGroup()
    let finished = DispatchGroup()
    let gate = DispatchSemaphore(value: 0)

    for index in 0..<count {
        started.enter()
        finished.enter()
        let thread = Thread {
            started.leave()
            gate.wait()
            do {
                try body(index)
            } catch {
                errors.withLock { $0.append(error) }
            }
            finished.leave()
        }
        thread.start()
    }
    started.wait()
    for _ in 0..<count {
        gate.signal()
    }
    finished.wait()
    return errors.withLock { $0 }
}
