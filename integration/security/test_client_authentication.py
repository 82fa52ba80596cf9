"""Client authentication at the token, revocation and introspection endpoints (RFC 6749 sections 2.3 and 2.3.1)."""

import base64

import pytest

from security_support import (
    BASIC_CHALLENGE, CLIENT_ENDPOINTS, INTROSPECT_PATH, INVALID_CLIENT, INVALID_REQUEST, REVOKE_PATH, TOKEN_PATH,
    basic_header, body_credentials, oauth_error, post,
)

# What each endpoint returns for the request of CLIENT_ENDPOINTS once the client is authenticated: the unknown
# refresh token is an invalid grant, and the unknown token is revoked or inactive without an error.
AUTHENTICATED = {
    TOKEN_PATH: lambda response: oauth_error(response) == (400, "invalid_grant"),
    REVOKE_PATH: lambda response: response.status_code == 200 and response.content == b"",
    INTROSPECT_PATH: lambda response: response.status_code == 200 and response.json() == {"active": False},
}


def assert_invalid_client(response):
    assert oauth_error(response) == (401, "invalid_client"), response.text
    assert response.json()["error_description"] == INVALID_CLIENT
    assert response.headers["WWW-Authenticate"] == BASIC_CHALLENGE


@pytest.mark.parametrize("path", CLIENT_ENDPOINTS)
def test_basic_credentials_are_form_decoded(doorman, special_client, path):
    """RFC 6749 section 2.3.1: the id and secret are form-urlencoded before Base64, so a secret with `+`, a space,
    `:`, `%2B` and non-ASCII letters authenticates."""
    header = basic_header(special_client.client_id, special_client.secret)
    response = post(doorman, path, data=CLIENT_ENDPOINTS[path], headers={"Authorization": header})
    assert AUTHENTICATED[path](response), response.text


@pytest.mark.parametrize("path", CLIENT_ENDPOINTS)
def test_basic_without_form_encoding_fails(doorman, special_client, path):
    """RFC 6749 section 2.3.1: Basic credentials are form-decoded, so a secret sent without the encoding is a
    different secret and fails with 401 invalid_client."""
    header = basic_header(special_client.client_id, special_client.secret, form_encode=False)
    response = post(doorman, path, data=CLIENT_ENDPOINTS[path], headers={"Authorization": header})
    assert_invalid_client(response)


@pytest.mark.parametrize("path", CLIENT_ENDPOINTS)
def test_percent_encoded_id_and_secret_authenticate(doorman, client, path):
    """RFC 6749 section 2.3.1: every character of the form-urlencoded id and secret may be percent-encoded."""
    encode = lambda text: "".join(f"%{byte:02X}" for byte in text.encode())  # noqa: E731
    header = basic_header(encode(client.client_id), encode(client.secret), form_encode=False)
    response = post(doorman, path, data=CLIENT_ENDPOINTS[path], headers={"Authorization": header})
    assert AUTHENTICATED[path](response), response.text


@pytest.mark.parametrize("path", CLIENT_ENDPOINTS)
def test_body_credentials_authenticate(doorman, client, path):
    """RFC 6749 section 2.3.1: `client_id` and `client_secret` in the body authenticate a confidential client."""
    response = post(doorman, path, data={**CLIENT_ENDPOINTS[path], **body_credentials(client)})
    assert AUTHENTICATED[path](response), response.text


@pytest.mark.parametrize("path", CLIENT_ENDPOINTS)
def test_basic_and_body_secret_is_invalid_request(doorman, client, path):
    """RFC 6749 section 2.3: a client uses one authentication method, so Basic plus a body secret is a 400
    invalid_request."""
    response = post(doorman, path, data={**CLIENT_ENDPOINTS[path], "client_secret": client.secret},
                    headers={"Authorization": basic_header(client.client_id, client.secret)})
    assert oauth_error(response) == (400, "invalid_request")
    assert response.json()["error_description"] == INVALID_REQUEST


@pytest.mark.parametrize("path", CLIENT_ENDPOINTS)
def test_basic_with_other_body_client_id(doorman, client, other_client, path):
    """RFC 6749 section 2.3: a body `client_id` naming another client than Basic does is a 400 invalid_request."""
    response = post(doorman, path, data={**CLIENT_ENDPOINTS[path], "client_id": other_client.client_id},
                    headers={"Authorization": basic_header(client.client_id, client.secret)})
    assert oauth_error(response) == (400, "invalid_request")


