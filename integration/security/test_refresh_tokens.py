"""Refresh token rotation with families and a grace window, as a client sees it over HTTP."""

import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import wire
from doorman import DoormanServer
from grants_flow import (code_for, create_web_app, get_me, new_verifier, redeem, refresh, s256_challenge,
                         signed_in_browser)
from security_support import database_path, storage_key

SHORT_GRACE_SECONDS = 1
# The default of --refresh-inactivity-seconds: 30 days.
INACTIVITY_SECONDS = 30 * 86400
INVALID_SCOPE = "The requested scope is invalid, unknown, or malformed."


@pytest.fixture(scope="module")
def browser(doorman):
    return signed_in_browser(doorman)


@pytest.fixture(scope="module")
def short_grace(doorman):
    """A second `doorman serve` on the same database with a one-second grace window."""
    server = DoormanServer.start(doorman.data_dir, ["--refresh-grace-seconds", str(SHORT_GRACE_SECONDS)])
    try:
        yield server
    finally:
        status = server.stop()
    assert status == 0, f"the second doorman serve exited with {status}:\n{server.log}"


def new_tokens(doorman, browser, base_url=None):
    """Authorize the session's web app and redeem the code, returning the token response."""
    code = code_for(browser, doorman.web_app)
    response = redeem(base_url or doorman.base_url, doorman.web_app, code)
    assert response.status_code == 200, response.text
    return response.json()


def assert_invalid_grant(response):
    assert response.status_code == 400, response.text
    assert response.json() == {"error": "invalid_grant", "error_description": wire.INVALID_GRANT}


def test_every_refresh_rotates(doorman, browser):
    """RFC 9700 section 4.14.2: each use of a refresh token issues a new refresh token and a new access token."""
    first = new_tokens(doorman, browser)

    response = refresh(doorman.base_url, doorman.web_app, first["refresh_token"])

    assert response.status_code == 200, response.text
    second = response.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert second["scope"] == "api"
    assert get_me(doorman.base_url, second["access_token"]).status_code == 200


def test_parallel_refreshes_get_the_same_successor(doorman, browser):
    """RFC 9700 section 4.14.2: parallel requests that present one refresh token within the grace window all get
    the same new refresh token and access token, and none of them revokes the grant."""
    token = new_tokens(doorman, browser)["refresh_token"]

    with ThreadPoolExecutor(max_workers=10) as pool:
        responses = list(pool.map(lambda _: refresh(doorman.base_url, doorman.web_app, token), range(10)))

    assert [response.status_code for response in responses] == [200] * 10
    assert len({response.json()["refresh_token"] for response in responses}) == 1
    assert len({response.json()["access_token"] for response in responses}) == 1
    assert get_me(doorman.base_url, responses[0].json()["access_token"]).status_code == 200


def test_retry_within_window_gets_the_same_successor(doorman, browser):
    """RFC 9700 section 4.14.2: a retry of a refresh whose response was lost receives the same successor instead of
    `invalid_grant`."""
    token = new_tokens(doorman, browser)["refresh_token"]
    first = refresh(doorman.base_url, doorman.web_app, token)

    retry = refresh(doorman.base_url, doorman.web_app, token)

    assert retry.status_code == 200, retry.text
    assert retry.json()["refresh_token"] == first.json()["refresh_token"]
    assert retry.json()["access_token"] == first.json()["access_token"]
    assert retry.json()["created_at"] == first.json()["created_at"]


def test_retry_at_another_instance_gets_the_same_successor(doorman, browser, short_grace):
    """RFC 9700 section 4.14.2: the successor is sealed in the database, so another instance that receives the
    rotated token within the window sends the same tokens."""
    token = new_tokens(doorman, browser)["refresh_token"]
    first = refresh(doorman.base_url, doorman.web_app, token)

    retry = refresh(short_grace.base_url, doorman.web_app, token)

    assert retry.status_code == 200, retry.text
    assert retry.json()["refresh_token"] == first.json()["refresh_token"]
    assert retry.json()["access_token"] == first.json()["access_token"]


