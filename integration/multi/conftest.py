"""Fixtures of the multi-instance suite: per test module, a fresh PostgreSQL database with two Doorman instances
on it behind nginx.

The server comes from DOORMAN_TEST_POSTGRES_URL, which scripts/test sets to a throw-away cluster. Without it the
suite is skipped, unless DOORMAN_REQUIRE_POSTGRES=1 demands it, and then it fails."""

import os
from contextlib import ExitStack

import pytest

from deployment import PostgresServer, start_deployment


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    """A `Deployment`: two `doorman serve` processes on a database of their own, and nginx in front of them.

    Stops nginx and both instances by their process ids and drops the database afterwards, when a test fails too."""
    url = os.environ.get("DOORMAN_TEST_POSTGRES_URL", "")
    if not url:
        if os.environ.get("DOORMAN_REQUIRE_POSTGRES") == "1":
            pytest.fail("DOORMAN_TEST_POSTGRES_URL is not set; run the suite through scripts/test")
        pytest.skip("DOORMAN_TEST_POSTGRES_URL is not set; scripts/test sets it to a throw-away cluster")

    server = PostgresServer(url)
    name, database_url = server.create_database()
    directory = str(tmp_path_factory.mktemp("multi"))
    with ExitStack() as stack:
        stack.callback(server.drop_database, name)
        yield start_deployment(stack, directory, database_url)
