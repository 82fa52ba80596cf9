"""The authorization endpoint and the hub's launch: response types, redirect URIs, `state`, the errors that may
be redirected, sign-in before any redirect, and the consent form (RFC 6749 sections 3.1, 4.1.2 and 10.12,
RFC 9700 section 4.11)."""

import secrets
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from browser import Browser, read_form
from doorman import WebApp, run_admin
from grants_flow import redeem, token_request
from security_support import create_web_app, signed_in_browser

# The error codes that RFC 6749 section 4.1.2.1 defines for a redirect to the client.
REDIRECTABLE_ERRORS = {
    "invalid_request", "unauthorized_client", "access_denied", "unsupported_response_type", "invalid_scope",
    "server_error", "temporarily_unavailable",
}
QUERY_CALLBACK_URL = "http://127.0.0.1:9/callback/query?tenant=a%20b&lang=en"
FIRST_CALLBACK_URL = "http://127.0.0.1:9/callback/first"
SECOND_CALLBACK_URL = "http://127.0.0.1:9/callback/second"
DENY_CALLBACK_URL = "http://127.0.0.1:9/callback/deny"
# Values of `state` that need percent-encoding, or escaping in HTML, on their way back.
STATES = ["a b&c=d", "é€😀", "%2B+/?#", "<b>\"'&amp;</b>", "x" * 500]


@pytest.fixture(scope="module")
def query_app(doorman):
    """A web app whose only callback has a query component."""
    return create_web_app(doorman, "Authorize query app", QUERY_CALLBACK_URL)


@pytest.fixture(scope="module")
def two_callback_app(doorman):
    """A web app with two registered callbacks, created with `--callback-url` twice."""
    return run_admin(doorman.data_dir, "webapp", "create", "--name", "Authorize two callbacks", "--callback-url",
                     FIRST_CALLBACK_URL, "--callback-url", SECOND_CALLBACK_URL, "--product", doorman.product_id)


def as_web_app(created, callback):
    """Return the `webapp create` output `created` as a `WebApp` whose redirect URI is `callback`."""
    return WebApp(client_id=created["client_id"], client_secret=created["client_secret"], redirect_uri=callback)


def get_authorize(browser, pairs):
    """GET the authorization endpoint with `pairs`, and press Allow when it shows the consent page."""
    response = browser.get("/oauth/authorize?" + urlencode(pairs))
    if response.status_code == 200 and "/oauth/authorize" in response.text:
        response = browser.allow(response.text)
    return response


def redirect_parameters(response, callback):
    """Return the query of a redirect to `callback` as a dict of single values, failing on another target."""
    assert response.status_code in (302, 303), response.text
    location = response.headers["Location"]
    assert location.startswith(callback), f"redirect to {location!r}, not {callback!r}"
    values = parse_qs(urlsplit(location).query, keep_blank_values=True)
    return {name: each[0] for name, each in values.items()}


def assert_error_page(response, error):
    assert response.status_code == 400, response.text
    assert "Location" not in response.headers
    assert f"<code>{error}</code>" in response.text


def test_missing_response_type_means_code(doorman):
    """RFC 6749 section 3.1.1 makes `response_type` required. Doorman, like Whop's v5 API, takes its absence as
    `code`, because Whop's own examples leave it out."""
    web_app = doorman.web_app
    browser = signed_in_browser(doorman, doorman.buyer)
    response = get_authorize(browser, [("client_id", web_app.client_id), ("redirect_uri", web_app.redirect_uri),
                                       ("state", "s")])
    parameters = redirect_parameters(response, web_app.redirect_uri + "?")
    assert parameters["code"]
    assert "error" not in parameters


@pytest.mark.parametrize("response_type", ["token", "code token", "id_token", "CODE", "code code"])
def test_unknown_response_type_gets_error_not_code(doorman, response_type):
    """RFC 6749 section 3.1.1: a response type the server does not support is an error response,
    `unsupported_response_type`, and no code."""
    web_app = doorman.web_app
    browser = signed_in_browser(doorman, doorman.buyer)
    response = get_authorize(browser, [("client_id", web_app.client_id), ("response_type", response_type),
                                       ("state", "s")])
    parameters = redirect_parameters(response, web_app.redirect_uri + "?")
    assert parameters["error"] == "unsupported_response_type"
    assert parameters["state"] == "s"
    assert "code" not in parameters


