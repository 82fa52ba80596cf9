"""Parameter rules of the authorization, token, revocation and introspection endpoints (RFC 6749 sections 3.1
and 3.2)."""

import json
import secrets
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from security_support import (
    CLIENT_ENDPOINTS, INTROSPECT_PATH, INVALID_REQUEST, REVOKE_PATH, TOKEN_PATH, body_credentials, oauth_error, post,
    signed_in_browser,
)

# The parameter each endpoint requires, and the request of CLIENT_ENDPOINTS without it.
REQUIRED = {TOKEN_PATH: "refresh_token", REVOKE_PATH: "token", INTROSPECT_PATH: "token"}
# The S256 challenge of RFC 7636 Appendix B.
CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
# A code request that passes the token endpoint's parameter rules, apart from the code's own checks.
CODE_REQUEST = {"grant_type": "authorization_code", "code": "unknown-code", "redirect_uri": "http://127.0.0.1:9/cb",
                "code_verifier": "v" * 43}


def assert_invalid_request(response):
    assert oauth_error(response) == (400, "invalid_request"), response.text
    assert response.json()["error_description"] == INVALID_REQUEST


@pytest.mark.parametrize("path", CLIENT_ENDPOINTS)
@pytest.mark.parametrize("name", ["repeated endpoint parameter", "client_id", "client_secret"])
def test_repeated_form_key_is_invalid_request(doorman, client, path, name):
    """RFC 6749 section 3.2: a parameter sent twice in a form body is a 400 invalid_request."""
    pairs = list(CLIENT_ENDPOINTS[path].items()) + list(body_credentials(client).items())
    repeated = REQUIRED[path] if name == "repeated endpoint parameter" else name
    pairs.append((repeated, dict(pairs)[repeated]))
    response = post(doorman, path, data=urlencode(pairs),
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert_invalid_request(response)


@pytest.mark.parametrize("name", sorted(CODE_REQUEST))
def test_repeated_code_request_parameter_is_invalid_request(doorman, client, name):
    """RFC 6749 section 3.2: every parameter of a code exchange, sent twice, is a 400 invalid_request."""
    pairs = list(CODE_REQUEST.items()) + list(body_credentials(client).items()) + [(name, CODE_REQUEST[name])]
    response = post(doorman, TOKEN_PATH, data=urlencode(pairs),
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert_invalid_request(response)


@pytest.mark.parametrize("path", CLIENT_ENDPOINTS)
def test_duplicate_json_key_is_invalid_request(doorman, client, path):
    """RFC 6749 section 3.2: a JSON body with a key twice sends that parameter twice: 400 invalid_request."""
    members = [f'"{name}":{json.dumps(value)}' for name, value in
               {**CLIENT_ENDPOINTS[path], **body_credentials(client)}.items()]
    members.append(f'"{REQUIRED[path]}":"again"')
    response = post(doorman, path, data="{" + ",".join(members) + "}",
                    headers={"Content-Type": "application/json"})
    assert_invalid_request(response)


@pytest.mark.parametrize("path", CLIENT_ENDPOINTS)
def test_parameter_in_query_and_body_is_invalid_request(doorman, client, path):
    """RFC 6749 section 3.2: the same parameter in the URL query and in the body is sent twice: 400
    invalid_request."""
    name = REQUIRED[path]
    response = post(doorman, f"{path}?{name}=from-query",
                    data={**CLIENT_ENDPOINTS[path], **body_credentials(client)})
    assert_invalid_request(response)


@pytest.mark.parametrize("path", CLIENT_ENDPOINTS)
def test_empty_value_counts_as_absent(doorman, client, path):
    """RFC 6749 section 3.1: a parameter with an empty value counts as absent, so a required one is missing."""
    name = REQUIRED[path]
    response = post(doorman, path, data={**CLIENT_ENDPOINTS[path], name: "", **body_credentials(client)})
    assert oauth_error(response) == (400, "invalid_request")
    assert response.json()["error_description"] == f"Missing required parameter: {name}."


@pytest.mark.parametrize("path", [REVOKE_PATH, INTROSPECT_PATH])
def test_empty_repeat_is_no_duplicate(doorman, client, path):
    """RFC 6749 section 3.1: an empty repeat of a parameter counts as absent, so it is no duplicate."""
    pairs = [("token", "unknown-token"), ("token", "")] + list(body_credentials(client).items())
    response = post(doorman, path, data=urlencode(pairs), headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("path", [REVOKE_PATH, INTROSPECT_PATH])
def test_unknown_parameters_are_ignored(doorman, client, path):
    """RFC 6749 section 3.2: unknown request parameters are ignored, repeated or not."""
    pairs = [("token", "unknown-token"), ("resource", "a"), ("resource", "b"), ("extra", "")]
    pairs += list(body_credentials(client).items())
    response = post(doorman, path, data=urlencode(pairs), headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 200, response.text


def authorize(browser, doorman, pairs):
    """GET the authorization endpoint with `pairs` in order and return the response, redirects not followed."""
    return browser.get("/oauth/authorize?" + urlencode(pairs))


def base_pairs(doorman, state):
    web_app = doorman.web_app
    return [("client_id", web_app.client_id), ("redirect_uri", web_app.redirect_uri), ("response_type", "code"),
            ("state", state)]


def callback_parameters(response, doorman):
    location = response.headers["Location"]
    assert location.startswith(doorman.web_app.redirect_uri + "?"), location
    return {name: values[0] for name, values in parse_qs(urlsplit(location).query).items()}


@pytest.mark.parametrize("name", ["client_id", "redirect_uri"])
def test_authorize_repeated_client_or_redirect_is_error_page(doorman, name):
    """RFC 6749 sections 3.1 and 4.1.2.1: `client_id` or `redirect_uri` sent twice is an error shown on a page,
    never redirected, because the redirect target is not verified."""
    browser = signed_in_browser(doorman, doorman.buyer)
    pairs = base_pairs(doorman, "s")
    pairs.append((name, dict(pairs)[name]))
    response = authorize(browser, doorman, pairs)
    assert response.status_code == 400
    assert "Location" not in response.headers
    assert "invalid_request" in response.text


@pytest.mark.parametrize("name", ["response_type", "scope", "state", "code_challenge", "code_challenge_method"])
def test_authorize_other_repeated_parameter_is_redirected_error(doorman, name):
    """RFC 6749 section 3.1: any other parameter sent twice is invalid_request, redirected to the verified
    callback."""
    browser = signed_in_browser(doorman, doorman.buyer)
    pairs = base_pairs(doorman, "s") + [("scope", "api"), ("code_challenge", CHALLENGE),
                                        ("code_challenge_method", "S256")]
    pairs.append((name, dict(pairs)[name]))
    response = authorize(browser, doorman, pairs)
    assert response.status_code == 302
    parameters = callback_parameters(response, doorman)
    assert parameters["error"] == "invalid_request"
    assert "code" not in parameters


def test_authorize_empty_and_unknown_parameters(doorman):
    """RFC 6749 section 3.1: empty values count as absent and unknown parameters are ignored, so the request
    succeeds with the default scope."""
    browser = signed_in_browser(doorman, doorman.buyer)
    state = secrets.token_urlsafe(8)
    pairs = base_pairs(doorman, state) + [("scope", ""), ("code_challenge_method", ""), ("prompt", "x"), ("x", "")]
    response = authorize(browser, doorman, pairs)
    if response.status_code == 200:
        response = browser.allow(response.text)
    assert response.status_code in (302, 303)
    parameters = callback_parameters(response, doorman)
    assert "error" not in parameters, parameters
    assert parameters["state"] == state
    assert parameters["code"]
