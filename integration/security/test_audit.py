"""Audit events in the server's log: names `entity.outcome`, the ids involved, and never a secret."""

import re
import secrets
import time

import pytest

from browser import Browser, read_form
from doorman import DoormanServer
from grants_flow import code_for, create_web_app, redeem, refresh, signed_in_browser

LOG_WAIT_SECONDS = 5
# `TIMESTAMP LEVEL LABEL: MESSAGE key=value ...`, as the text log format writes a record.
RECORD = re.compile(r"^\S+ (?P<level>\w+) [^:]+: (?P<event>[a-z_]+\.[a-z_]+)(?P<metadata>( \S+=\S+)*)\s*$")


def events(server, name):
    """The records of audit event `name` in `server`'s log, each as a dict of its metadata."""
    records = []
    for line in list(server.log_lines):
        match = RECORD.match(line)
        if match and match["event"] == name:
            pairs = (item.split("=", 1) for item in match["metadata"].split())
            records.append(dict(pairs))
    return records


def wait_for(server, name, **expected):
    """Wait until `server` logged `name` with metadata containing `expected`, and return that record."""
    deadline = time.monotonic() + LOG_WAIT_SECONDS
    while time.monotonic() < deadline:
        for record in events(server, name):
            if all(record.get(key) == value for key, value in expected.items()):
                return record
        time.sleep(0.05)
    raise AssertionError(f"no {name} with {expected} in the log:\n{server.log}")


@pytest.fixture(scope="module")
def browser(doorman):
    return signed_in_browser(doorman)


@pytest.fixture(scope="module")
def short_grace(doorman):
    """A second `doorman serve` on the same database with a one-second grace window and its own log."""
    server = DoormanServer.start(doorman.data_dir, ["--refresh-grace-seconds", "1"])
    try:
        yield server
    finally:
        status = server.stop()
    assert status == 0, f"the second doorman serve exited with {status}:\n{server.log}"


def test_code_exchange_events_carry_ids_not_secrets(doorman, browser):
    """RFC 6749 section 10.3 and 10.5: `authorization_code.consumed` and `token.issued` name the client, user and
    grant, and the log never contains the code or the tokens."""
    code = code_for(browser, doorman.web_app)
    tokens = redeem(doorman.base_url, doorman.web_app, code).json()

    consumed = wait_for(doorman.server, "authorization_code.consumed", **{"oauth.client_id": doorman.web_app.client_id})
    issued = wait_for(doorman.server, "token.issued", **{"oauth.grant_id": consumed["oauth.grant_id"]})
    assert issued["oauth.grant_type"] == "authorization_code"
    assert issued["user.id"] == doorman.buyer.id
    for secret in (code, tokens["access_token"], tokens["refresh_token"], doorman.web_app.client_secret):
        assert secret not in doorman.server.log


def test_replayed_code_logs_replay_and_revocation(doorman, browser):
    """RFC 6749 section 10.5: a replayed code logs `authorization_code.replayed` and `grant.revoked` with the
    replay as the reason."""
    code = code_for(browser, doorman.web_app)
    assert redeem(doorman.base_url, doorman.web_app, code).status_code == 200
    assert redeem(doorman.base_url, doorman.web_app, code).status_code == 400

    replayed = wait_for(doorman.server, "authorization_code.replayed", **{"user.id": doorman.buyer.id})
    wait_for(doorman.server, "grant.revoked", reason="authorization_code.replayed",
             **{"oauth.grant_id": replayed["oauth.grant_id"]})


def test_refresh_events(doorman, browser, short_grace):
    """RFC 9700 section 4.14.2: rotation logs `refresh_token.rotated`, a retry within the window
    `refresh_token.retried`, and a replay after it `refresh_token.reused` then `grant.revoked`."""
    code = code_for(browser, doorman.web_app)
    tokens = redeem(short_grace.base_url, doorman.web_app, code).json()
    token = tokens["refresh_token"]
    successor = refresh(short_grace.base_url, doorman.web_app, token).json()
    refresh(short_grace.base_url, doorman.web_app, token)

    rotated = wait_for(short_grace, "refresh_token.rotated", **{"oauth.client_id": doorman.web_app.client_id})
    grant = rotated["oauth.grant_id"]
    wait_for(short_grace, "refresh_token.retried", **{"oauth.grant_id": grant})
    time.sleep(2.1)
    assert refresh(short_grace.base_url, doorman.web_app, token).status_code == 400
    wait_for(short_grace, "refresh_token.reused", **{"oauth.grant_id": grant})
    wait_for(short_grace, "grant.revoked", reason="refresh_token.reused", **{"oauth.grant_id": grant})
    for secret in (token, successor["refresh_token"], successor["access_token"]):
        assert secret not in short_grace.log


def test_sign_in_consent_and_sign_out(doorman):
    """RFC 6749 section 10.12: sign-in outcomes, consent and sign-out are audited, without the password."""
    browser = Browser(doorman.base_url)
    form = read_form(browser.get("/login").text, "/login")
    wrong_password = secrets.token_urlsafe(12)
    browser.post("/login", dict(form["fields"], username=doorman.buyer.username, password=wrong_password))
    wait_for(doorman.server, "sign_in.failed")

    browser = signed_in_browser(doorman)
    wait_for(doorman.server, "sign_in.succeeded", **{"user.id": doorman.buyer.id})
    app = create_web_app(doorman, "Audit consent app")
    code_for(browser, app)
    wait_for(doorman.server, "consent.granted", **{"oauth.client_id": app.client_id, "user.id": doorman.buyer.id})

    page = browser.get("/")
    logout = read_form(page.text, "/logout")
    assert browser.post("/logout", logout["fields"]).status_code == 303
    wait_for(doorman.server, "session.ended", reason="sign_out", **{"user.id": doorman.buyer.id})

    for secret in (wrong_password, doorman.buyer.password):
        assert secret not in doorman.server.log