@pytest.mark.parametrize("send_redirect_uri", [False, True])
def test_registered_query_survives_the_code(doorman, query_app, send_redirect_uri):
    """RFC 6749 section 3.1.2: the redirect keeps the query component of the registered URI and adds `code` and
    `state` to it, and the token request repeats the URI with its query."""
    browser = signed_in_browser(doorman, doorman.buyer)
    pairs = [("client_id", query_app["client_id"]), ("state", "st")]
    if send_redirect_uri:
        pairs.append(("redirect_uri", QUERY_CALLBACK_URL))
    response = get_authorize(browser, pairs)

    parameters = redirect_parameters(response, QUERY_CALLBACK_URL + "&code=")
    assert parameters["tenant"] == "a b"
    assert parameters["lang"] == "en"
    assert parameters["state"] == "st"
    redirect_uri = {"redirect_uri": QUERY_CALLBACK_URL} if send_redirect_uri else {}
    response = token_request(doorman.base_url, as_web_app(query_app, QUERY_CALLBACK_URL),
                             grant_type="authorization_code", code=parameters["code"], **redirect_uri)
    assert response.status_code == 200, response.text


def test_hub_launch_keeps_the_registered_query(doorman, query_app):
    """RFC 6749 section 3.1.2: the launch from the hub also adds its code to the registered query component."""
    browser = signed_in_browser(doorman, doorman.buyer)
    response = launch(browser, query_app)
    parameters = redirect_parameters(response, QUERY_CALLBACK_URL + "&code=")
    assert parameters["tenant"] == "a b"
    assert parameters["code"]


def test_several_callbacks_need_redirect_uri(doorman, two_callback_app):
    """RFC 6749 section 3.1.2.3: with several registered redirect URIs and none in the request, the request fails
    on an error page. Naming one of them, by simple string comparison, picks it."""
    browser = signed_in_browser(doorman, doorman.buyer)
    client_id = two_callback_app["client_id"]

    assert_error_page(browser.get("/oauth/authorize?" + urlencode({"client_id": client_id, "state": "s"})),
                      "invalid_redirect_uri")
    response = get_authorize(browser, [("client_id", client_id), ("redirect_uri", SECOND_CALLBACK_URL),
                                       ("state", "s")])
    assert redirect_parameters(response, SECOND_CALLBACK_URL + "?")["code"]


def test_missing_client_id_is_error_page(doorman):
    """RFC 6749 section 4.1.2.1: a request without `client_id` is shown on an error page, never redirected to the
    `redirect_uri` it names."""
    browser = signed_in_browser(doorman, doorman.buyer)
    response = browser.get("/oauth/authorize?" + urlencode({"redirect_uri": "https://evil.example/cb", "state": "s"}))
    assert_error_page(response, "invalid_request")
    assert "Missing required parameter: client_id." in response.text


@pytest.mark.parametrize("redirect_uri", [
    "not a uri", "/callback/whop", "//127.0.0.1:9/callback/whop", "javascript:alert(1)", "http://",
    "http://127.0.0.1:9/callback/whop\n", "http://127.0.0.1:9/callback/whop\\",
])
def test_malformed_redirect_uri_is_error_page(doorman, redirect_uri):
    """RFC 6749 section 3.1.2.4: an invalid redirect URI is shown to the user on an error page and never
    followed."""
    browser = signed_in_browser(doorman, doorman.buyer)
    query = urlencode({"client_id": doorman.web_app.client_id, "redirect_uri": redirect_uri, "state": "s"})
    assert_error_page(browser.get("/oauth/authorize?" + query), "invalid_redirect_uri")


@pytest.mark.parametrize("state", STATES)
def test_state_comes_back_unchanged(doorman, state):
    """RFC 6749 section 4.1.2: `state` comes back exactly as the client sent it, with the code and with an
    error."""
    web_app = doorman.web_app
    browser = signed_in_browser(doorman, doorman.buyer)
    success = get_authorize(browser, [("client_id", web_app.client_id), ("state", state)])
    failure = get_authorize(browser, [("client_id", web_app.client_id), ("state", state), ("scope", "unknown")])

    assert redirect_parameters(success, web_app.redirect_uri + "?")["state"] == state
    assert redirect_parameters(failure, web_app.redirect_uri + "?")["state"] == state
    assert redirect_parameters(failure, web_app.redirect_uri + "?")["error"] == "invalid_scope"


def test_no_state_is_added(doorman):
    """RFC 6749 section 4.1.2: `state` is returned only when the client sent it."""
    browser = signed_in_browser(doorman, doorman.buyer)
    response = get_authorize(browser, [("client_id", doorman.web_app.client_id)])
    assert "state" not in redirect_parameters(response, doorman.web_app.redirect_uri + "?")


