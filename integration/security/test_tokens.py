"""The token endpoint's grant rules and the use of access tokens at the v5 API (RFC 6749 sections 3.2, 4.1.3,
5 and 10.10, RFC 6750 sections 2 and 3)."""

import re
import sqlite3
import time

import pytest
import requests

import wire
from grants_flow import code_for, create_web_app, get_me, redeem, refresh, signed_in_browser, token_request
from security_support import (
    INVALID_CLIENT, INVALID_REQUEST, ORDERED_VALUE, REVOKE_PATH, TIMEOUT_SECONDS, TOKEN_PATH, body_credentials,
    database_path, oauth_error, post, storage_key,
)

TOKEN_PATHS = [TOKEN_PATH, "/api/v5/oauth/token", "/oauth/token"]
API_PATHS = ["/v5/me", "/api/v5/me", "/v5/me/memberships", "/v5/me/products"]
MISSING_CHALLENGE = 'Bearer realm="doorman"'
INVALID_TOKEN_CHALLENGE = 'Bearer realm="doorman", error="invalid_token"'
UNSUPPORTED_GRANT_TYPE = "The authorization grant type is not supported by the authorization server."
INVALID_SCOPE = "The requested scope is invalid, unknown, or malformed."
# A code lives 600 seconds by default, within the 10 minutes that RFC 6749 section 4.1.2 recommends at most.
CODE_LIFETIME_SECONDS = 600
# 32 random bytes in unpadded base64url are 43 characters, so 43 characters of this alphabet carry 256 bits.
OPAQUE_256_BITS = re.compile(r"[A-Za-z0-9_-]{43,}")
# RFC 6749 section 5.2: `error` and `error_description` use %x20-21 / %x23-5B / %x5D-7E, so no quote or backslash.
ERROR_CHARACTERS = re.compile(r'[\x20\x21\x23-\x5b\x5d-\x7e]+')


@pytest.fixture(scope="module")
def browser(doorman):
    return signed_in_browser(doorman)


@pytest.fixture(scope="module")
def second_client(doorman):
    """Another confidential web app on the session web app's callback, so that a code of one is sent by the other."""
    return create_web_app(doorman, "Tokens second client")


def assert_invalid_grant(response):
    assert response.status_code == 400, response.text
    assert response.json() == {"error": "invalid_grant", "error_description": wire.INVALID_GRANT}


def code_row(doorman, code):
    """Return `(created_at, expires_at)` of the stored code, which the table keeps under its storage key."""
    code_hash = storage_key(code)
    with sqlite3.connect(database_path(doorman)) as connection:
        return connection.execute(
            "SELECT created_at, expires_at FROM authorization_codes WHERE code_hash = ?", (code_hash,)
        ).fetchone()


@pytest.mark.parametrize("path", TOKEN_PATHS)
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_token_endpoint_only_accepts_post(doorman, path, method):
    """RFC 6749 section 3.2: the client uses POST at the token endpoint, so any other method gets 405 with
    `Allow: POST`."""
    response = requests.request(method, doorman.base_url + path, timeout=TIMEOUT_SECONDS)
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"


def test_missing_grant_type_means_authorization_code(doorman, browser):
    """RFC 6749 section 4.1.3 requires `grant_type`. Doorman, like Whop's v5 API, takes its absence as
    `authorization_code`, because Whop's guide sends none."""
    code = code_for(browser, doorman.web_app)
    response = token_request(doorman.base_url, doorman.web_app, code=code, redirect_uri=doorman.web_app.redirect_uri)
    assert response.status_code == 200, response.text
    assert response.json()["token_type"] == "Bearer"


def test_code_of_another_client_is_invalid_grant(doorman, browser, second_client):
    """RFC 6749 section 4.1.3: the code must have been issued to the authenticated client. Another client's attempt
    is `invalid_grant` and leaves the code to its own client."""
    code = code_for(browser, doorman.web_app)
    assert_invalid_grant(redeem(doorman.base_url, second_client, code))
    assert redeem(doorman.base_url, doorman.web_app, code).status_code == 200


