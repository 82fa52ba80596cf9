import CSodium

/// One-time initialization of libsodium, shared by every wrapper in this module.
enum Sodium {
    /// Result of `sodium_init()`, evaluated once: Swift runs a static initializer exactly once, thread-safely.
    private static let initialization: Int32 = sodium_init()

    /// Initializes libsodium on first use and stops the process if that fails.
    ///
    /// `sodium_init()` returns 0 on the first call, 1 when already initialized and -1 when it cannot
    /// initialize, for example when no entropy source is available. Without it no random bytes
    /// or hashes can be produced safely, so a failure is fatal rather than an error to handle.
    static func ensureInitialized() {
        guard initialization >= 0 else {
            fatalError("libsodium failed to initialize (sodium_init returned \(initialization)); check /dev/urandom")
        }
    }
}