def redirected_errors(doorman):
    """Yield each error that the authorization endpoint redirects to the session web app, one case at a time."""
    web_app = doorman.web_app
    buyer = signed_in_browser(doorman, doorman.buyer)
    base = [("client_id", web_app.client_id), ("state", "s")]
    cases = [
        base + [("scope", "api"), ("scope", "api")],
        base + [("response_type", "token")],
        base + [("scope", "admin")],
        base + [("code_challenge", "x" * 43), ("code_challenge_method", "plain")],
        base + [("code_challenge", "x" * 43), ("code_challenge_method", "S512")],
        base + [("code_challenge_method", "S256")],
    ]
    for pairs in cases:
        yield redirect_parameters(get_authorize(buyer, pairs), web_app.redirect_uri + "?")

    visitor = signed_in_browser(doorman, doorman.visitor)
    yield redirect_parameters(get_authorize(visitor, base), web_app.redirect_uri + "?")

    deny = buyer.get("/oauth/authorize?" + urlencode([("client_id", deny_app(doorman)["client_id"])]))
    form = read_form(deny.text, "/oauth/authorize")
    response = buyer.post("/oauth/authorize", dict(form["fields"], **{form["buttons"]["deny"]: "deny"}))
    yield redirect_parameters(response, DENY_CALLBACK_URL + "?")


def deny_app(doorman):
    """Register a new web app, so that its consent page is shown instead of skipped for a stored consent."""
    return create_web_app(doorman, "Authorize deny app " + secrets.token_hex(3), DENY_CALLBACK_URL)


def test_redirected_errors_use_defined_codes(doorman):
    """RFC 6749 section 4.1.2.1: an error redirected to the client uses only the codes defined there, and carries
    no code."""
    seen = set()
    for parameters in redirected_errors(doorman):
        assert parameters["error"] in REDIRECTABLE_ERRORS, parameters
        assert "code" not in parameters
        seen.add(parameters["error"])
    assert seen == {"invalid_request", "unsupported_response_type", "invalid_scope", "access_denied"}


@pytest.mark.parametrize("extra", [[], [("response_type", "token")], [("scope", "admin")]])
def test_signed_out_user_signs_in_before_any_redirect(doorman, extra):
    """RFC 9700 section 4.11.2: the user is authenticated before the endpoint redirects anywhere, errors included,
    so a link to Doorman cannot bounce a signed-out browser on to the client. The browser goes to the sign-in
    page, on this site."""
    browser = Browser(doorman.base_url)
    pairs = [("client_id", doorman.web_app.client_id), ("state", "s")] + extra
    response = browser.get("/oauth/authorize?" + urlencode(pairs))
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert (location.scheme, location.netloc, location.path) == ("", "", "/login")


@pytest.mark.parametrize("token", [None, "", "forged-csrf-token"])
def test_consent_post_needs_the_session_csrf_token(doorman, token):
    """RFC 6749 section 10.12: the consent form is protected against cross-site request forgery. A POST without
    the session's CSRF token gets 403 and no redirect, and the consent page is shown again afterwards."""
    created = create_web_app(doorman, "Authorize CSRF app " + secrets.token_hex(3), DENY_CALLBACK_URL)
    browser = signed_in_browser(doorman, doorman.buyer)
    path = "/oauth/authorize?" + urlencode({"client_id": created["client_id"]})
    form = read_form(browser.get(path).text, "/oauth/authorize")
    fields = {name: value for name, value in form["fields"].items() if name != "csrf_token"}
    if token is not None:
        fields["csrf_token"] = token

    response = browser.post("/oauth/authorize", dict(fields, **{form["buttons"]["allow"]: "allow"}))

    assert response.status_code == 403
    assert "Location" not in response.headers
    assert browser.get(path).status_code == 200


def launch(browser, created):
    """Press Open on the hub for the web app of `webapp create` output `created`, and return the response."""
    action = f"/hub/webapps/{created['id']}/open"
    form = read_form(browser.get("/").text, action)
    return browser.post(action, form["fields"])


def test_hub_launch_sends_code_without_state(doorman):
    """RFC 6749 section 4.1.1 starts every grant with a client's authorization request, which carries the client's
    `state` and `redirect_uri`. A launch from the hub starts at Doorman instead, as Whop's does: the browser goes
    to the first registered callback with `code` alone, and the code is redeemed with or without that URI."""
    callback = "http://127.0.0.1:9/callback/launch-state"
    created = create_web_app(doorman, "Authorize launch app", callback)
    web_app = as_web_app(created, callback)
    browser = signed_in_browser(doorman, doorman.buyer)

    first = redirect_parameters(launch(browser, created), callback + "?code=")
    second = redirect_parameters(launch(browser, created), callback + "?code=")

    assert list(first) == ["code"]
    assert redeem(doorman.base_url, web_app, first["code"]).status_code == 200
    response = token_request(doorman.base_url, web_app, grant_type="authorization_code", code=second["code"])
    assert response.status_code == 200, response.text
