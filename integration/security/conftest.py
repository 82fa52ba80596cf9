"""Fixtures of the security suite: more clients of the session's server, and fresh tokens."""

import hashlib
import sqlite3

import pytest

from doorman import DoormanServer, migrate
from security_support import (
    HTTPS_PUBLIC_URL, Client, confidential_client, create_web_app, database_path, exchange_code,
)

PUBLIC_CALLBACK_URL = "http://127.0.0.1:9/callback/public"
OTHER_CALLBACK_URL = "http://127.0.0.1:9/callback/other"
ENCODED_CALLBACK_URL = "http://127.0.0.1:9/callback/encoded"

# A secret that only survives Basic authentication when it is form-urlencoded first: `+`, a space, a colon, a
# percent sign, a slash and non-ASCII letters.
SPECIAL_SECRET = "a+b c:%2B/é€"


@pytest.fixture(scope="session")
def public_client(doorman):
    """A public client of the session's product: a client id and no secret."""
    created = create_web_app(doorman, "Security Public App", PUBLIC_CALLBACK_URL, public=True)
    return Client(created["client_id"], None)


@pytest.fixture(scope="session")
def other_client(doorman):
    """A second confidential client, which must never reach the session web app's tokens."""
    created = create_web_app(doorman, "Security Other App", OTHER_CALLBACK_URL)
    return Client(created["client_id"], created["client_secret"])


@pytest.fixture
def client(doorman):
    """The session's web app, which the tokens of `tokens` are issued to."""
    return confidential_client(doorman)


@pytest.fixture
def tokens(doorman, obtain_code):
    """A fresh access and refresh token of the buyer for the session's web app, from a real sign-in."""
    return exchange_code(doorman, obtain_code(doorman.buyer.username, doorman.buyer.password))


@pytest.fixture(scope="session")
def special_client(doorman):
    """A confidential client whose secret is `SPECIAL_SECRET`.

    Doorman generates URL-safe secrets, so the test sets this one by writing its SHA-256 hash, the only form the
    store keeps, into the session's own database file."""
    created = create_web_app(doorman, "Security Encoded App", ENCODED_CALLBACK_URL)
    secret_hash = hashlib.sha256(SPECIAL_SECRET.encode()).hexdigest()
    with sqlite3.connect(database_path(doorman)) as connection:
        changed = connection.execute(
            "UPDATE web_apps SET client_secret_hash = ? WHERE client_id = ?", (secret_hash, created["client_id"])
        ).rowcount
    assert changed == 1
    return Client(created["client_id"], SPECIAL_SECRET)


@pytest.fixture(scope="session")
def https_server(tmp_path_factory):
    """A second `doorman serve` on an empty database, started with `--public-url https://doorman.example`."""
    data_dir = str(tmp_path_factory.mktemp("doorman-https"))
    migrate(data_dir)
    server = DoormanServer.start(data_dir, extra_arguments=("--public-url", HTTPS_PUBLIC_URL))
    try:
        yield server
    finally:
        status = server.stop()
    assert status == 0, f"doorman serve exited with {status} after SIGTERM:\n{server.log}"
