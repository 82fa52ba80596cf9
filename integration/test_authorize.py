"""The authorization endpoint as a browser meets it: proof of purchase, and what the server log leaves out."""

import secrets
import time

import requests

import wire
from browser import Browser


def test_visitor_without_membership_denied(doorman):
    state = secrets.token_urlsafe(16)
    callback = Browser(doorman.base_url).sign_in_and_authorize(
        doorman.web_app, doorman.visitor.username, doorman.visitor.password, state
    )

    assert "code" not in callback.parameters, callback.location
    assert callback.parameters.get("error") == "access_denied"
    assert callback.parameters.get("error_description") == wire.ACCESS_DENIED
    assert callback.parameters.get("state") == state


def test_server_log_leaves_out_secrets(doorman, obtain_code):
    code = obtain_code(doorman.buyer.username, doorman.buyer.password)
    web_app = doorman.web_app
    response = requests.post(
        doorman.base_url + "/v5/oauth/token",
        json={
            "code": code,
            "client_id": web_app.client_id,
            "client_secret": web_app.client_secret,
            "redirect_uri": web_app.redirect_uri,
        },
        timeout=10,
    )
    assert response.status_code == 200, response.text
    tokens = response.json()

    # The access-log line of the token request is written after the response is sent.
    request_id = response.headers["X-Request-Id"]
    deadline = time.monotonic() + 5
    while request_id not in doorman.server.log and time.monotonic() < deadline:
        time.sleep(0.05)
    log = doorman.server.log
    assert request_id in log, "the token request never reached the server log"

    secrets_sent = {
        "password": doorman.buyer.password,
        "authorization code": code,
        "client secret": web_app.client_secret,
        "access token": tokens["access_token"],
        "refresh token": tokens["refresh_token"],
    }
    for name, value in secrets_sent.items():
        assert value not in log, f"the server log contains the {name}"
