#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` with a NULL-terminated array of C strings copied from `strings`, valid only during the call.
func withCStrings<Result>(
    _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> Result
) -> Result {
    withOptionalCStrings(strings) { pointers in body(pointers) }
}

/// Runs `body` with an array of C strings copied from `strings`, nil staying a null pointer, followed by a
/// terminating null pointer. The strings are valid only during the call.
func withOptionalCStrings<Result>(
    _ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> Result
) -> Result {
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.flatMap { strdup($0) } }
    defer {
        for copy in copies {
            free(copy)
        }
    }

    let pointers = copies.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeBufferPointer { buffer in body(buffer.baseAddress!) }
}
