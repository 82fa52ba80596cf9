"""Helpers of the PKCE, refresh token and audit tests: a signed-in browser, extra web apps and token requests."""

import base64
import hashlib
import secrets
from urllib.parse import urlencode

import requests

from browser import Browser, read_form
from doorman import WebApp, run_admin

TIMEOUT_SECONDS = 10
TOKEN_PATH = "/v5/oauth/token"


def s256_challenge(verifier):
    """BASE64URL(SHA256(ASCII(verifier))) without padding (RFC 7636 section 4.2)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def new_verifier():
    """Return a verifier of 43 characters from 32 random bytes, as RFC 7636 section 4.1 recommends."""
    return secrets.token_urlsafe(32)


def signed_in_browser(doorman, account=None):
    """Return a browser session signed in on the hub as `account`, the buyer by default."""
    account = account or doorman.buyer
    browser = Browser(doorman.base_url)
    page = browser.get("/login")
    assert page.status_code == 200, page.text
    form = read_form(page.text, "/login")
    response = browser.post("/login", dict(form["fields"], username=account.username, password=account.password))
    assert response.status_code in (302, 303), response.text
    return browser


def authorize(browser, web_app, **parameters):
    """Send an authorization request for `web_app` with `parameters` added, allow on the consent page if it is
    shown, and return the redirect to the callback."""
    query = {"client_id": web_app.client_id, "redirect_uri": web_app.redirect_uri, "response_type": "code",
             "state": secrets.token_urlsafe(8)}
    query.update(parameters)
    response = browser.get("/oauth/authorize?" + urlencode(query))
    if response.status_code == 200:
        response = browser.allow(response.text)
    assert response.status_code in (302, 303), response.text
    callback = browser.callback(response, web_app)
    assert callback.parameters.get("state") == query["state"]
    return callback


def code_for(browser, web_app, **parameters):
    """Authorize `web_app` with `parameters` and return the code, failing on an error redirect."""
    callback = authorize(browser, web_app, **parameters)
    assert "error" not in callback.parameters, callback.location
    return callback.parameters["code"]


def create_web_app(doorman, name, *flags):
    """Register a web app for the session's product with `doorman webapp create` and `flags`, such as `--public`
    or `--require-pkce`, on the callback of the session's web app."""
    created = run_admin(doorman.data_dir, "webapp", "create", "--name", name, "--callback-url",
                        doorman.web_app.redirect_uri, "--product", doorman.product_id, *flags)
    return WebApp(client_id=created["client_id"], client_secret=created.get("client_secret") or "",
                  redirect_uri=doorman.web_app.redirect_uri)


def token_request(base_url, web_app, with_secret=True, **parameters):
    """POST a form to the token endpoint with the client's id, its secret unless `with_secret` is false, and
    `parameters`."""
    data = {"client_id": web_app.client_id}
    if with_secret and web_app.client_secret:
        data["client_secret"] = web_app.client_secret
    data.update(parameters)
    return requests.post(base_url + TOKEN_PATH, data=data, timeout=TIMEOUT_SECONDS)


def redeem(base_url, web_app, code, **parameters):
    """Exchange `code` for tokens with the `authorization_code` grant."""
    return token_request(base_url, web_app, grant_type="authorization_code", code=code,
                         redirect_uri=web_app.redirect_uri, **parameters)


def refresh(base_url, web_app, refresh_token, **parameters):
    """Exchange `refresh_token` for new tokens with the `refresh_token` grant."""
    return token_request(base_url, web_app, grant_type="refresh_token", refresh_token=refresh_token, **parameters)


def get_me(base_url, access_token):
    return requests.get(base_url + "/v5/me", headers={"Authorization": f"Bearer {access_token}"},
                        timeout=TIMEOUT_SECONDS)
