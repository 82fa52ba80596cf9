"""Walk Doorman's sign-in and consent pages as a browser does, with cookies and without following redirects."""

import secrets
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import requests

TIMEOUT_SECONDS = 10


class FormReader(HTMLParser):
    """Collect each form's action and its named inputs (hidden fields included) and buttons."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attributes.get("action", ""), "fields": {}, "buttons": {}})
        elif tag == "input" and self.forms and attributes.get("name"):
            self.forms[-1]["fields"][attributes["name"]] = attributes.get("value") or ""
        elif tag == "button" and self.forms and attributes.get("name"):
            self.forms[-1]["buttons"][attributes.get("value")] = attributes["name"]


def read_form(html, action):
    """Return the fields and buttons of the form that posts to `action`, or fail the test."""
    reader = FormReader()
    reader.feed(html)
    for form in reader.forms:
        if form["action"] == action:
            return form
    raise AssertionError(f"no form with action {action!r} in the page:\n{html}")


@dataclass
class Callback:
    """The redirect back to the web app: the `Location` header and its query parameters, one value each."""

    location: str
    parameters: dict


class Browser:
    """A browser session on one Doorman server: one cookie jar, redirects inspected instead of followed."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.session = requests.Session()

    def get(self, path_or_url, **keywords):
        return self.session.get(urljoin(self.base_url, path_or_url), allow_redirects=False, timeout=TIMEOUT_SECONDS,
                                **keywords)

    def post(self, path_or_url, data):
        return self.session.post(urljoin(self.base_url, path_or_url), data=data, allow_redirects=False,
                                 timeout=TIMEOUT_SECONDS)

    def sign_in_and_authorize(self, web_app, username, password, state):
        """Start at the authorization endpoint signed out, sign in, allow on the consent page if it is shown,
        and return the redirect to the web app's callback."""
        query = urlencode({
            "client_id": web_app.client_id,
            "redirect_uri": web_app.redirect_uri,
            "response_type": "code",
            "state": state,
        })
        authorize_path = "/oauth/authorize?" + query

        response = self.get(authorize_path)
        assert response.status_code == 302, response.text
        login_location = response.headers["Location"]
        assert urlsplit(login_location).path == "/login"

        response = self.get(login_location)
        assert response.status_code == 200, response.text
        form = read_form(response.text, "/login")
        assert form["fields"].get("csrf_token"), "the sign-in form has no csrf_token"
        fields = dict(form["fields"], username=username, password=password)
        response = self.post("/login", fields)
        assert response.status_code in (302, 303), response.text
        assert response.headers["Location"] == authorize_path

        response = self.get(response.headers["Location"])
        if response.status_code == 200:
            response = self.allow(response.text)
        assert response.status_code in (302, 303), response.text
        return self.callback(response, web_app)

    def allow(self, consent_html):
        """Press Allow on a consent page: post its hidden fields, CSRF token included, with the Allow button."""
        form = read_form(consent_html, "/oauth/authorize")
        assert form["fields"].get("csrf_token"), "the consent form has no csrf_token"
        button_name = form["buttons"].get("allow")
        assert button_name, f"the consent form has no Allow button: {form['buttons']}"
        return self.post("/oauth/authorize", dict(form["fields"], **{button_name: "allow"}))

    @staticmethod
    def callback(response, web_app):
        location = response.headers["Location"]
        assert location.startswith(web_app.redirect_uri + "?"), f"redirect to {location!r}, not the callback"
        values = parse_qs(urlsplit(location).query, keep_blank_values=True, strict_parsing=True)
        assert all(len(each) == 1 for each in values.values()), f"a parameter is repeated in {location!r}"
        return Callback(location=location, parameters={name: each[0] for name, each in values.items()})


def obtain_code(base_url, web_app, username, password):
    """Sign in as `username` in a new browser session, allow the web app, and return the authorization code.

    Checks that the redirect goes to the registered callback and carries the request's `state` unchanged."""
    state = secrets.token_urlsafe(16)
    callback = Browser(base_url).sign_in_and_authorize(web_app, username, password, state)
    assert "error" not in callback.parameters, f"authorization failed: {callback.location}"
    assert callback.parameters.get("state") == state
    assert callback.parameters.get("code"), f"no code in {callback.location}"
    return callback.parameters["code"]
