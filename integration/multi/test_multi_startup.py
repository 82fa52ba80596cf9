"""Two instances started at the same moment on an empty PostgreSQL database: one of them applies each migration,
and both serve."""

import os
import re
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import pytest

from deployment import PostgresServer
from doorman import DoormanServer

MIGRATION_PATTERN = re.compile(r"migration applied.*\bdb\.migration\.version=(\d+)")


@pytest.fixture(scope="module")
def empty_database():
    """The URL of a new database without tables, dropped after the module."""
    url = os.environ.get("DOORMAN_TEST_POSTGRES_URL", "")
    if not url:
        if os.environ.get("DOORMAN_REQUIRE_POSTGRES") == "1":
            pytest.fail("DOORMAN_TEST_POSTGRES_URL is not set; run the suite through scripts/test")
        pytest.skip("DOORMAN_TEST_POSTGRES_URL is not set; scripts/test sets it to a throw-away cluster")
    server = PostgresServer(url)
    name, database_url = server.create_database()
    try:
        yield database_url
    finally:
        server.drop_database(name)


def test_concurrent_starts_migrate_once(empty_database, tmp_path):
    def start(index):
        data_dir = tmp_path / f"data-{index}"
        data_dir.mkdir()
        return DoormanServer.start(str(data_dir), ["--database-url", empty_database])

    with ExitStack() as stack:
        with ThreadPoolExecutor(2) as pool:
            futures = [pool.submit(start, index) for index in range(2)]
        # Register every stop before the first result can raise, so that no started process is left running.
        for future in futures:
            if future.exception() is None:
                stack.callback(future.result().kill)
        servers = [future.result() for future in futures]

        applied = [int(version) for server in servers for version in MIGRATION_PATTERN.findall(server.log)]
        # Each version from 1 up, once in both logs together.
        assert sorted(applied) == list(range(1, len(applied) + 1)), f"migrations applied: {applied}"
        assert applied, "neither instance logged an applied migration"
        for server in servers:
            assert "database ready" in server.log
            assert server.stop() == 0, server.log
