"""Token revocation at POST /oauth/revoke (RFC 7009)."""

import pytest
import requests

import wire
from security_support import (
    REVOKE_PATH, TIMEOUT_SECONDS, TOKEN_PATH, basic_header, body_credentials, oauth_error, post,
)


def me_status(doorman, access_token):
    response = requests.get(doorman.base_url + "/v5/me", headers={"Authorization": f"Bearer {access_token}"},
                            timeout=TIMEOUT_SECONDS)
    return response.status_code


def refresh(doorman, client, refresh_token):
    return post(doorman, TOKEN_PATH, data={"grant_type": "refresh_token", "refresh_token": refresh_token,
                                           **body_credentials(client)})


def revoke(doorman, client, token, path=REVOKE_PATH, **extra):
    return post(doorman, path, data={"token": token, **extra, **body_credentials(client)})


def assert_revoked_answer(response):
    assert response.status_code == 200, response.text
    assert response.content == b""
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Pragma"] == "no-cache"


@pytest.mark.parametrize("path", ["/oauth/revoke", "/v5/oauth/revoke", "/api/v5/oauth/revoke"])
def test_access_token_is_revoked_alone(doorman, client, tokens, path):
    """RFC 7009 section 2.1: revoking an access token ends that token; the refresh token of its grant keeps
    working."""
    assert_revoked_answer(revoke(doorman, client, tokens["access_token"], path=path))
    assert me_status(doorman, tokens["access_token"]) == 401
    assert refresh(doorman, client, tokens["refresh_token"]).status_code == 200


@pytest.mark.parametrize("hint", [None, "refresh_token", "access_token", "unknown_type"])
def test_refresh_token_revokes_its_grant(doorman, client, tokens, hint):
    """RFC 7009 sections 2.1 and 2.2: revoking a refresh token also revokes the access tokens of its grant. A
    wrong or unknown `token_type_hint` only changes the search order."""
    extra = {"token_type_hint": hint} if hint else {}
    assert_revoked_answer(revoke(doorman, client, tokens["refresh_token"], **extra))
    assert me_status(doorman, tokens["access_token"]) == 401
    response = refresh(doorman, client, tokens["refresh_token"])
    assert oauth_error(response) == (400, "invalid_grant")
    assert response.json()["error_description"] == wire.INVALID_GRANT


def test_wrong_hint_still_revokes_access_token(doorman, client, tokens):
    """RFC 7009 section 2.1: a hint that names the wrong type still finds and revokes the token."""
    assert_revoked_answer(revoke(doorman, client, tokens["access_token"], token_type_hint="refresh_token"))
    assert me_status(doorman, tokens["access_token"]) == 401


def test_revoking_twice_answers_200(doorman, client, tokens):
    """RFC 7009 section 2.2: a token that is revoked already gets the same 200 as an active one."""
    assert_revoked_answer(revoke(doorman, client, tokens["refresh_token"]))
    assert_revoked_answer(revoke(doorman, client, tokens["refresh_token"]))
    assert_revoked_answer(revoke(doorman, client, tokens["access_token"]))


@pytest.mark.parametrize("token", ["unknown-token", "x", "A" * 500])
def test_unknown_token_answers_200(doorman, client, token):
    """RFC 7009 section 2.2: an invalid token is no error, so an unknown token gets 200 with an empty body."""
    assert_revoked_answer(revoke(doorman, client, token))


@pytest.mark.parametrize("kind", ["access_token", "refresh_token"])
def test_token_of_another_client_is_not_revoked(doorman, other_client, client, tokens, kind):
    """RFC 7009 section 2.1: the server checks that the token was issued to the caller. Doorman leaves another
    client's token untouched and returns 200, as for an unknown token, so that no client learns whether it
    exists."""
    assert_revoked_answer(revoke(doorman, other_client, tokens[kind]))
    assert me_status(doorman, tokens["access_token"]) == 200
    assert refresh(doorman, client, tokens["refresh_token"]).status_code == 200


def test_client_is_authenticated_before_the_token(doorman, client, tokens):
    """RFC 7009 section 2.1: client credentials are checked first: a wrong secret is 401 invalid_client and the
    token stays active."""
    response = post(doorman, REVOKE_PATH, data={"token": tokens["access_token"], "client_id": client.client_id,
                                                "client_secret": "wrong"})
    assert oauth_error(response) == (401, "invalid_client")
    assert me_status(doorman, tokens["access_token"]) == 200


def test_missing_token_is_invalid_request(doorman, client):
    """RFC 7009 section 2.1: `token` is required, so a request without it gets 400 invalid_request."""
    response = post(doorman, REVOKE_PATH, data=body_credentials(client))
    assert oauth_error(response) == (400, "invalid_request")
    assert response.json()["error_description"] == "Missing required parameter: token."


def test_json_body_and_basic_authentication(doorman, client, tokens):
    """RFC 7009 section 2.1: the client authenticates as at the token endpoint, so HTTP Basic with a JSON body
    works too."""
    response = post(doorman, REVOKE_PATH, json={"token": tokens["access_token"]},
                    headers={"Authorization": basic_header(client.client_id, client.secret)})
    assert_revoked_answer(response)
    assert me_status(doorman, tokens["access_token"]) == 401


def test_revocation_only_accepts_post(doorman):
    """RFC 7009 section 2.1: the revocation endpoint takes POST; a GET gets 405 with `Allow: POST`."""
    response = requests.get(doorman.base_url + REVOKE_PATH + "?token=x", timeout=TIMEOUT_SECONDS)
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"