def test_confidential_client_must_authenticate(doorman, browser):
    """RFC 6749 sections 3.2.1 and 4.1.3: a confidential client authenticates at the token endpoint, so its
    `client_id` alone is 401 `invalid_client`, and the code stays unused."""
    code = code_for(browser, doorman.web_app)
    response = redeem(doorman.base_url, doorman.web_app, code, with_secret=False)
    assert oauth_error(response) == (401, "invalid_client")
    assert response.json()["error_description"] == INVALID_CLIENT
    assert response.headers["WWW-Authenticate"].startswith("Basic")
    assert redeem(doorman.base_url, doorman.web_app, code).status_code == 200


def test_refresh_needs_client_authentication(doorman, browser):
    """RFC 6749 section 6: a confidential client authenticates to refresh, so a refresh without the secret is
    401 `invalid_client`, and the refresh token keeps working."""
    tokens = redeem(doorman.base_url, doorman.web_app, code_for(browser, doorman.web_app)).json()
    response = token_request(doorman.base_url, doorman.web_app, with_secret=False, grant_type="refresh_token",
                             refresh_token=tokens["refresh_token"])
    assert oauth_error(response) == (401, "invalid_client")
    assert refresh(doorman.base_url, doorman.web_app, tokens["refresh_token"]).status_code == 200


def test_code_lifetime_and_expiry(doorman, browser):
    """RFC 6749 section 4.1.2: a code expires shortly after it is issued, 10 minutes at most. Doorman's codes live
    600 seconds, and an expired code is `invalid_grant`."""
    code = code_for(browser, doorman.web_app)
    created_at, expires_at = code_row(doorman, code)
    assert expires_at - created_at == CODE_LIFETIME_SECONDS

    # The code's record is moved into the past, as if 600 seconds had gone by.
    with sqlite3.connect(database_path(doorman)) as connection:
        connection.execute("UPDATE authorization_codes SET expires_at = ? WHERE code_hash = ?",
                           (int(time.time()) - 1, storage_key(code)))
    assert_invalid_grant(redeem(doorman.base_url, doorman.web_app, code))


def test_redirect_uri_must_repeat_the_authorization_request(doorman, browser):
    """RFC 6749 section 4.1.3: when the authorization request sent `redirect_uri`, the token request must send the
    identical value. Its absence is `invalid_request`, another value `invalid_grant`, and the code stays usable."""
    web_app = doorman.web_app
    code = code_for(browser, web_app)

    missing = token_request(doorman.base_url, web_app, grant_type="authorization_code", code=code)
    other = token_request(doorman.base_url, web_app, grant_type="authorization_code", code=code,
                          redirect_uri=web_app.redirect_uri + "/")

    assert oauth_error(missing) == (400, "invalid_request")
    assert missing.json()["error_description"] == "Missing required parameter: redirect_uri."
    assert_invalid_grant(other)
    assert redeem(doorman.base_url, web_app, code).status_code == 200


def test_code_without_redirect_uri_needs_none(doorman, browser):
    """RFC 6749 section 4.1.3: `redirect_uri` is required at the token endpoint only when the authorization request
    sent one. A code requested without it is redeemed without it."""
    code = code_for(browser, doorman.web_app, redirect_uri="")
    response = token_request(doorman.base_url, doorman.web_app, grant_type="authorization_code", code=code)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("grant_type", [
    "password", "client_credentials", "implicit", "urn:ietf:params:oauth:grant-type:device_code",
])
def test_other_grant_types_are_unsupported(doorman, client, grant_type):
    """RFC 9700 section 2.4: the resource owner password grant must not be offered. It and every grant type other
    than `authorization_code` and `refresh_token` are 400 `unsupported_grant_type` (RFC 6749 section 5.2)."""
    response = post(doorman, TOKEN_PATH, data={"grant_type": grant_type, "username": doorman.buyer.username,
                                               "password": doorman.buyer.password, **body_credentials(client)})
    assert oauth_error(response) == (400, "unsupported_grant_type")
    assert response.json()["error_description"] == UNSUPPORTED_GRANT_TYPE


def test_scope_is_reported_and_narrowed(doorman, browser):
    """RFC 6749 sections 3.3 and 6: the response names the scope issued. A refresh may narrow it, and a refresh
    without `scope` gets the grant's whole scope again."""
    code = code_for(browser, doorman.web_app, scope="user openid")
    granted = redeem(doorman.base_url, doorman.web_app, code).json()
    narrowed = refresh(doorman.base_url, doorman.web_app, granted["refresh_token"], scope="user").json()
    restored = refresh(doorman.base_url, doorman.web_app, narrowed["refresh_token"]).json()

    assert granted["scope"] == "openid user"
    assert narrowed["scope"] == "user"
    assert restored["scope"] == "openid user"


