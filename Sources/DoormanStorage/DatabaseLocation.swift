#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Failure to prepare the data directory.
public struct DatabaseLocationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Directory that could not be created or used.
    public let path: String
    /// Cause of the failure, such as the `strerror` text of the failed system call.
    public let reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// A sentence naming the directory, the cause and what to do.
    public var description: String {
        "cannot use data directory \(path): \(reason); create it or choose another with write permission"
    }
}

/// Location of Doorman's database file inside a data directory.
public enum DatabaseLocation {
    /// File name of the database inside the data directory.
    public static let fileName = "doorman.sqlite3"

    /// Creates `dataDirectory` and any missing parents with mode 0700, and returns the database path in it.
    ///
    /// Existing directories keep their permissions. Relative paths are resolved against the working directory.
    public static func prepare(dataDirectory: String) throws(DatabaseLocationError) -> String {
        guard !dataDirectory.isEmpty else {
            throw DatabaseLocationError(path: dataDirectory, reason: "the path is empty")
        }
        do {
            try createDirectory(dataDirectory)
        } catch let error where error.path != dataDirectory {
            // A parent failed: keep the requested directory as the subject and name the parent in the reason.
            throw DatabaseLocationError(path: dataDirectory, reason: "parent \(error.path): \(error.reason)")
        }

        let separator = dataDirectory.hasSuffix("/") ? "" : "/"
        return dataDirectory + separator + fileName
    }

    private static func createDirectory(_ path: String) throws(DatabaseLocationError) {
        if isDirectory(path) {
            return
        }
        let parent = parentDirectory(of: path)
        if !parent.isEmpty, parent != path {
            try createDirectory(parent)
        }

        // EEXIST is fine when a concurrent process created the directory first. isDirectory checks the result.
        if mkdir(path, 0o700) != 0 {
            let code = errno
            guard code == EEXIST else {
                throw DatabaseLocationError(path: path, reason: String(cString: strerror(code)))
            }
        }
        guard isDirectory(path) else {
            throw DatabaseLocationError(path: path, reason: "it exists but is not a directory")
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    /// Returns the path without its last component and trailing slashes: "a/b/" gives "a", "/a" gives "/".
    private static func parentDirectory(of path: String) -> String {
        var characters = Substring(path)
        while characters.count > 1, characters.hasSuffix("/") {
            characters.removeLast()
        }
        guard let slash = characters.lastIndex(of: "/") else {
            return ""
        }
        let parent = characters[..<slash]
        return parent.isEmpty ? "/" : String(parent)
    }
}
