"""Start and drive a real `doorman` process for the black-box tests: admin commands, `serve`, and its log."""

import json
import os
import re
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field

import requests

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The debug build that `make test` makes before it runs this suite. Set DOORMAN_BIN to test another executable.
BINARY = os.environ.get("DOORMAN_BIN", os.path.join(REPOSITORY, ".build", "debug", "doorman"))

STARTUP_TIMEOUT_SECONDS = 20
STOP_TIMEOUT_SECONDS = 15
COMMAND_TIMEOUT_SECONDS = 60
PORT_PATTERN = re.compile(r"\bhttp\.port=(\d+)\b")


@dataclass
class Account:
    """A user created through `doorman user create`, with the password it signs in with."""

    id: str
    username: str
    password: str


@dataclass
class WebApp:
    """A web app created through `doorman webapp create`: the OAuth client's credentials."""

    client_id: str
    client_secret: str
    redirect_uri: str


def database_arguments(data_dir, database_url=None):
    """Return the storage options of a command: the data directory, and the database URL when one is given."""
    arguments = ["--data-dir", data_dir]
    if database_url is not None:
        arguments += ["--database-url", database_url]
    return arguments


def run_admin(data_dir, *arguments, stdin=None, database_url=None):
    """Run one `doorman` administration command with `--json` and return its parsed output.

    The command uses the SQLite database in `data_dir`, or the database at `database_url` when one is given."""
    command = [BINARY, *arguments, "--json", *database_arguments(data_dir, database_url), "--log-level", "warning"]
    completed = subprocess.run(
        command, input=stdin, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_SECONDS, check=False
    )
    if completed.returncode != 0:
        raise AssertionError(
            f"doorman {' '.join(arguments)} exited with {completed.returncode}: {completed.stderr.strip()}"
        )
    return json.loads(completed.stdout)


def migrate(data_dir, database_url=None):
    """Create the database in `data_dir`, or the schema at `database_url`, with `doorman migrate`."""
    completed = subprocess.run(
        [BINARY, "migrate", *database_arguments(data_dir, database_url)], capture_output=True, text=True,
        timeout=COMMAND_TIMEOUT_SECONDS, check=False,
    )
    if completed.returncode != 0:
        raise AssertionError(f"doorman migrate exited with {completed.returncode}: {completed.stderr.strip()}")


def create_account(data_dir, username, password, database_url=None):
    """Create a user whose password is read from standard input, as `--password-stdin` expects."""
    created = run_admin(
        data_dir, "user", "create", "--username", username, "--password-stdin", stdin=password + "\n",
        database_url=database_url,
    )
    return Account(id=created["id"], username=created["username"], password=password)


@dataclass
class DoormanServer:
    """A running `doorman serve`, whose standard error is collected in `log_lines`."""

    process: subprocess.Popen
    port: int
    log_lines: list = field(default_factory=list)

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self):
        return "".join(self.log_lines)

    @classmethod
    def start(cls, data_dir, extra_arguments=()):
        """Start `doorman serve` on an ephemeral loopback port and wait until `/healthz` returns 200.

        `extra_arguments` go after the default flags, such as `("--public-url", URL)`,
        `("--token-limit-per-client", "3/2")` or `["--database-url", url]`."""
        process = subprocess.Popen(
            [BINARY, "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", data_dir, *extra_arguments],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        server = cls(process=process, port=0)
        port_found = threading.Event()
        threading.Thread(target=server._read_log, args=(port_found,), daemon=True).start()

        if not port_found.wait(STARTUP_TIMEOUT_SECONDS) or server.port == 0:
            server.kill()
            raise AssertionError(f"doorman serve logged no http.port within {STARTUP_TIMEOUT_SECONDS} s:\n{server.log}")
        server._wait_for_health()
        return server

    def _read_log(self, port_found):
        # Reading every line also keeps the pipe from filling up and blocking the server.
        for line in self.process.stderr:
            self.log_lines.append(line)
            match = PORT_PATTERN.search(line)
            if match and not port_found.is_set():
                self.port = int(match.group(1))
                port_found.set()
        port_found.set()

    def _wait_for_health(self):
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"doorman serve exited with {self.process.returncode}:\n{self.log}")
            try:
                if requests.get(self.base_url + "/healthz", timeout=1).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.05)
        self.kill()
        raise AssertionError(f"doorman serve did not answer /healthz within {STARTUP_TIMEOUT_SECONDS} s")

    def stop(self):
        """Send SIGTERM and return the exit status, killing the process if it does not exit in time."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"doorman serve still ran {STOP_TIMEOUT_SECONDS} s after SIGTERM; killed it")

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
