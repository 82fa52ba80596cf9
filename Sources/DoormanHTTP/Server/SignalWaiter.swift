import Dispatch
import Glibc

/// Blocks a server's main thread until SIGTERM or SIGINT arrives, and returns the signal's name.
///
/// The signals' default handling is turned off and they arrive through dispatch sources, so no code runs
/// inside a signal handler. A second signal during shutdown ends the process at once with 128 + signal.
public final class SignalWaiter: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let queue = DispatchQueue(label: "doorman.signals")
    private var sources: [DispatchSourceSignal] = []
    // Read and written on `queue` only.
    private var received: Int32 = 0

    /// Starts listening for `signals`; create it before starting the server.
    public init(signals: [Int32] = [SIGTERM, SIGINT]) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [unowned self] in self.deliver(number) }
            source.resume()
            sources.append(source)
        }
    }

    private func deliver(_ number: Int32) {
        if received != 0 {
            _exit(128 + number)
        }
        received = number
        semaphore.signal()
    }

    /// Waits for the first signal and returns its name, such as `SIGTERM`.
    public func wait() -> String {
        semaphore.wait()
        let number = queue.sync { received }
        switch number {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(number)"
        }
    }
}
