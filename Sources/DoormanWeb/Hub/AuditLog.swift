import DoormanHTTP
import DoormanOAuth
import Logging

extension WebContext {
    /// Logs a change that a user made through a page, such as `company.created`, with the request and user ids.
    ///
    /// `metadata` names the records involved, never a secret.
    func logChange(_ event: Logger.Message, request: Request, user: User, metadata: Logger.Metadata = [:]) {
        var metadata = metadata
        metadata["request.id"] = "\(request.requestID)"
        metadata["user.id"] = "\(user.id)"
        logger.info(event, metadata: metadata)
    }
}