def test_replay_after_window_revokes_that_family_only(doorman, browser, short_grace):
    """RFC 9700 section 4.14.2: a rotated refresh token presented after the grace window is `invalid_grant` and
    revokes its family, the newest tokens included, while another grant of the same user keeps working."""
    family = new_tokens(doorman, browser, short_grace.base_url)
    other = new_tokens(doorman, browser, short_grace.base_url)
    rotated = refresh(short_grace.base_url, doorman.web_app, family["refresh_token"]).json()
    time.sleep(SHORT_GRACE_SECONDS + 1.1)

    assert_invalid_grant(refresh(short_grace.base_url, doorman.web_app, family["refresh_token"]))

    assert get_me(short_grace.base_url, rotated["access_token"]).status_code == 401
    assert_invalid_grant(refresh(short_grace.base_url, doorman.web_app, rotated["refresh_token"]))
    assert get_me(short_grace.base_url, other["access_token"]).status_code == 200
    assert refresh(short_grace.base_url, doorman.web_app, other["refresh_token"]).status_code == 200


def test_refresh_cannot_widen_scope(doorman, browser):
    """RFC 6749 section 6: a refresh may not ask for scope beyond the grant's, which is `invalid_scope`, and the
    token stays usable."""
    token = new_tokens(doorman, browser)["refresh_token"]

    response = refresh(doorman.base_url, doorman.web_app, token, scope="api openid")

    assert response.status_code == 400, response.text
    assert response.json() == {"error": "invalid_scope", "error_description": INVALID_SCOPE}
    assert refresh(doorman.base_url, doorman.web_app, token).status_code == 200


def test_refresh_works_only_for_its_client(doorman, browser):
    """RFC 6749 sections 6 and 10.4: a refresh token presented by another authenticated client is
    `invalid_grant`, and its own client can still use it."""
    other_client = create_web_app(doorman, "Refresh other client")
    token = new_tokens(doorman, browser)["refresh_token"]

    assert_invalid_grant(refresh(doorman.base_url, other_client, token))
    assert refresh(doorman.base_url, doorman.web_app, token).status_code == 200


def test_unknown_refresh_token_is_invalid_grant(doorman):
    """RFC 6749 section 5.2: a refresh token that was never issued is `invalid_grant`."""
    assert_invalid_grant(refresh(doorman.base_url, doorman.web_app, "never-issued-refresh-token"))


def test_public_client_replay_revokes_its_family(doorman, browser, short_grace):
    """RFC 9700 sections 2.2.2 and 4.14.2: a public client's refresh tokens rotate too, and a rotated token
    presented after the grace window revokes the active one, so a stolen token and its thief's successors stop
    working."""
    public_app = create_web_app(doorman, "Refresh public client", "--public")
    verifier = new_verifier()
    code = code_for(browser, public_app, code_challenge=s256_challenge(verifier), code_challenge_method="S256")
    first = redeem(short_grace.base_url, public_app, code, code_verifier=verifier).json()
    rotated = refresh(short_grace.base_url, public_app, first["refresh_token"])
    assert rotated.status_code == 200, rotated.text
    assert rotated.json()["refresh_token"] != first["refresh_token"]
    time.sleep(SHORT_GRACE_SECONDS + 1.1)

    assert_invalid_grant(refresh(short_grace.base_url, public_app, first["refresh_token"]))

    assert_invalid_grant(refresh(short_grace.base_url, public_app, rotated.json()["refresh_token"]))
    assert get_me(short_grace.base_url, rotated.json()["access_token"]).status_code == 401


def test_idle_refresh_token_expires(doorman, browser):
    """RFC 9700 section 4.14.2: a refresh token expires after a time without use, 30 days by default, after
    which it is `invalid_grant`."""
    token = new_tokens(doorman, browser)["refresh_token"]
    token_hash = storage_key(token)
    with sqlite3.connect(database_path(doorman)) as connection:
        created_at, expires_at = connection.execute(
            "SELECT created_at, expires_at FROM refresh_tokens WHERE token_hash = ?", (token_hash,)).fetchone()
        assert expires_at - created_at == INACTIVITY_SECONDS
        # The token's record is moved into the past, as if it had not been used for 30 days.
        connection.execute("UPDATE refresh_tokens SET expires_at = ? WHERE token_hash = ?",
                           (int(time.time()) - 1, token_hash))

    assert_invalid_grant(refresh(doorman.base_url, doorman.web_app, token))
