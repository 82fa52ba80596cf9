"""Redirect URI rules: registration, exact matching, and redirects that never reach an unverified URI
(RFC 6749 section 3.1.2, RFC 9700 sections 2.1, 2.6 and 4.1)."""

import sqlite3
from urllib.parse import urlencode

import pytest

from browser import read_form
from security_support import create_web_app, database_path, signed_in_browser, try_create_web_app

# Redirect URIs that registration refuses, with a part of the reason the refusal names.
REFUSED = [
    ("https://user@app.example/cb", "userinfo"),
    ("https://app.example@evil.example/cb", "userinfo"),
    ("https://app.example\\@evil.example/cb", "backslash"),
    ("https://app.example/a%2e%2e/cb", "percent-encoded dot"),
    ("https://app.example/a%2Fcb", "percent-encoded dot, slash"),
    ("https://app.example/%5Ccb", "percent-encoded"),
    ("https://\uff41pp.example/cb", "U+FF41"),
    ("https://app.example/\uff0fcb", "U+FF0F"),
    ("https://ex\u0430mple.com/cb", "U+0430"),
    ("https://app.example/cb#done", "fragment"),
    ("https://a.example/cb,https://b.example/cb", "comma"),
    ("http://app.example/cb", "uses http"),
    ("http://127.0.0.1.evil.example/cb", "uses http"),
    ("javascript://app.example/%0Aalert(1)", "scheme"),
]


@pytest.mark.parametrize("uri, reason", REFUSED)
def test_registration_refuses_unsafe_uri(doorman, uri, reason):
    """RFC 9700 sections 2.1 and 4.1: `doorman webapp create` refuses a redirect URI with userinfo, a backslash,
    encoded dots or slashes, look-alike characters, a fragment, a comma-joined list, or plain http off loopback,
    and names the problem."""
    completed = try_create_web_app(doorman, uri)
    assert completed.returncode == 2, completed.stdout
    assert "--callback-url" in completed.stderr
    assert reason in completed.stderr, completed.stderr


@pytest.mark.parametrize("uri", ["http://127.0.0.1:3000/cb", "http://[::1]:3000/cb", "http://localhost:3000/cb"])
def test_registration_accepts_http_on_loopback(doorman, uri):
    """RFC 9700 section 2.6: plain http is allowed for loopback hosts: 127.0.0.1, [::1] and localhost."""
    completed = try_create_web_app(doorman, uri)
    assert completed.returncode == 0, completed.stderr


def authorize_path(client_id, redirect_uri=None, state="s"):
    pairs = [("client_id", client_id), ("response_type", "code"), ("state", state)]
    if redirect_uri is not None:
        pairs.append(("redirect_uri", redirect_uri))
    return "/oauth/authorize?" + urlencode(pairs)


def assert_error_page(response):
    assert response.status_code == 400, response.text
    assert "Location" not in response.headers
    assert "<code>invalid_redirect_uri</code>" in response.text


MISMATCHED = [
    "{callback}/",
    "{callback}x",
    "{callback}?extra=1",
    "{callback}#fragment",
    "http://user@127.0.0.1:9/callback/whop",
    "http://127.0.0.1:9/callback/%77hop",
    "http://127.0.0.1:9/Callback/whop",
    "http://127.0.0.1:09/callback/whop",
    "http://127.0.0.1/callback/whop",
    "http://localhost:9/callback/whop",
    "https://evil.example/callback/whop",
    "http://127.0.0.1:9/callback/whop,https://evil.example/",
]


@pytest.mark.parametrize("template", MISMATCHED)
def test_mismatched_redirect_uri_is_error_page(doorman, template):
    """RFC 6749 sections 3.1.2.3 and 4.1.2.1: a redirect URI that is not byte-for-byte a registered one gets an
    error page and no redirect, even for a signed-in user."""
    browser = signed_in_browser(doorman, doorman.buyer)
    requested = template.format(callback=doorman.web_app.redirect_uri)
    assert_error_page(browser.get(authorize_path(doorman.web_app.client_id, requested)))


def test_unknown_client_is_error_page(doorman):
    """RFC 6749 section 4.1.2.1: an unknown client gets an error page, never a redirect to the URI it sent."""
    browser = signed_in_browser(doorman, doorman.buyer)
    response = browser.get(authorize_path("app_unknown", "https://evil.example/cb"))
    assert response.status_code == 400
    assert "Location" not in response.headers
    assert "<code>invalid_client</code>" in response.text


STALE_CALLBACK_URL = "http://127.0.0.1:9/callback/stale"


@pytest.fixture(scope="module")
def stale_web_app(doorman):
    """A web app whose stored redirect URI was changed to plain http off loopback in the database, as a record
    written before the registration rules, or by hand, could hold. Returns the `webapp create` output."""
    created = create_web_app(doorman, "Security Stale App", STALE_CALLBACK_URL)
    with sqlite3.connect(database_path(doorman)) as connection:
        changed = connection.execute(
            "UPDATE web_app_redirect_uris SET uri = ? WHERE uri = ?",
            ("http://evil.example/callback", STALE_CALLBACK_URL),
        ).rowcount
    assert changed == 1
    return created


@pytest.mark.parametrize("send_redirect_uri", [False, True])
def test_stored_unverified_uri_is_never_redirected_to(doorman, stale_web_app, send_redirect_uri):
    """RFC 9700 section 4.11: an error or success redirect never reaches a URI that fails the registration
    rules, even when it is stored. The error page shows the problem instead."""
    browser = signed_in_browser(doorman, doorman.buyer)
    requested = "http://evil.example/callback" if send_redirect_uri else None
    assert_error_page(browser.get(authorize_path(stale_web_app["client_id"], requested)))


def test_launch_never_reaches_stored_unverified_uri(doorman, stale_web_app):
    """RFC 9700 section 4.11: a launch from the hub never redirects to a stored URI that fails the registration
    rules."""
    browser = signed_in_browser(doorman, doorman.buyer)
    action = f"/hub/webapps/{stale_web_app['id']}/open"
    form = read_form(browser.get("/").text, action)
    response = browser.post(action, form["fields"])
    assert response.status_code == 409
    assert "Location" not in response.headers
    assert "evil.example" not in response.text


def test_redirects_after_credential_posts_are_303(doorman):
    """RFC 9700 section 4.12: the redirect after the sign-in POST and after the consent POST is 303, never 307."""
    callback = "http://127.0.0.1:9/callback/consent"
    created = create_web_app(doorman, "Security Consent App", callback)
    browser = signed_in_browser(doorman, doorman.buyer)  # checks the 303 after the sign-in POST
    consent = browser.get(authorize_path(created["client_id"], callback))
    assert consent.status_code == 200, consent.text
    response = browser.allow(consent.text)
    assert response.status_code == 303
    assert response.headers["Location"].startswith(callback + "?code=")
