"""Requests and records that the security suite shares: client credentials, token requests, extra web apps."""

import base64
import hashlib
import re
import secrets
import subprocess
from dataclasses import dataclass
from urllib.parse import quote_plus

import requests

from browser import Browser, read_form
from doorman import BINARY, COMMAND_TIMEOUT_SECONDS, run_admin

TIMEOUT_SECONDS = 10

TOKEN_PATH = "/v5/oauth/token"
REVOKE_PATH = "/oauth/revoke"
INTROSPECT_PATH = "/oauth/introspect"
METADATA_PATH = "/.well-known/oauth-authorization-server"

# The endpoints where a client authenticates, each with the parameters of a request that passes every rule apart
# from the client's credentials and the token's own checks.
CLIENT_ENDPOINTS = {
    TOKEN_PATH: {"grant_type": "refresh_token", "refresh_token": "unknown-refresh-token"},
    REVOKE_PATH: {"token": "unknown-token"},
    INTROSPECT_PATH: {"token": "unknown-token"},
}

# The public URL of the server that the `https_server` fixture starts. Nothing resolves or listens there: the
# server only writes it into the metadata and decides on Strict-Transport-Security from its scheme.
HTTPS_PUBLIC_URL = "https://doorman.example"

BASIC_CHALLENGE = 'Basic realm="doorman"'
INVALID_REQUEST = (
    "The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed."
)
INVALID_CLIENT = (
    "Client authentication failed due to unknown client, no client authentication included, or unsupported "
    "authentication method."
)


@dataclass
class Client:
    """An OAuth client's credentials; `secret` is None for a public client."""

    client_id: str
    secret: str | None


def body_credentials(client):
    """Return `client_id` and, for a confidential client, `client_secret`, as body parameters."""
    credentials = {"client_id": client.client_id}
    if client.secret is not None:
        credentials["client_secret"] = client.secret
    return credentials


def basic_header(client_id, secret, form_encode=True):
    """Return the `Authorization: Basic` value of RFC 6749 section 2.3.1: id and secret form-urlencoded, then Base64.

    `form_encode=False` leaves them as they are, as a client that skips the encoding sends them."""
    if form_encode:
        client_id, secret = quote_plus(client_id, safe=""), quote_plus(secret, safe="")
    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode("ascii")


def post(doorman, path, data=None, headers=None, json=None):
    """POST to Doorman without following redirects."""
    return requests.post(doorman.base_url + path, data=data, json=json, headers=headers or {},
                         allow_redirects=False, timeout=TIMEOUT_SECONDS)


def confidential_client(doorman):
    """Return the session's web app as a `Client`."""
    return Client(doorman.web_app.client_id, doorman.web_app.client_secret)


def exchange_code(doorman, code):
    """Redeem `code` for the session's web app and return the token response's JSON."""
    web_app = doorman.web_app
    response = post(doorman, TOKEN_PATH, data={
        "code": code, "redirect_uri": web_app.redirect_uri, **body_credentials(confidential_client(doorman)),
    })
    assert response.status_code == 200, response.text
    return response.json()


def create_web_app(doorman, name, callback_url, public=False):
    """Register one more web app of the session's product and return the command's JSON output: `id`,
    `client_id` and `client_secret` (null for a public client)."""
    arguments = ["webapp", "create", "--name", name, "--callback-url", callback_url, "--product", doorman.product_id]
    if public:
        arguments.append("--public")
    return run_admin(doorman.data_dir, *arguments)


def try_create_web_app(doorman, callback_url):
    """Run `doorman webapp create` with `callback_url` and return the finished process, whatever its status."""
    command = [
        BINARY, "webapp", "create", "--name", "Refused " + secrets.token_hex(4), "--callback-url", callback_url,
        "--product", doorman.product_id, "--data-dir", doorman.data_dir, "--log-level", "warning",
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_SECONDS, check=False)


def oauth_error(response):
    """Return `(status, error)` of an OAuth error response, for one-line comparisons."""
    return response.status_code, response.json().get("error")


def signed_in_browser(doorman, account):
    """Sign in as `account` through the sign-in form and return the `Browser` of that session."""
    session = Browser(doorman.base_url)
    form = read_form(session.get("/login").text, "/login")
    response = session.post("/login", dict(form["fields"], username=account.username, password=account.password))
    assert response.status_code == 303, response.text
    return session


def database_path(doorman):
    """Return the path of the session server's SQLite file."""
    return doorman.data_dir + "/doorman.sqlite3"


# A code or token that Doorman issues: 14 hexadecimal digits of the issue time in microseconds, then 32 random bytes
# in unpadded base64url.
ORDERED_VALUE = re.compile(r"(?P<time>[0-9a-f]{14})(?P<random>[A-Za-z0-9_-]{43})")


def storage_key(value):
    """Return the key under which Doorman stores a code or token, as TokenHash.of computes it.

    For a value that Doorman issued, that is its time digits followed by the hexadecimal SHA-256 of its random part.
    For any other value, it is the hash of the whole value."""
    data = value.encode()
    # The same shape check as OrderedToken.hasOrderedShape: 57 UTF-8 bytes, the first 14 lowercase hexadecimal.
    if len(data) != 57 or not re.fullmatch(rb"[0-9a-f]{14}", data[:14]):
        return hashlib.sha256(data).hexdigest()
    return data[:14].decode() + hashlib.sha256(data[14:]).hexdigest()
