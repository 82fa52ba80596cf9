"""The token endpoint's response format, and what a replayed authorization code does (RFC 6749 section 4.1.2)."""

import json
import time

import requests

import wire

TIMEOUT_SECONDS = 10


def exchange(doorman, code):
    """Redeem `code` with a form body and the client's secret, as the guide's Python client does."""
    web_app = doorman.web_app
    return requests.post(
        doorman.base_url + "/v5/oauth/token",
        data={
            "code": code,
            "client_id": web_app.client_id,
            "client_secret": web_app.client_secret,
            "redirect_uri": web_app.redirect_uri,
        },
        timeout=TIMEOUT_SECONDS,
    )


def get_me(doorman, access_token):
    return requests.get(
        doorman.base_url + "/v5/me", headers={"Authorization": f"Bearer {access_token}"}, timeout=TIMEOUT_SECONDS
    )


def test_token_response_format(doorman, obtain_code):
    code = obtain_code(doorman.buyer.username, doorman.buyer.password)
    before = int(time.time())
    response = exchange(doorman, code)

    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Pragma"] == "no-cache"

    # Parsed from the raw body, because a dict would hide the key order.
    pairs = json.loads(response.content, object_pairs_hook=list)
    assert [name for name, _ in pairs] == wire.TOKEN_RESPONSE_KEYS
    body = dict(pairs)
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 7200
    assert body["scope"] == "api"
    assert before - 1 <= body["created_at"] <= int(time.time()) + 1
    assert body["access_token"] != body["refresh_token"]


def test_reused_code_revokes_tokens(doorman, obtain_code):
    code = obtain_code(doorman.buyer.username, doorman.buyer.password)
    first = exchange(doorman, code)
    assert first.status_code == 200, first.text
    tokens = first.json()
    assert get_me(doorman, tokens["access_token"]).status_code == 200

    replay = exchange(doorman, code)
    assert replay.status_code == 400
    assert replay.json() == {"error": "invalid_grant", "error_description": wire.INVALID_GRANT}

    after = get_me(doorman, tokens["access_token"])
    assert after.status_code == 401
    assert after.json() == {"message": wire.INVALID_TOKEN_MESSAGE}
    assert after.headers["WWW-Authenticate"].startswith("Bearer")
    assert 'error="invalid_token"' in after.headers["WWW-Authenticate"]

    web_app = doorman.web_app
    refresh = requests.post(
        doorman.base_url + "/v5/oauth/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": tokens["refresh_token"],
            "client_id": web_app.client_id,
            "client_secret": web_app.client_secret,
        },
        timeout=TIMEOUT_SECONDS,
    )
    assert refresh.status_code == 400
    assert refresh.json()["error"] == "invalid_grant"
