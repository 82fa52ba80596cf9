"""Token introspection at POST /oauth/introspect (RFC 7662)."""

import json
import time

import pytest

from security_support import (
    BASIC_CHALLENGE, INTROSPECT_PATH, REVOKE_PATH, basic_header, body_credentials, oauth_error, post,
)

INACTIVE = {"active": False}


def introspect(doorman, client, token, **extra):
    return post(doorman, INTROSPECT_PATH, data={"token": token, **extra, **body_credentials(client)})


def assert_no_cache(response):
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Pragma"] == "no-cache"


@pytest.mark.parametrize("hint", [None, "access_token", "refresh_token"])
def test_active_access_token_is_described(doorman, client, tokens, hint):
    """RFC 7662 section 2.2: an active token of the caller gets `active`, `scope`, `client_id`, `username`, `sub`,
    `token_type`, `exp` and `iat`, whatever the hint."""
    extra = {"token_type_hint": hint} if hint else {}
    response = introspect(doorman, client, tokens["access_token"], **extra)

    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    assert_no_cache(response)
    pairs = json.loads(response.content, object_pairs_hook=list)
    assert [name for name, _ in pairs] == [
        "active", "scope", "client_id", "username", "sub", "token_type", "exp", "iat",
    ]
    body = dict(pairs)
    assert body["active"] is True
    assert body["scope"] == tokens["scope"]
    assert body["client_id"] == client.client_id
    assert body["username"] == doorman.buyer.username
    assert body["sub"] == doorman.buyer.id
    assert body["token_type"] == "access_token"
    assert body["iat"] == tokens["created_at"]
    assert body["exp"] == tokens["created_at"] + tokens["expires_in"]
    assert body["exp"] > time.time()


def test_active_refresh_token_is_described(doorman, client, tokens):
    """RFC 7662 section 2.2: a refresh token is introspected too, and `token_type` names its type."""
    response = introspect(doorman, client, tokens["refresh_token"])
    body = response.json()
    assert body["active"] is True
    assert body["token_type"] == "refresh_token"
    assert body["sub"] == doorman.buyer.id


@pytest.mark.parametrize("kind", ["access_token", "refresh_token"])
def test_revoked_token_is_inactive(doorman, client, tokens, kind):
    """RFC 7662 section 2.2: a revoked token gets only `{"active":false}`."""
    assert post(doorman, REVOKE_PATH, data={"token": tokens["refresh_token"], **body_credentials(client)}).ok
    response = introspect(doorman, client, tokens[kind])
    assert response.status_code == 200
    assert response.json() == INACTIVE
    assert_no_cache(response)


@pytest.mark.parametrize("token", ["unknown-token", "A" * 300])
def test_unknown_token_is_inactive(doorman, client, token):
    """RFC 7662 sections 2.2 and 2.3: an unknown token is no error; it gets only `{"active":false}`."""
    response = introspect(doorman, client, token)
    assert response.status_code == 200
    assert response.json() == INACTIVE


@pytest.mark.parametrize("kind", ["access_token", "refresh_token"])
def test_token_of_another_client_is_inactive(doorman, other_client, tokens, kind):
    """RFC 7662 section 2.2: a token issued to another client gets only `{"active":false}`."""
    response = introspect(doorman, other_client, tokens[kind])
    assert response.status_code == 200
    assert response.json() == INACTIVE


def test_caller_without_credentials_is_refused(doorman, tokens):
    """RFC 7662 sections 2.1 and 2.3: the caller must authenticate. Without credentials the response is
    401 invalid_client with WWW-Authenticate and reveals nothing about the token."""
    response = post(doorman, INTROSPECT_PATH, data={"token": tokens["access_token"]})
    assert oauth_error(response) == (401, "invalid_client")
    assert response.headers["WWW-Authenticate"] == BASIC_CHALLENGE
    assert "active" not in response.json()


def test_public_client_is_refused(doorman, public_client, tokens):
    """RFC 7662 section 2.1: a public client cannot authenticate, so it gets 401 invalid_client."""
    response = post(doorman, INTROSPECT_PATH, data={"token": tokens["access_token"],
                                                    "client_id": public_client.client_id})
    assert oauth_error(response) == (401, "invalid_client")
    assert response.headers["WWW-Authenticate"] == BASIC_CHALLENGE


def test_wrong_basic_secret_is_refused(doorman, client, tokens):
    """RFC 7662 section 2.3: failed caller authentication is 401 invalid_client."""
    response = post(doorman, INTROSPECT_PATH, data={"token": tokens["access_token"]},
                    headers={"Authorization": basic_header(client.client_id, "wrong")})
    assert oauth_error(response) == (401, "invalid_client")


def test_basic_authenticated_caller(doorman, client, tokens):
    """RFC 7662 section 2.1: the caller may authenticate with HTTP Basic."""
    response = post(doorman, INTROSPECT_PATH, data={"token": tokens["access_token"]},
                    headers={"Authorization": basic_header(client.client_id, client.secret)})
    assert response.json()["active"] is True
