"""What the sign-in and consent pages do with values from the request, where they send the browser, and the
session cookie (RFC 6749 sections 10.13 to 10.15, RFC 6750 section 5.3, RFC 9700 sections 4.11 and 4.16)."""

import secrets
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import pytest
import requests

from browser import Browser, read_form
from security_support import TIMEOUT_SECONDS, create_web_app, signed_in_browser

HOSTILE_STATE = "\"><script>alert(1)</script><a href='x'>&amp;"
CONSENT_CALLBACK_URL = "http://127.0.0.1:9/callback/pages"
FRAME_POLICY = "frame-ancestors 'none'"
# `return_to` values that would leave the site if they were followed.
FOREIGN_TARGETS = [
    "https://evil.example/", "//evil.example/", "/\\evil.example/", "\\\\evil.example", "/\t/evil.example",
    "javascript:alert(1)", "http:evil.example",
]


@pytest.fixture
def consent_app(doorman):
    """A new web app that no one has consented to, so that its authorization requests show the consent page until
    the buyer presses Allow."""
    return create_web_app(doorman, "Pages consent app " + secrets.token_hex(4), CONSENT_CALLBACK_URL)


def consent_page(doorman, consent_app, state):
    """Sign the buyer in, open the consent page of `consent_app` with `state`, and return the browser and page."""
    browser = signed_in_browser(doorman, doorman.buyer)
    response = browser.get("/oauth/authorize?" + urlencode({"client_id": consent_app["client_id"], "state": state}))
    assert response.status_code == 200, response.text
    return browser, response


def test_state_is_escaped_on_the_consent_page(doorman, consent_app):
    """RFC 6749 section 10.14: `state` is escaped before it is written into HTML, so markup in it stays text, and
    the consent form carries it back unchanged."""
    _, response = consent_page(doorman, consent_app, HOSTILE_STATE)

    assert "<script>" not in response.text
    assert HOSTILE_STATE not in response.text
    assert read_form(response.text, "/oauth/authorize")["fields"]["state"] == HOSTILE_STATE


@pytest.mark.parametrize("state", [HOSTILE_STATE, "line\r\nSet-Cookie: planted=1", "tab\there"])
def test_state_is_encoded_in_the_location_header(doorman, consent_app, state):
    """RFC 6749 section 10.14: `state` is percent-encoded before it is written into the Location header, so it
    cannot add header fields, and the client reads it back unchanged."""
    browser, page = consent_page(doorman, consent_app, state)
    response = browser.allow(page.text)
    location = response.headers["Location"]

    assert response.status_code == 303
    assert "planted" not in response.headers.get("Set-Cookie", "")
    assert all(character not in location for character in "\r\n\t\"<> ")
    assert parse_qs(urlsplit(location).query)["state"] == [state]


def test_consent_page_refuses_framing(doorman, consent_app):
    """RFC 9700 section 4.16 and RFC 6749 section 10.13: the consent page, the one a clickjacking attack targets,
    forbids framing with CSP `frame-ancestors 'none'` and `X-Frame-Options: DENY`."""
    _, response = consent_page(doorman, consent_app, "s")
    assert FRAME_POLICY in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize("target", FOREIGN_TARGETS)
def test_sign_in_never_returns_to_another_site(doorman, target):
    """RFC 6749 section 10.15 and RFC 9700 section 4.11: the sign-in form's `return_to` is followed only when it
    is a path on this site, so sign-in is no open redirector. Any other value leads to `/`."""
    browser = Browser(doorman.base_url)
    form = read_form(browser.get("/login?" + urlencode({"return_to": target})).text, "/login")
    fields = dict(form["fields"], username=doorman.buyer.username, password=doorman.buyer.password,
                  return_to=target)

    response = browser.post("/login", fields)

    assert response.status_code == 303
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize("target", FOREIGN_TARGETS)
def test_signed_in_login_page_never_leaves_the_site(doorman, target):
    """RFC 6749 section 10.15: a signed-in user who opens the sign-in page is sent on to `return_to` only when it
    is a path on this site."""
    browser = signed_in_browser(doorman, doorman.buyer)
    response = browser.get("/login?return_to=" + quote(target, safe=""))
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_session_cookie_attributes_over_http(doorman):
    """RFC 6750 section 5.3 and RFC 6749 section 10.12: the session cookie is `HttpOnly` and `SameSite=Lax`, and
    over plain http it cannot be `Secure`."""
    response = requests.get(doorman.base_url + "/login", timeout=TIMEOUT_SECONDS)
    cookie = response.headers["Set-Cookie"]
    attributes = [part.strip() for part in cookie.split(";")]

    assert cookie.startswith("doorman_session=")
    assert "HttpOnly" in attributes
    assert "SameSite=Lax" in attributes
    assert "Secure" not in attributes


def test_session_cookie_is_secure_with_https_public_url(https_server):
    """RFC 6750 section 5.3: nothing that grants access may travel in clear, so with an https public URL the
    session cookie is `Secure` and the browser sends it over TLS only."""
    response = requests.get(https_server.base_url + "/login", timeout=TIMEOUT_SECONDS)
    attributes = [part.strip() for part in response.headers["Set-Cookie"].split(";")]
    assert "Secure" in attributes
    assert "HttpOnly" in attributes


def test_no_token_or_code_in_a_cookie(doorman, consent_app):
    """RFC 6750 section 5.3: tokens are not stored in cookies. The only cookie Doorman sets during an
    authorization is the session cookie, which contains a session id."""
    browser, page = consent_page(doorman, consent_app, "s")
    browser.allow(page.text)
    assert {cookie.name for cookie in browser.session.cookies} == {"doorman_session"}
