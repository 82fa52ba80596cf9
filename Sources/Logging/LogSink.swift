#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A destination for formatted log lines, such as standard error or a buffer in a test.
public protocol LogSink: Sendable {
    /// Writes one complete line, trailing newline included. Many threads call it at once.
    func write(_ line: [UInt8])
}

/// A sink that writes each line to a file descriptor with one `write(2)` call.
///
/// One call per line keeps lines from different threads whole. POSIX makes a pipe write of at most
/// `PIPE_BUF` bytes (4096 on Linux) atomic, and Linux local file systems apply a write to a file
/// opened with `O_APPEND` as a unit. When the kernel accepts only part of a longer line, the sink
/// writes the rest with further calls, and another thread's line may then land in between.
public struct FileDescriptorLogSink: LogSink {
    /// The descriptor that lines are written to; the sink never closes it.
    public let fileDescriptor: Int32

    /// Creates a sink that writes to `fileDescriptor`.
    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    /// A sink that writes to standard error.
    public static let standardError = FileDescriptorLogSink(fileDescriptor: STDERR_FILENO)

    /// A sink that writes to standard output.
    public static let standardOutput = FileDescriptorLogSink(fileDescriptor: STDOUT_FILENO)

    /// Writes the line, retrying after a signal interrupt or a partial write.
    ///
    /// A line that cannot be written (a closed descriptor, a full disk) is dropped, because the
    /// log is the place where such an error would be reported.
    public func write(_ line: [UInt8]) {
        line.withUnsafeBytes { bytes in
            guard let start = bytes.baseAddress else {
                return
            }
            var offset = 0
            while offset < bytes.count {
                let written = writeToDescriptor(fileDescriptor, start + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}

/// Calls the C `write`, whose name the `LogSink` method hides.
private func writeToDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
