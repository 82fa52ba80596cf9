"""Wire texts that clients match on byte for byte, as Whop's v5 API sends them."""

INVALID_GRANT = (
    "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the "
    "authorization request, or was issued to another client."
)
INVALID_TOKEN_MESSAGE = (
    "Your access token is invalid. Please make sure you are passing an access token, and that it is correctly "
    "formatted."
)
ACCESS_DENIED = "The resource owner or authorization server denied the request."

# The key order of the token response, which follows Doorkeeper, the Ruby provider behind Whop's v5 API.
TOKEN_RESPONSE_KEYS = ["access_token", "token_type", "expires_in", "refresh_token", "scope", "created_at"]
