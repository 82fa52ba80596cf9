"""Authorization server metadata at GET /.well-known/oauth-authorization-server (RFC 8414), compared with what
the endpoints do."""

import base64
import hashlib
import secrets
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests

from security_support import (
    CLIENT_ENDPOINTS, HTTPS_PUBLIC_URL, METADATA_PATH, TIMEOUT_SECONDS, TOKEN_PATH, basic_header, body_credentials,
    oauth_error, post, signed_in_browser,
)

# What each endpoint returns for the request of CLIENT_ENDPOINTS once the client is authenticated.
AUTHENTICATED_STATUS = {"token_endpoint": 400, "revocation_endpoint": 200, "introspection_endpoint": 200}
ENDPOINT_AUTH_METHODS = {
    "token_endpoint": "token_endpoint_auth_methods_supported",
    "revocation_endpoint": "revocation_endpoint_auth_methods_supported",
    "introspection_endpoint": "introspection_endpoint_auth_methods_supported",
}


def metadata(base_url):
    response = requests.get(base_url + METADATA_PATH, timeout=TIMEOUT_SECONDS)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    return response.json()


def test_issuer_is_the_public_url(doorman):
    """RFC 8414 sections 2 and 3.3: `issuer` is the server's URL without query or fragment, and equals the URL
    the document was fetched from. By default it is http://HOST:PORT of the listening socket."""
    document = metadata(doorman.base_url)
    assert document["issuer"] == doorman.base_url
    for name in ["authorization_endpoint", "token_endpoint", "revocation_endpoint", "introspection_endpoint"]:
        assert document[name].startswith(doorman.base_url + "/"), name


def test_issuer_follows_public_url_option(https_server):
    """RFC 8414 section 2: with `--public-url`, the issuer and every endpoint URL use that URL."""
    document = metadata(https_server.base_url)
    assert document["issuer"] == HTTPS_PUBLIC_URL
    assert document["token_endpoint"] == HTTPS_PUBLIC_URL + "/v5/oauth/token"
    assert document["authorization_endpoint"] == HTTPS_PUBLIC_URL + "/oauth/authorize"


def test_document_lists_exactly_what_works(doorman):
    """RFC 8414 section 2: the document advertises the code flow, both grants, the client authentication methods
    of each endpoint, S256 without plain, and the scopes."""
    document = metadata(doorman.base_url)
    base = doorman.base_url
    assert document == {
        "issuer": base,
        "authorization_endpoint": base + "/oauth/authorize",
        "token_endpoint": base + "/v5/oauth/token",
        "scopes_supported": ["api", "openid", "read_user", "user"],
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
        "revocation_endpoint": base + "/oauth/revoke",
        "revocation_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
        "introspection_endpoint": base + "/oauth/introspect",
        "introspection_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "code_challenge_methods_supported": ["S256"],
    }


def send_with_method(doorman, path, method, client, public_client):
    parameters = CLIENT_ENDPOINTS[path]
    if method == "client_secret_basic":
        return post(doorman, path, data=parameters,
                    headers={"Authorization": basic_header(client.client_id, client.secret)})
    if method == "client_secret_post":
        return post(doorman, path, data={**parameters, **body_credentials(client)})
    if method == "none":
        return post(doorman, path, data={**parameters, "client_id": public_client.client_id})
    raise AssertionError(f"the document advertises an authentication method no test knows: {method}")


@pytest.mark.parametrize("endpoint", ENDPOINT_AUTH_METHODS)
def test_every_advertised_auth_method_works(doorman, client, public_client, endpoint):
    """RFC 8414 section 2: each advertised client authentication method authenticates at its endpoint."""
    document = metadata(doorman.base_url)
    path = urlsplit(document[endpoint]).path
    for method in document[ENDPOINT_AUTH_METHODS[endpoint]]:
        response = send_with_method(doorman, path, method, client, public_client)
        assert response.status_code == AUTHENTICATED_STATUS[endpoint], f"{method}: {response.text}"


@pytest.mark.parametrize("endpoint", ENDPOINT_AUTH_METHODS)
def test_unadvertised_none_fails(doorman, client, public_client, endpoint):
    """RFC 8414 section 2: where `none` is not advertised, a public client cannot authenticate: 401
    invalid_client."""
    document = metadata(doorman.base_url)
    if "none" in document[ENDPOINT_AUTH_METHODS[endpoint]]:
        pytest.skip("none is advertised here")
    path = urlsplit(document[endpoint]).path
    response = send_with_method(doorman, path, "none", client, public_client)
    assert oauth_error(response) == (401, "invalid_client")


def authorize(browser, doorman, **extra):
    web_app = doorman.web_app
    query = {"client_id": web_app.client_id, "redirect_uri": web_app.redirect_uri, "state": "st", **extra}
    response = browser.get("/oauth/authorize?" + urlencode(query))
    if response.status_code == 200:
        response = browser.allow(response.text)
    assert response.status_code in (302, 303), response.text
    return {name: values[0] for name, values in parse_qs(urlsplit(response.headers["Location"]).query).items()}


def test_advertised_challenge_method_works_and_plain_is_refused(doorman):
    """RFC 8414 section 2 and RFC 7636 section 7.2: S256, the one advertised method, works; plain, not
    advertised by default, is refused with invalid_request."""
    assert metadata(doorman.base_url)["code_challenge_methods_supported"] == ["S256"]
    browser = signed_in_browser(doorman, doorman.buyer)
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")

    accepted = authorize(browser, doorman, code_challenge=challenge, code_challenge_method="S256")
    refused = authorize(browser, doorman, code_challenge=verifier, code_challenge_method="plain")

    assert "code" in accepted
    assert "error" not in accepted
    assert refused["error"] == "invalid_request"


@pytest.mark.parametrize("scope", ["api", "openid", "read_user", "user"])
def test_advertised_scopes_are_accepted(doorman, scope):
    """RFC 8414 section 2: every scope in `scopes_supported` is accepted at the authorization endpoint."""
    assert scope in metadata(doorman.base_url)["scopes_supported"]
    browser = signed_in_browser(doorman, doorman.buyer)
    parameters = authorize(browser, doorman, scope=scope)
    assert "code" in parameters, parameters


def test_unadvertised_response_type_and_grant_fail(doorman, client):
    """RFC 8414 section 2: a response type or grant type outside the document is refused:
    unsupported_response_type and unsupported_grant_type."""
    browser = signed_in_browser(doorman, doorman.buyer)
    assert authorize(browser, doorman, response_type="token")["error"] == "unsupported_response_type"
    response = post(doorman, TOKEN_PATH, data={"grant_type": "client_credentials", **body_credentials(client)})
    assert oauth_error(response) == (400, "unsupported_grant_type")
