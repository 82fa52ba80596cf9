"""OAuth requests of the multi-instance tests, each aimed at one base URL: an instance, or nginx in front."""

import secrets
from urllib.parse import urlencode

import requests

from browser import Browser

TIMEOUT_SECONDS = 10


def exchange(base_url, web_app, code, verify=True):
    """Redeem `code` at the token endpoint with a form body and the client's secret."""
    return requests.post(
        base_url + "/v5/oauth/token",
        data={
            "code": code,
            "client_id": web_app.client_id,
            "client_secret": web_app.client_secret,
            "redirect_uri": web_app.redirect_uri,
        },
        verify=verify,
        timeout=TIMEOUT_SECONDS,
    )


def get_me(base_url, access_token, verify=True):
    return requests.get(base_url + "/v5/me", headers={"Authorization": f"Bearer {access_token}"}, verify=verify,
                        timeout=TIMEOUT_SECONDS)


def refresh(base_url, web_app, refresh_token, verify=True):
    return requests.post(
        base_url + "/v5/oauth/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": web_app.client_id,
            "client_secret": web_app.client_secret,
        },
        verify=verify,
        timeout=TIMEOUT_SECONDS,
    )


def revoke(base_url, web_app, token, verify=True):
    """Send a token revocation request (RFC 7009 section 2.1) with the client's credentials in the body."""
    return requests.post(
        base_url + "/oauth/revoke",
        data={"token": token, "client_id": web_app.client_id, "client_secret": web_app.client_secret},
        verify=verify,
        timeout=TIMEOUT_SECONDS,
    )


class CodeSource:
    """A signed-in browser session that obtains authorization codes one after another.

    The first code needs sign-in and consent. Later ones need one request each, because the stored consent
    skips the consent page."""

    def __init__(self, base_url, web_app, account, verify=True):
        self.browser = Browser(base_url)
        self.browser.session.verify = verify
        # Otherwise REQUESTS_CA_BUNDLE from the environment would replace the session's certificate.
        self.browser.session.trust_env = False
        self.web_app = web_app
        self.account = account
        self.signed_in = False

    def next_code(self):
        state = secrets.token_urlsafe(16)
        if not self.signed_in:
            callback = self.browser.sign_in_and_authorize(self.web_app, self.account.username, self.account.password,
                                                          state)
            self.signed_in = True
        else:
            response = self.browser.get("/oauth/authorize?" + urlencode({
                "client_id": self.web_app.client_id,
                "redirect_uri": self.web_app.redirect_uri,
                "response_type": "code",
                "state": state,
            }))
            assert response.status_code == 302, f"authorize answered {response.status_code}: {response.text}"
            callback = Browser.callback(response, self.web_app)
        assert callback.parameters.get("state") == state, callback.location
        assert callback.parameters.get("code"), f"no code in {callback.location}"
        return callback.parameters["code"]
