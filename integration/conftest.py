"""Fixtures of the black-box suite: one Doorman server with a seller, a buyer, a visitor and a web app."""

import functools
import secrets

import pytest

import browser
from doorman import DoormanServer, WebApp, create_account, migrate, run_admin

# Nothing listens at this callback: the tests read the Location header instead of following it.
CALLBACK_URL = "http://127.0.0.1:9/callback/whop"

# Every test signs in from 127.0.0.1 on this one server, more often than the default 30 sign-ins per address in
# 300 seconds allow, so that limit is off here. The other limits keep their defaults, and test_rate_limits.py
# checks every limit on servers of its own.
SESSION_SERVER_FLAGS = ("--sign-in-limit-per-address", "off")


@pytest.fixture(scope="session")
def doorman(tmp_path_factory):
    """A running `doorman serve` on a fresh data directory, filled through the administration commands.

    Yields a `Doorman` with the server, `web_app` (client credentials), `buyer` (a member of the web app's
    product), `visitor` (no membership), `data_dir` and `product_id`. Stops the server with SIGTERM and checks that
    it exits with 0."""
    data_dir = str(tmp_path_factory.mktemp("doorman-data"))
    migrate(data_dir)

    seller = create_account(data_dir, "seller", secrets.token_urlsafe(16))
    buyer = create_account(data_dir, "buyer", secrets.token_urlsafe(16))
    visitor = create_account(data_dir, "visitor", secrets.token_urlsafe(16))

    company = run_admin(data_dir, "company", "create", "--owner", seller.id, "--name", "Integration Company")
    product = run_admin(data_dir, "product", "create", "--company", company["id"], "--title", "Integration Product")
    plan = run_admin(
        data_dir, "plan", "create", "--product", product["id"], "--price", "1000", "--currency", "usd",
        "--renewal", "30",
    )
    run_admin(data_dir, "membership", "grant", "--user", buyer.id, "--plan", plan["id"])
    created = run_admin(
        data_dir, "webapp", "create", "--name", "Integration Web App", "--callback-url", CALLBACK_URL,
        "--product", product["id"],
    )
    web_app = WebApp(client_id=created["client_id"], client_secret=created["client_secret"],
                     redirect_uri=CALLBACK_URL)

    server = DoormanServer.start(data_dir, extra_arguments=SESSION_SERVER_FLAGS)
    try:
        yield Doorman(server=server, web_app=web_app, buyer=buyer, visitor=visitor, data_dir=data_dir,
                      product_id=product["id"])
    finally:
        status = server.stop()
    assert status == 0, f"doorman serve exited with {status} after SIGTERM:\n{server.log}"


class Doorman:
    """The session's server and the records made for it: `data_dir` for more administration commands, and
    `product_id`, the product that the buyer has bought and the web app serves."""

    def __init__(self, server, web_app, buyer, visitor, data_dir, product_id):
        self.server = server
        self.base_url = server.base_url
        self.web_app = web_app
        self.buyer = buyer
        self.visitor = visitor
        # The administration commands and a second server can work on the same data directory.
        self.data_dir = data_dir
        self.product_id = product_id


@pytest.fixture
def obtain_code(doorman):
    """`obtain_code(username, password)`: walks sign-in and consent in a new browser session and returns the code."""
    return functools.partial(browser.obtain_code, doorman.base_url, doorman.web_app)