def test_refresh_scope_outside_grant_is_invalid_scope(doorman, browser):
    """RFC 6749 section 6: a refresh may not add a scope the grant lacks, even one the client may request."""
    code = code_for(browser, doorman.web_app, scope="user")
    granted = redeem(doorman.base_url, doorman.web_app, code).json()
    response = refresh(doorman.base_url, doorman.web_app, granted["refresh_token"], scope="user api")
    assert response.status_code == 400, response.text
    assert response.json() == {"error": "invalid_scope", "error_description": INVALID_SCOPE}


def test_codes_and_tokens_carry_256_bits(doorman, browser, second_client):
    """RFC 6749 section 10.10: the chance of guessing a code, token or client secret must be at most 2^-128.
    The random part of each is at least 43 base64url characters, the form of 32 random bytes, and no two are alike.
    Codes and tokens begin with 14 digits of their issue time, which are not random and do not count."""
    code = code_for(browser, doorman.web_app)
    tokens = redeem(doorman.base_url, doorman.web_app, code).json()
    issued = [code, tokens["access_token"], tokens["refresh_token"]]
    client_secrets = [doorman.web_app.client_secret, second_client.client_secret]

    for value in issued:
        match = ORDERED_VALUE.fullmatch(value)
        assert match, f"{value!r} is not 14 time digits and 43 base64url characters"
        assert OPAQUE_256_BITS.fullmatch(match.group("random"))
    for value in client_secrets:
        assert OPAQUE_256_BITS.fullmatch(value), f"{value!r} is shorter than 256 bits in base64url"
    assert len(set(issued + client_secrets)) == len(issued + client_secrets)


def test_codes_and_tokens_begin_with_issue_time(doorman, browser):
    """Codes and tokens begin with the time they were issued in microseconds, in hexadecimal, so that their keys
    sort in issue order."""
    before = time.time_ns() // 1000
    code = code_for(browser, doorman.web_app)
    tokens = redeem(doorman.base_url, doorman.web_app, code).json()
    after = time.time_ns() // 1000

    times = [int(ORDERED_VALUE.fullmatch(value).group("time"), 16)
             for value in (code, tokens["access_token"], tokens["refresh_token"])]
    assert before <= times[0] <= times[1] <= after
    assert times[1] == times[2]


BAD_REQUESTS = {
    "wrong secret": {"grant_type": "authorization_code", "code": "code-sent-by-client",
                     "client_secret": "wrong \"secret\\é"},
    "unknown code": {"grant_type": "authorization_code", "code": "cödé\"<script>\\"},
    "unknown grant type": {"grant_type": "é\"\\<b>"},
    "unknown scope": {"grant_type": "refresh_token", "refresh_token": "refresh-sent-by-client", "scope": "é\"\\"},
    "missing code": {"grant_type": "authorization_code"},
    "unknown refresh token": {"grant_type": "refresh_token", "refresh_token": "rëfresh\"\\"},
}


@pytest.mark.parametrize("case", BAD_REQUESTS)
def test_errors_use_allowed_characters_and_echo_nothing(doorman, client, case):
    """RFC 6749 section 5.2: `error` and `error_description` use printable ASCII without `"` and `\\`, and the
    response echoes no secret, code or token that the request sent: the description is a fixed text."""
    data = {**body_credentials(client), **BAD_REQUESTS[case]}
    response = post(doorman, TOKEN_PATH, data=data)
    body = response.json()

    assert response.status_code in (400, 401)
    assert sorted(body) == ["error", "error_description"]
    assert ERROR_CHARACTERS.fullmatch(body["error"])
    assert ERROR_CHARACTERS.fullmatch(body["error_description"])
    for name, value in data.items():
        if name != "client_id" and value not in ("authorization_code", "refresh_token"):
            assert value not in response.text, f"the response echoes {name}"
    fixed_texts = {INVALID_REQUEST, INVALID_CLIENT, wire.INVALID_GRANT, UNSUPPORTED_GRANT_TYPE, INVALID_SCOPE,
                   "Missing required parameter: code."}
    assert body["error_description"] in fixed_texts


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER", "bEaReR"])
def test_bearer_scheme_matches_in_any_case(doorman, tokens, scheme):
    """RFC 6750 section 2.1: the access token is sent as `Authorization: Bearer`, and the scheme name matches
    without regard to case (RFC 9110 section 11.1)."""
    for path in API_PATHS:
        headers = {"Authorization": f"{scheme} {tokens['access_token']}"}
        response = requests.get(doorman.base_url + path, headers=headers, timeout=TIMEOUT_SECONDS)
        assert response.status_code == 200, f"{path}: {response.text}"


