"""Rate limits of a live `doorman serve` started with small limits: the token endpoint, sign-in and the
authorization endpoint, and the client address taken from `X-Forwarded-For` only behind a trusted proxy.

Two servers run for this module. `proxied` trusts 127.0.0.1 as a reverse proxy, so each test sends its own
`X-Forwarded-For` address and counts against its own per-address counters. `direct` trusts no proxy."""

import re
import secrets
import time

import pytest
import requests

import browser
from doorman import DoormanServer, WebApp, create_account, migrate, run_admin

TIMEOUT_SECONDS = 10
RATE_LIMITED_BODY = {"message": "You are being rate limited"}
CALLBACK_URL = "http://127.0.0.1:9/callback/rate-limits"

# Small limits, so that a test reaches each one in a few requests and waits at most a few seconds.
PROXIED_FLAGS = (
    "--trusted-proxy", "127.0.0.1,::1",
    "--token-limit-per-client", "3/3",
    "--token-limit-per-address", "off",
    "--sign-in-limit-per-address", "5/60",
    "--sign-in-failure-limit", "2/600",
    "--sign-in-delay", "1",
    "--sign-in-max-delay", "4",
    "--authorize-limit-per-address", "3/60",
    "--rate-limit-lease", "1",
)
DIRECT_FLAGS = ("--token-limit-per-client", "off", "--token-limit-per-address", "2/60", "--rate-limit-lease", "1")


class Deployment:
    """A running server with a buyer, a second account and a web app whose product the buyer holds."""

    def __init__(self, server, web_app, buyer, bystander):
        self.server = server
        self.base_url = server.base_url
        self.web_app = web_app
        self.buyer = buyer
        self.bystander = bystander


def start_deployment(data_dir, flags):
    """Seed a new data directory through the administration commands and start `doorman serve` with `flags`."""
    migrate(data_dir)
    seller = create_account(data_dir, "seller", secrets.token_urlsafe(16))
    buyer = create_account(data_dir, "buyer", secrets.token_urlsafe(16))
    bystander = create_account(data_dir, "bystander", secrets.token_urlsafe(16))
    company = run_admin(data_dir, "company", "create", "--owner", seller.id, "--name", "Limits Company")
    product = run_admin(data_dir, "product", "create", "--company", company["id"], "--title", "Limits Product")
    plan = run_admin(
        data_dir, "plan", "create", "--product", product["id"], "--price", "100", "--currency", "usd",
        "--renewal", "30",
    )
    run_admin(data_dir, "membership", "grant", "--user", buyer.id, "--plan", plan["id"])
    created = run_admin(
        data_dir, "webapp", "create", "--name", "Limits Web App", "--callback-url", CALLBACK_URL,
        "--product", product["id"],
    )
    web_app = WebApp(client_id=created["client_id"], client_secret=created["client_secret"], redirect_uri=CALLBACK_URL)
    return Deployment(DoormanServer.start(data_dir, flags), web_app, buyer, bystander)


def stop_deployment(deployment):
    status = deployment.server.stop()
    assert status == 0, f"doorman serve exited with {status} after SIGTERM:\n{deployment.server.log}"


@pytest.fixture(scope="module")
def proxied(tmp_path_factory):
    deployment = start_deployment(str(tmp_path_factory.mktemp("doorman-proxied")), PROXIED_FLAGS)
    yield deployment
    stop_deployment(deployment)


@pytest.fixture(scope="module")
def direct(tmp_path_factory):
    deployment = start_deployment(str(tmp_path_factory.mktemp("doorman-direct")), DIRECT_FLAGS)
    yield deployment
    stop_deployment(deployment)


def token_request(deployment, client_id, secret="wrong secret", forwarded_for=None, code="no-such-code"):
    """Post a token request with a form body; a wrong secret gets 401, which still counts against the limits."""
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return requests.post(
        deployment.base_url + "/v5/oauth/token",
        data={"code": code, "client_id": client_id, "client_secret": secret,
              "redirect_uri": deployment.web_app.redirect_uri},
        headers=headers, timeout=TIMEOUT_SECONDS,
    )


def sign_in(deployment, username, password, forwarded_for):
    """Fetch the sign-in form in a new session and post it from `forwarded_for`, without following redirects."""
    session = requests.Session()
    session.headers["X-Forwarded-For"] = forwarded_for
    form = session.get(deployment.base_url + "/login", timeout=TIMEOUT_SECONDS)
    assert form.status_code == 200, form.text
    fields = browser.read_form(form.text, "/login")["fields"]
    fields.update(username=username, password=password)
    return session.post(deployment.base_url + "/login", data=fields, allow_redirects=False, timeout=TIMEOUT_SECONDS)


def retry_after(response):
    """Return the `Retry-After` of a 429 as whole seconds, failing the test when it is not a positive integer."""
    value = response.headers.get("Retry-After", "")
    assert re.fullmatch(r"[1-9][0-9]*", value), f"Retry-After {value!r} is not a positive number of seconds"
    return int(value)


def test_token_burst_gets_429(proxied):
    """RFC 6749 section 2.3.1: the token endpoint checks client passwords, so it must be protected against
    brute force. A burst over the per-client limit gets 429 with Retry-After (RFC 6585 section 4) and the
    v5 API's exact body."""
    client_id = "burst-" + secrets.token_hex(4)
    for _ in range(3):
        assert token_request(proxied, client_id).status_code == 401

    limited = token_request(proxied, client_id)

    assert limited.status_code == 429
    assert limited.json() == RATE_LIMITED_BODY
    assert limited.headers["Content-Type"] == "application/json; charset=utf-8"
    assert 1 <= retry_after(limited) <= 3
    assert token_request(proxied, "other-" + secrets.token_hex(4)).status_code == 401


