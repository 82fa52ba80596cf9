"""Response headers that keep tokens and codes out of caches, referrers, frames and other origins (RFC 6749
section 5.1, RFC 9700 sections 2.6, 4.2.4 and 4.16)."""

import pytest
import requests

from browser import read_form
from security_support import (
    INTROSPECT_PATH, REVOKE_PATH, TIMEOUT_SECONDS, TOKEN_PATH, body_credentials, create_web_app, post,
    signed_in_browser,
)

OAUTH_PATHS = ["/oauth", "/oauth/authorize", TOKEN_PATH, "/api/v5/oauth/token", "/oauth/token", REVOKE_PATH,
               "/v5/oauth/revoke", INTROSPECT_PATH]
FRAME_POLICY = "frame-ancestors 'none'"


def assert_no_cache(response):
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Pragma"] == "no-cache"


def test_token_response_is_not_cached(doorman, tokens, client):
    """RFC 6749 section 5.1: responses with tokens carry Cache-Control: no-store and Pragma: no-cache."""
    response = post(doorman, TOKEN_PATH, data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"],
                                               **body_credentials(client)})
    assert response.status_code == 200, response.text
    assert_no_cache(response)


def test_introspection_response_is_not_cached(doorman, tokens, client):
    """RFC 7662 section 2.2 and RFC 6749 section 5.1: introspection responses are not cached."""
    response = post(doorman, INTROSPECT_PATH, data={"token": tokens["access_token"], **body_credentials(client)})
    assert response.status_code == 200
    assert_no_cache(response)


def test_authorize_redirect_with_code(doorman):
    """RFC 9700 section 4.2.4: the redirect that carries a code is not cached and sends no Referer onwards."""
    callback = "http://127.0.0.1:9/callback/headers"
    created = create_web_app(doorman, "Security Headers App", callback)
    browser = signed_in_browser(doorman, doorman.buyer)
    consent = browser.get(f"/oauth/authorize?client_id={created['client_id']}&state=h")
    assert consent.status_code == 200, consent.text
    response = browser.allow(consent.text)

    assert response.status_code == 303
    assert "code=" in response.headers["Location"]
    assert_no_cache(response)
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_hub_launch_redirect_with_code(doorman):
    """RFC 9700 section 4.2.4: the launch redirect from the hub, which carries a code, is not cached and sends no
    Referer onwards."""
    callback = "http://127.0.0.1:9/callback/launch"
    created = create_web_app(doorman, "Security Launch App", callback)
    browser = signed_in_browser(doorman, doorman.buyer)
    action = f"/hub/webapps/{created['id']}/open"
    form = read_form(browser.get("/").text, action)
    response = browser.post(action, form["fields"])

    assert response.status_code == 303
    assert response.headers["Location"].startswith(callback + "?code=")
    assert_no_cache(response)
    assert response.headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize("path", ["/", "/login", "/signup", "/oauth/authorize?client_id=app_unknown", "/dashboard"])
def test_pages_refuse_framing_and_referrers(doorman, path):
    """RFC 9700 section 4.16: every page forbids framing with CSP frame-ancestors 'none' and X-Frame-Options: DENY,
    and sends Referrer-Policy: no-referrer."""
    response = signed_in_browser(doorman, doorman.buyer).get(path)
    assert FRAME_POLICY in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize("path", OAUTH_PATHS)
def test_preflight_gets_no_cors_allowance(doorman, path):
    """RFC 9700 section 2.6: the authorization, token, revocation and introspection endpoints grant no CORS
    access: an OPTIONS preflight gets no Access-Control-* field."""
    response = requests.options(doorman.base_url + path, timeout=TIMEOUT_SECONDS, headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
    })
    assert response.status_code == 405
    assert [name for name in response.headers if name.lower().startswith("access-control-")] == []


@pytest.mark.parametrize("path", [TOKEN_PATH, REVOKE_PATH, INTROSPECT_PATH])
def test_cross_origin_post_gets_no_cors_allowance(doorman, client, path):
    """RFC 9700 section 2.6: a cross-origin POST gets no Access-Control-* field, so a browser hides the response."""
    response = post(doorman, path, data={"token": "t", **body_credentials(client)},
                    headers={"Origin": "https://evil.example"})
    assert [name for name in response.headers if name.lower().startswith("access-control-")] == []


def test_no_strict_transport_security_over_http(doorman):
    """RFC 6797 section 7.2: a server whose public URL is plain http sends no Strict-Transport-Security."""
    for path in ["/", "/login", "/healthz", "/.well-known/oauth-authorization-server"]:
        response = requests.get(doorman.base_url + path, timeout=TIMEOUT_SECONDS, allow_redirects=False)
        assert "Strict-Transport-Security" not in response.headers, path


@pytest.mark.parametrize("method, path", [
    ("GET", "/"), ("GET", "/login"), ("GET", "/healthz"), ("GET", "/.well-known/oauth-authorization-server"),
    ("POST", TOKEN_PATH), ("POST", REVOKE_PATH), ("GET", "/no-such-route"), ("GET", "/v5/me"),
])
def test_strict_transport_security_with_https_public_url(https_server, method, path):
    """RFC 6797 section 7.1: a server whose public URL is https sends Strict-Transport-Security on every
    response, errors included."""
    response = requests.request(method, https_server.base_url + path, timeout=TIMEOUT_SECONDS,
                                allow_redirects=False)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
