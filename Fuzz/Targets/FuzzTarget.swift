#if canImport(Glibc)
    import Glibc
#endif

/// One parser under test: a name for the command line and a function that feeds it one input.
///
/// The function returns normally when the parser behaves, whether it accepts or rejects the input, and stops the
/// process through `check` when a property fails, so that libFuzzer records the input as a crash.
struct FuzzTarget: Sendable {
    /// Name given on the command line, also the folder name under `Fuzz/Corpus` and `Fuzz/Regressions`.
    let name: String

    /// Runs the parser and its property checks on one input.
    let run: @Sendable ([UInt8]) -> Void

    /// Every target, in the order `scripts/fuzz` runs them.
    static let all: [FuzzTarget] = [
        .form, .percentDecoding, .formEncoding, .json, .cookies, .authorization, .mediaType, .redirectURI,
        .accessExpression, .tokenRequest,
    ]

    /// Returns the target with this name, or nil when there is none.
    static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}

/// Stops the process with `message` on standard error when `condition` is false.
///
/// `abort()` raises SIGABRT, which libFuzzer reports as a crash and saves the input for.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    guard !condition else {
        return
    }
    writeError("property failed: \(message())")
    abort()
}

/// Writes `message` and a line feed to standard error, unbuffered so that it precedes a crash report.
func writeError(_ message: String) {
    let line = Array((message + "\n").utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

/// Splits `bytes` at the first `count - 1` line feeds, so one input can carry several independent fields.
///
/// Missing fields are empty, so the result always has `count` elements.
func splitFields(_ bytes: [UInt8], count: Int) -> [[UInt8]] {
    var fields: [[UInt8]] = []
    var rest = bytes[...]
    while fields.count < count - 1, let newline = rest.firstIndex(of: 0x0A) {
        fields.append(Array(rest[..<newline]))
        rest = rest[(newline + 1)...]
    }
    fields.append(Array(rest))
    while fields.count < count {
        fields.append([])
    }
    return fields
}

/// Returns `text` with its control characters escaped, short enough to print in a failure message.
func excerpt(_ text: String) -> String {
    String(reflecting: String(text.prefix(200)))
}