def test_revocation_and_introspection_share_the_client_limit(proxied):
    """RFC 6749 section 2.3.1: every endpoint that checks a client secret is protected against brute force. Wrong
    secrets at the revocation and introspection endpoints count against the token endpoint's per-client limit, so
    spreading guesses over the three endpoints gains nothing."""
    client_id = "spread-" + secrets.token_hex(4)
    guess = {"token": "unknown-token", "client_id": client_id, "client_secret": "wrong secret"}
    statuses = [
        requests.post(proxied.base_url + path, data=guess, timeout=TIMEOUT_SECONDS).status_code
        for path in ["/oauth/revoke", "/oauth/introspect", "/v5/oauth/revoke"]
    ]

    limited = [
        requests.post(proxied.base_url + path, data=guess, timeout=TIMEOUT_SECONDS)
        for path in ["/oauth/revoke", "/oauth/introspect"]
    ]

    assert statuses == [401, 401, 401]
    assert [response.status_code for response in limited] == [429, 429]
    assert limited[0].json() == RATE_LIMITED_BODY
    assert 1 <= retry_after(limited[0]) <= 3
    assert token_request(proxied, client_id).status_code == 429


def test_token_succeeds_after_retry_after(proxied):
    """RFC 6585 section 4: Retry-After gives the seconds to wait. Once it has passed, the same client's code
    exchange (RFC 6749 section 4.1.3) succeeds again."""
    web_app = proxied.web_app
    for _ in range(3):
        token_request(proxied, web_app.client_id)
    limited = token_request(proxied, web_app.client_id)
    assert limited.status_code == 429

    code = browser.obtain_code(proxied.base_url, web_app, proxied.buyer.username, proxied.buyer.password)
    time.sleep(retry_after(limited) + 0.2)
    response = token_request(proxied, web_app.client_id, secret=web_app.client_secret, code=code)

    assert response.status_code == 200, response.text
    assert response.json()["token_type"] == "Bearer"


def test_failed_password_streak_slows_account(proxied):
    """RFC 6749 section 10.10: the authorization server must prevent guessing of resource owner passwords.
    After 2 failures the account waits 1 second, doubling with each further failure, while another account
    signs in at once."""
    address = "198.51.100.10"
    buyer = proxied.buyer
    assert sign_in(proxied, buyer.username, "wrong 1", address).status_code == 200
    assert sign_in(proxied, buyer.username, "wrong 2", address).status_code == 200

    limited = sign_in(proxied, buyer.username, buyer.password, address)

    assert limited.status_code == 429
    assert limited.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "You are being rate limited." in limited.text
    assert retry_after(limited) == 1
    assert sign_in(proxied, proxied.bystander.username, proxied.bystander.password, address).status_code == 303

    time.sleep(retry_after(limited) + 0.2)
    assert sign_in(proxied, buyer.username, buyer.password, address).status_code == 303


def test_sign_in_attempts_per_address(proxied):
    """RFC 6749 section 10.10: guessing passwords across many accounts from one address is limited too: the
    sixth attempt in a minute from one client address gets 429, whatever the username."""
    address = "198.51.100.20"
    for index in range(5):
        assert sign_in(proxied, f"nobody{index}", "guess", address).status_code == 200

    limited = sign_in(proxied, "nobody9", "guess", address)

    assert limited.status_code == 429
    assert retry_after(limited) <= 60
    assert sign_in(proxied, "nobody9", "guess", "198.51.100.21").status_code == 200


def test_trusted_proxy_names_client(proxied):
    """RFC 9700 section 4.13: behind a reverse proxy the address in X-Forwarded-For is used only when the peer
    is a trusted proxy, and then the right-most address that is not a trusted proxy is the client. Each client
    address has its own authorization endpoint counter, and the access log shows the client address."""
    path = "/oauth/authorize?" + "client_id=" + proxied.web_app.client_id
    client, other = "203.0.113.7", "203.0.113.8"
    for _ in range(3):
        headers = {"X-Forwarded-For": f"6.6.6.{secrets.randbelow(250)}, {client}"}
        response = requests.get(proxied.base_url + path, headers=headers, allow_redirects=False,
                                timeout=TIMEOUT_SECONDS)
        assert response.status_code != 429

    limited = requests.get(proxied.base_url + path, headers={"X-Forwarded-For": client}, allow_redirects=False,
                           timeout=TIMEOUT_SECONDS)
    fresh = requests.get(proxied.base_url + path, headers={"X-Forwarded-For": other}, allow_redirects=False,
                         timeout=TIMEOUT_SECONDS)

    assert limited.status_code == 429
    assert "You are being rate limited." in limited.text
    assert fresh.status_code != 429
    assert f"client.address={client}" in proxied.server.log


def test_spoofed_forwarded_for_is_ignored(direct):
    """RFC 9700 section 4.13: a forwarded header from a peer that is not a trusted proxy can be forged, so it is
    ignored. Three token requests that each claim another X-Forwarded-For count against the one peer address,
    whose limit is 2."""
    statuses = [
        token_request(direct, "spoof-client", forwarded_for=f"198.51.100.{index}").status_code
        for index in range(3)
    ]

    assert statuses == [401, 401, 429]
