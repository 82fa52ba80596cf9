#if canImport(FoundationNetworking)
    import Foundation
    import FoundationNetworking

    /// The session delegate of `URLSessionTransport` on Linux: it collects each task's response and body and
    /// declines HTTP authentication challenges.
    ///
    /// A 401 with `WWW-Authenticate: Basic realm=…`, which the token endpoint sends for a wrong client secret
    /// (RFC 6749 section 5.2), raises a challenge in FoundationNetworking. Without a delegate, or with a
    /// per-task one, the task then never completes, and no timeout fires (seen with Swift 6.3.1). A session
    /// delegate that declines the challenge makes the task end with `cancelled`, and this delegate returns the
    /// 401 that had already arrived instead of that error. The SDK sends its credentials itself, so it has no
    /// credential to respond to a challenge with.
    final class ResponseCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        private struct Transfer {
            let continuation: CheckedContinuation<(Data, HTTPURLResponse), any Error>
            var body = Data()
            var declinedChallenge = false
        }

        /// Guards `transfers`, because delegate calls arrive on the session's delegate queue.
        private let lock = NSLock()
        private var transfers: [Int: Transfer] = [:]

        /// Sends `request` as a data task of `session`, whose delegate must be this object.
        func send(_ request: URLRequest, on session: URLSession) async throws -> (Data, HTTPURLResponse) {
            let task = session.dataTask(with: request)
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    lock.withLock { transfers[task.taskIdentifier] = Transfer(continuation: continuation) }
                    task.resume()
                    // A cancellation that came before `resume` found nothing to cancel yet.
                    if Task.isCancelled {
                        task.cancel()
                    }
                }
            } onCancel: {
                task.cancel()
            }
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            lock.withLock { transfers[dataTask.taskIdentifier]?.body.append(data) }
        }

        func urlSession(
            _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
            completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
        ) {
            let method = challenge.protectionSpace.authenticationMethod
            guard method == NSURLAuthenticationMethodHTTPBasic || method == NSURLAuthenticationMethodHTTPDigest
            else {
                completionHandler(.performDefaultHandling, nil)
                return
            }

            lock.withLock { transfers[task.taskIdentifier]?.declinedChallenge = true }
            completionHandler(.cancelAuthenticationChallenge, nil)
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
            guard let transfer = lock.withLock({ transfers.removeValue(forKey: task.taskIdentifier) }) else {
                return
            }

            // A declined challenge ends the task with `cancelled`, but its response arrived complete.
            if let response = task.response as? HTTPURLResponse, error == nil || transfer.declinedChallenge {
                transfer.continuation.resume(returning: (transfer.body, response))
            } else {
                transfer.continuation.resume(throwing: error ?? URLError(.badServerResponse))
            }
        }
    }
#endif