@pytest.mark.parametrize("path", CLIENT_ENDPOINTS)
def test_basic_with_same_body_client_id_is_accepted(doorman, client, path):
    """RFC 6749 section 2.3 forbids more than one authentication method per request. Doorman accepts Basic with a
    body `client_id` that names the same client, because `client_id` alone authenticates nothing and Whop-style
    clients send it in every body. A body secret or another id is still `invalid_request`."""
    response = post(doorman, path, data={**CLIENT_ENDPOINTS[path], "client_id": client.client_id},
                    headers={"Authorization": basic_header(client.client_id, client.secret)})
    assert AUTHENTICATED[path](response), response.text


MALFORMED_AUTHORIZATION = [
    "Basic",
    "Basic !!!not-base64",
    "Basic " + base64.b64encode(b"no-colon-here").decode(),
    "Basic " + base64.b64encode(b"\xff\xfe:\xff").decode(),
    "Basic " + base64.b64encode(b":secret-without-id").decode(),
    "Basic " + base64.b64encode(b"app%zz:secret").decode(),
    "Bearer some-access-token",
    "Digest username=app",
]


@pytest.mark.parametrize("path", CLIENT_ENDPOINTS)
@pytest.mark.parametrize("authorization", MALFORMED_AUTHORIZATION)
def test_malformed_authorization_is_invalid_client(doorman, path, authorization):
    """RFC 6749 section 5.2: a malformed Basic header, a Bearer header or another scheme is a 401 invalid_client
    with WWW-Authenticate, never a 500."""
    response = post(doorman, path, data=CLIENT_ENDPOINTS[path], headers={"Authorization": authorization})
    assert_invalid_client(response)


@pytest.mark.parametrize("path", CLIENT_ENDPOINTS)
def test_wrong_secret_is_invalid_client(doorman, client, path):
    """RFC 6749 section 5.2: a wrong secret is a 401 invalid_client with WWW-Authenticate."""
    response = post(doorman, path, data={**CLIENT_ENDPOINTS[path], "client_id": client.client_id,
                                         "client_secret": client.secret + "x"})
    assert_invalid_client(response)


@pytest.mark.parametrize("path", CLIENT_ENDPOINTS)
def test_unknown_client_is_invalid_client(doorman, path):
    """RFC 6749 section 5.2: an unknown client id is a 401 invalid_client."""
    response = post(doorman, path, data={**CLIENT_ENDPOINTS[path], "client_id": "app_unknown",
                                         "client_secret": "secret"})
    assert_invalid_client(response)


@pytest.mark.parametrize("path", CLIENT_ENDPOINTS)
@pytest.mark.parametrize("name", ["client_id", "client_secret"])
def test_credentials_in_query_are_refused(doorman, client, path, name):
    """RFC 6749 section 2.3.1: client credentials in the URL query are refused with 400 invalid_request."""
    body = {**CLIENT_ENDPOINTS[path], **body_credentials(client)}
    value = body.pop(name)
    response = post(doorman, f"{path}?{name}={value}", data=body)
    assert oauth_error(response) == (400, "invalid_request")


@pytest.mark.parametrize("path", [TOKEN_PATH, REVOKE_PATH])
def test_public_client_authenticates_with_its_id(doorman, public_client, path):
    """RFC 6749 section 2.1: a public client identifies itself with `client_id` alone (method `none`) at the token
    and revocation endpoints."""
    response = post(doorman, path, data={**CLIENT_ENDPOINTS[path], "client_id": public_client.client_id})
    assert AUTHENTICATED[path](response), response.text


@pytest.mark.parametrize("path", CLIENT_ENDPOINTS)
def test_public_client_with_secret_is_invalid_client(doorman, public_client, path):
    """RFC 6749 section 2.3: a public client has no secret, so one it sends fails with 401 invalid_client."""
    response = post(doorman, path, data={**CLIENT_ENDPOINTS[path], "client_id": public_client.client_id,
                                         "client_secret": "invented"})
    assert_invalid_client(response)
