import DoormanHTTP
import DoormanOAuth
import Logging

extension Logger {
    /// Logs `event`, whose name is the message, with `metadata` that names the records involved and never a secret.
    ///
    /// Audit events are logged at info level unless `level` sets another. `AuditEvent` lists them all.
    func audit(_ event: AuditEvent, level: Logger.Level = .info, metadata: Logger.Metadata) {
        log(level: level, "\(event.rawValue)", metadata: metadata)
    }
}

extension WebContext {
    /// Logs a change that a user made through a page, such as `company.created`, with the request and user ids.
    ///
    /// `metadata` names the records involved, never a secret.
    func logChange(_ event: AuditEvent, request: Request, user: User, metadata: Logger.Metadata = [:]) {
        var metadata = metadata
        metadata["request.id"] = "\(request.requestID)"
        metadata["user.id"] = "\(user.id)"
        logger.audit(event, metadata: metadata)
    }
}