@pytest.mark.parametrize("name", ["access_token", "token"])
def test_token_in_query_is_ignored(doorman, tokens, name):
    """RFC 6750 section 2.3: a token in the URL query ends up in logs and history, so Doorman does not read it. The
    request counts as one without a token: 401 with a challenge that has no error code."""
    response = requests.get(f"{doorman.base_url}/v5/me?{name}={tokens['access_token']}", timeout=TIMEOUT_SECONDS)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == MISSING_CHALLENGE


@pytest.mark.parametrize("path", API_PATHS)
@pytest.mark.parametrize("authorization", [None, "Basic YXBwOnNlY3JldA==", "Digest username=app"])
def test_missing_token_gets_challenge_without_error(doorman, path, authorization):
    """RFC 6750 section 3.1: a request without Bearer credentials gets 401 with `WWW-Authenticate: Bearer` and no
    `error` attribute."""
    headers = {"Authorization": authorization} if authorization else {}
    response = requests.get(doorman.base_url + path, headers=headers, timeout=TIMEOUT_SECONDS)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == MISSING_CHALLENGE
    assert response.json() == {"message": wire.INVALID_TOKEN_MESSAGE}


@pytest.mark.parametrize("path", API_PATHS)
def test_unknown_expired_or_revoked_token_is_invalid_token(doorman, client, tokens, path):
    """RFC 6750 sections 3 and 3.1: a token that is unknown or revoked gets 401 with
    `WWW-Authenticate: Bearer` and `error="invalid_token"`."""
    assert post(doorman, REVOKE_PATH, data={"token": tokens["refresh_token"], **body_credentials(client)}).ok
    for token in ["unknown-access-token", tokens["access_token"]]:
        response = requests.get(doorman.base_url + path, headers={"Authorization": f"Bearer {token}"},
                                timeout=TIMEOUT_SECONDS)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == INVALID_TOKEN_CHALLENGE


@pytest.mark.parametrize("authorization", ["Bearer", "Bearer a b", "Bearer tok\"en", "Bearer =abc"])
def test_malformed_bearer_is_401_invalid_token(doorman, authorization):
    """RFC 6750 section 3.1 gives a malformed request 400 `invalid_request`. Doorman treats malformed Bearer
    credentials like an unknown token, 401 with `error="invalid_token"`, because Whop's v5 API sends 401 for every
    unusable token and clients handle that one case."""
    response = requests.get(doorman.base_url + "/v5/me", headers={"Authorization": authorization},
                            timeout=TIMEOUT_SECONDS)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == INVALID_TOKEN_CHALLENGE
    assert response.json() == {"message": wire.INVALID_TOKEN_MESSAGE}


def test_access_token_is_short_lived(doorman, tokens):
    """RFC 6750 section 5.3: bearer tokens are short-lived. An access token lives 7,200 seconds, which the
    response states in `expires_in`."""
    assert tokens["expires_in"] == 7200
    assert get_me(doorman.base_url, tokens["access_token"]).status_code == 200


@pytest.mark.parametrize("scope", ["api", "openid", "read_user", "user"])
def test_every_scope_reads_the_same_routes(doorman, browser, scope):
    """RFC 9700 section 2.3 recommends access tokens restricted to the least privilege needed. Doorman's scopes
    exist because Whop integrations send them, and each grants the same read-only access to the user's own
    profile, memberships and products, so no route returns `insufficient_scope`."""
    code = code_for(browser, doorman.web_app, scope=scope)
    token = redeem(doorman.base_url, doorman.web_app, code).json()["access_token"]
    for path in API_PATHS:
        response = requests.get(doorman.base_url + path, headers={"Authorization": f"Bearer {token}"},
                                timeout=TIMEOUT_SECONDS)
        assert response.status_code == 200, f"{path}: {response.text}"
