"""PKCE at the authorization and token endpoints, as a client sees it over HTTP."""

from types import SimpleNamespace

import pytest
import requests

import wire
from doorman import DoormanServer
from grants_flow import (code_for, authorize, create_web_app, new_verifier, redeem, s256_challenge,
                         signed_in_browser)
from security_support import METADATA_PATH, TIMEOUT_SECONDS

# RFC 7636 Appendix B.
RFC_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
RFC_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
MISSING_CHALLENGE = "Missing required parameter: code_challenge."
INVALID_REQUEST = (
    "The request is missing a required parameter, includes an unsupported parameter value, or is otherwise "
    "malformed."
)
INVALID_CLIENT = (
    "Client authentication failed due to unknown client, no client authentication included, or unsupported "
    "authentication method."
)


@pytest.fixture(scope="module")
def browser(doorman):
    return signed_in_browser(doorman)


@pytest.fixture(scope="module")
def public_app(doorman):
    return create_web_app(doorman, "PKCE public app", "--public")


@pytest.fixture(scope="module")
def strict_app(doorman):
    return create_web_app(doorman, "PKCE required app", "--require-pkce")


def assert_invalid_grant(response):
    assert response.status_code == 400, response.text
    assert response.json() == {"error": "invalid_grant", "error_description": wire.INVALID_GRANT}


def test_rfc7636_appendix_b_vector_redeems(doorman, browser):
    """RFC 7636 section 4.2 and Appendix B: the S256 challenge of the Appendix B verifier binds the code, and that
    verifier redeems it."""
    code = code_for(browser, doorman.web_app, code_challenge=RFC_CHALLENGE, code_challenge_method="S256")

    response = redeem(doorman.base_url, doorman.web_app, code, code_verifier=RFC_VERIFIER)

    assert s256_challenge(RFC_VERIFIER) == RFC_CHALLENGE
    assert response.status_code == 200, response.text
    assert response.json()["access_token"]


def test_wrong_verifier_is_invalid_grant(doorman, browser):
    """RFC 7636 section 4.6: a verifier whose S256 transform differs from the challenge is `invalid_grant`."""
    code = code_for(browser, doorman.web_app, code_challenge=s256_challenge(new_verifier()),
                    code_challenge_method="S256")

    assert_invalid_grant(redeem(doorman.base_url, doorman.web_app, code, code_verifier=new_verifier()))


def test_missing_verifier_is_invalid_grant(doorman, browser):
    """RFC 9700 section 2.1.1: once a challenge was sent, the token endpoint requires its verifier."""
    code = code_for(browser, doorman.web_app, code_challenge=s256_challenge(new_verifier()),
                    code_challenge_method="S256")

    assert_invalid_grant(redeem(doorman.base_url, doorman.web_app, code))


def test_verifier_without_challenge_is_refused(doorman, browser):
    """RFC 9700 section 4.8.2: a `code_verifier` for a code issued without a challenge is a downgrade attempt,
    refused with `invalid_grant`, and the code stays unused."""
    code = code_for(browser, doorman.web_app)

    assert_invalid_grant(redeem(doorman.base_url, doorman.web_app, code, code_verifier=new_verifier()))
    assert redeem(doorman.base_url, doorman.web_app, code).status_code == 200


@pytest.mark.parametrize("verifier", ["a" * 42, "a" * 129, "a" * 42 + "+", "a" * 42 + "/"],
                         ids=["42-characters", "129-characters", "plus-sign", "slash"])
def test_malformed_verifier_is_refused(doorman, browser, verifier):
    """RFC 7636 section 4.1: a verifier is 43 to 128 characters of [A-Za-z0-9-._~]. Any other is rejected with
    `invalid_grant`, even when its S256 transform equals the challenge."""
    code = code_for(browser, doorman.web_app, code_challenge=s256_challenge(verifier), code_challenge_method="S256")

    assert_invalid_grant(redeem(doorman.base_url, doorman.web_app, code, code_verifier=verifier))


def test_plain_method_is_refused_by_default(doorman, browser):
    """RFC 7636 sections 4.4.1 and 7.2: `plain` is refused unless the operator enables it, with `invalid_request`
    at the client's callback."""
    verifier = new_verifier()
    callback = authorize(browser, doorman.web_app, code_challenge=verifier, code_challenge_method="plain")

    assert callback.parameters.get("error") == "invalid_request"
    assert callback.parameters.get("error_description") == INVALID_REQUEST
    assert "code" not in callback.parameters


def test_absent_method_means_plain_and_is_refused(doorman, browser):
    """RFC 7636 section 4.3: an absent `code_challenge_method` means `plain`, which is refused by default."""
    callback = authorize(browser, doorman.web_app, code_challenge=new_verifier())

    assert callback.parameters.get("error") == "invalid_request"
    assert "code" not in callback.parameters


