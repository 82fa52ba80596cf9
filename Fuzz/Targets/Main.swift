#if canImport(Glibc)
    import Glibc
#endif

/// Environment variable that carries the target name to processes that libFuzzer starts itself (`-fork`, `-merge`).
let targetVariable = "DOORMAN_FUZZ_TARGET"

/// Returns the usage text, with the list of targets.
func usage() -> String {
    let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
    return """
        usage: doorman-fuzz TARGET [libFuzzer options] [CORPUS_DIRECTORY...]
               doorman-fuzz TARGET FILE...   (a build without -DDOORMAN_FUZZING replays files)
        targets: \(names)
        """
}

/// Returns the target named by the first argument, or by `DOORMAN_FUZZ_TARGET` when the first argument names none,
/// and whether the first argument was used.
func selectTarget(firstArgument: String?) -> (target: FuzzTarget, consumedArgument: Bool)? {
    if let firstArgument, let target = FuzzTarget.named(firstArgument) {
        return (target, true)
    }
    if let variable = getenv(targetVariable), let target = FuzzTarget.named(String(cString: variable)) {
        return (target, false)
    }
    return nil
}

#if DOORMAN_FUZZING
    /// libFuzzer's entry point for a program that has its own `main` (compiler-rt `FuzzerInterface.h`).
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32

    /// Target that the C callback runs. Written once in `main` before libFuzzer starts, then only read.
    nonisolated(unsafe) var selectedTarget: FuzzTarget?

    /// Program entry point of the fuzzing build. SwiftPM links executables with `main` defined as
    /// `<module>_main`, so this name replaces libFuzzer's own `main`.
    @_cdecl("doorman_fuzz_main")
    func fuzzingMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
        let first = argc > 1 ? argv[1].map { String(cString: $0) } : nil
        guard let (target, consumed) = selectTarget(firstArgument: first) else {
            writeError(usage())
            return 2
        }
        selectedTarget = target
        setenv(targetVariable, target.name, 1)

        // libFuzzer reads every argument after the program name as an option or a corpus path, so the target
        // name is removed. The array lives until the process exits, as libFuzzer expects of argv.
        var arguments = (0..<Int(argc)).map { argv[$0] }
        if consumed {
            arguments.remove(at: 1)
        }
        arguments.append(nil)
        var count = Int32(arguments.count - 1)
        let storage = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: arguments.count)
        storage.initialize(from: arguments, count: arguments.count)
        var vector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = storage
        return runFuzzerDriver(&count, &vector) { data, size in
            let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
            selectedTarget?.run(bytes)
            return 0
        }
    }
#else
    /// Replays files through a target without libFuzzer, for builds without the sanitizers.
    @main
    enum Replay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let (target, consumed) = selectTarget(firstArgument: arguments.first) else {
                writeError(usage())
                exit(2)
            }
            for path in arguments.dropFirst(consumed ? 1 : 0) {
                guard let bytes = readFile(path) else {
                    writeError("doorman-fuzz: cannot read \(path); pass readable input files")
                    exit(1)
                }
                target.run(bytes)
            }
        }

        /// Returns the contents of the file at `path`, or nil when it cannot be read.
        static func readFile(_ path: String) -> [UInt8]? {
            guard let file = fopen(path, "rb") else {
                return nil
            }
            defer { fclose(file) }

            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = fread(&buffer, 1, buffer.count, file)
                bytes.append(contentsOf: buffer[..<count])
                if count < buffer.count {
                    return ferror(file) == 0 ? bytes : nil
                }
            }
        }
    }
#endif