def test_public_client_needs_a_challenge(doorman, browser, public_app):
    """RFC 9700 section 2.1.1: a public client must use PKCE, so a request without a challenge is
    `invalid_request` with the missing parameter named."""
    callback = authorize(browser, public_app)

    assert callback.parameters.get("error") == "invalid_request"
    assert callback.parameters.get("error_description") == MISSING_CHALLENGE


def test_public_client_redeems_with_verifier(doorman, browser, public_app):
    """RFC 7636 section 4.5: a public client proves possession of the code with the verifier alone."""
    verifier = new_verifier()
    code = code_for(browser, public_app, code_challenge=s256_challenge(verifier), code_challenge_method="S256")

    response = redeem(doorman.base_url, public_app, code, code_verifier=verifier)

    assert response.status_code == 200, response.text


def test_client_requiring_pkce_needs_a_challenge(doorman, browser, strict_app):
    """RFC 9700 section 2.1.1: a confidential client set to require PKCE gets `invalid_request` without a
    challenge."""
    callback = authorize(browser, strict_app)

    assert callback.parameters.get("error") == "invalid_request"
    assert callback.parameters.get("error_description") == MISSING_CHALLENGE


def test_verifier_does_not_replace_client_secret(doorman, browser, strict_app):
    """RFC 6749 section 3.2.1 and RFC 9700 section 2.1.1: a confidential client authenticates even with a correct
    verifier. Without its secret the response is 401 `invalid_client`, and the code stays unused."""
    verifier = new_verifier()
    code = code_for(browser, strict_app, code_challenge=s256_challenge(verifier), code_challenge_method="S256")

    response = redeem(doorman.base_url, strict_app, code, with_secret=False, code_verifier=verifier)

    assert response.status_code == 401, response.text
    assert response.json() == {"error": "invalid_client", "error_description": INVALID_CLIENT}
    assert "WWW-Authenticate" in response.headers
    assert redeem(doorman.base_url, strict_app, code, code_verifier=verifier).status_code == 200


@pytest.mark.parametrize("verifier", [
    "A" * 39 + "-._~", "a-._~" * 25 + "Z09",
], ids=["43-characters", "128-characters"])
def test_verifier_length_bounds_are_accepted(doorman, browser, verifier):
    """RFC 7636 section 4.1: a verifier of 43 or of 128 characters, with `-`, `.`, `_` and `~` among them, redeems
    its code."""
    code = code_for(browser, doorman.web_app, code_challenge=s256_challenge(verifier), code_challenge_method="S256")

    response = redeem(doorman.base_url, doorman.web_app, code, code_verifier=verifier)

    assert response.status_code == 200, response.text


@pytest.mark.parametrize("method", ["S512", "s256", "SHA256", "S256 "])
def test_unsupported_method_is_invalid_request(doorman, browser, method):
    """RFC 7636 section 4.4.1: a `code_challenge_method` the server does not support is `invalid_request` at the
    client's callback, and no code is issued. Method names are case-sensitive."""
    callback = authorize(browser, doorman.web_app, code_challenge=s256_challenge(new_verifier()),
                         code_challenge_method=method)

    assert callback.parameters.get("error") == "invalid_request"
    assert callback.parameters.get("error_description") == INVALID_REQUEST
    assert "code" not in callback.parameters


@pytest.fixture(scope="module")
def plain_server(doorman):
    """A second `doorman serve` on the session's database, started with `--allow-plain-pkce true`."""
    server = DoormanServer.start(doorman.data_dir, ["--allow-plain-pkce", "true", "--sign-in-limit-per-address",
                                                    "off"])
    try:
        yield server
    finally:
        status = server.stop()
    assert status == 0, f"the second doorman serve exited with {status}:\n{server.log}"


def test_absent_method_means_plain_when_allowed(doorman, plain_server):
    """RFC 7636 section 4.3: an absent `code_challenge_method` means `plain`. With `plain` allowed, the challenge
    is compared with the verifier as it is, so the verifier itself redeems the code."""
    browser = signed_in_browser(SimpleNamespace(base_url=plain_server.base_url, buyer=doorman.buyer))
    verifier = new_verifier()
    code = code_for(browser, doorman.web_app, code_challenge=verifier)

    response = redeem(plain_server.base_url, doorman.web_app, code, code_verifier=verifier)

    assert response.status_code == 200, response.text


def test_metadata_lists_plain_only_when_allowed(doorman, plain_server):
    """RFC 7636 section 7.2 and RFC 8414 section 2: `code_challenge_methods_supported` lists `plain` only on a
    server that accepts it."""
    allowed = requests.get(plain_server.base_url + METADATA_PATH, timeout=TIMEOUT_SECONDS).json()
    default = requests.get(doorman.base_url + METADATA_PATH, timeout=TIMEOUT_SECONDS).json()

    assert sorted(allowed["code_challenge_methods_supported"]) == ["S256", "plain"]
    assert default["code_challenge_methods_supported"] == ["S256"]
