"""Several `doorman serve` processes on one PostgreSQL database, behind nginx configured by deploy/nginx.conf.

Everything listens on 127.0.0.1. nginx runs as the current user from a temporary directory that contains its
configuration, pid file, logs and a self-signed certificate, so it never touches /etc/nginx or a system nginx."""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import requests

from doorman import BINARY, REPOSITORY, DoormanServer, WebApp, create_account, migrate, run_admin

NGINX_TEMPLATE = os.path.join(REPOSITORY, "deploy", "nginx.conf")
# Nothing listens at this callback: the tests read the Location header instead of following it.
CALLBACK_URL = "http://127.0.0.1:9/callback/whop"
STARTUP_TIMEOUT_SECONDS = 20
STOP_TIMEOUT_SECONDS = 15
COMMAND_TIMEOUT_SECONDS = 60
# Attempts to start nginx on ports found free, because another process may take a port before nginx binds it.
NGINX_START_ATTEMPTS = 3


def free_port():
    """Return a TCP port on 127.0.0.1 that is free now. Another process may take it before the caller binds it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    """The PostgreSQL server of the test run, named by DOORMAN_TEST_POSTGRES_URL, on which each test module gets
    a database of its own."""

    def __init__(self, url):
        self.url = url
        self.psql = shutil.which("psql") or "/usr/bin/psql"

    def _run_sql(self, sql):
        completed = subprocess.run(
            [self.psql, self.url, "--no-psqlrc", "--quiet", "-v", "ON_ERROR_STOP=1", "-c", sql],
            capture_output=True, text=True, timeout=COMMAND_TIMEOUT_SECONDS, check=False,
        )
        if completed.returncode != 0:
            raise AssertionError(f"psql failed on {sql!r} with {completed.returncode}: {completed.stderr.strip()}")

    def create_database(self):
        """Create a database with a new random name and return its URL."""
        name = "multi_" + secrets.token_hex(8)
        self._run_sql(f"CREATE DATABASE {name}")
        parts = urlsplit(self.url)
        return name, urlunsplit(parts._replace(path="/" + name))

    def drop_database(self, name):
        """Drop the database, disconnecting whatever is still connected to it (PostgreSQL 13 and later)."""
        self._run_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def make_certificate(directory):
    """Write a self-signed certificate for 127.0.0.1 and its key, and return their paths."""
    certificate = os.path.join(directory, "certificate.pem")
    key = os.path.join(directory, "key.pem")
    completed = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate],
        capture_output=True, text=True, timeout=COMMAND_TIMEOUT_SECONDS, check=False,
    )
    if completed.returncode != 0:
        raise AssertionError(f"openssl req exited with {completed.returncode}: {completed.stderr.strip()}")
    return certificate, key


def render_site(template, upstream_ports, http_port, https_port, certificate, key, access_log):
    """Return deploy/nginx.conf with its example values replaced by the test's ports and paths.

    Each example value must occur as often as expected, so that a changed file fails here instead of leaving an
    example address or path in the rendered configuration."""
    replacements = [
        ("server 127.0.0.1:8081 ", f"server 127.0.0.1:{upstream_ports[0]} ", 1),
        ("server 127.0.0.1:8082 ", f"server 127.0.0.1:{upstream_ports[1]} ", 1),
        ("listen 80;", f"listen 127.0.0.1:{http_port};", 1),
        ("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;", 1),
        ("/etc/ssl/doorman/fullchain.pem", certificate, 1),
        ("/etc/ssl/doorman/privkey.pem", key, 1),
        ("/var/log/nginx/doorman-access.log", access_log, 2),
    ]
    for example, value, expected_count in replacements:
        count = template.count(example)
        assert count == expected_count, (
            f"deploy/nginx.conf contains {example!r} {count} times, expected {expected_count}; "
            "update render_site in integration/multi/deployment.py to match the file"
        )
        template = template.replace(example, value)
    return template


def main_configuration(directory, site_path):
    """Return a top-level nginx configuration that keeps every file in `directory` and includes the site."""
    # As root, nginx would switch its workers to nobody:nogroup, which a minimal system may lack.
    user_line = ""
    if os.geteuid() == 0:
        user_line = "user root root;"
    return f"""{user_line}
daemon off;
worker_processes 2;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{ worker_connections 512; }}
http {{
    client_body_temp_path {directory}/client_body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
    include {site_path};
}}
"""


@dataclass
class NginxProxy:
    """A running nginx whose master process this test started, with its HTTPS and plain HTTP ports."""

    process: subprocess.Popen
    directory: str
    https_port: int
    http_port: int
    certificate: str

    @property
    def base_url(self):
        return f"https://127.0.0.1:{self.https_port}"

    @property
    def access_log(self):
        with open(os.path.join(self.directory, "access.log"), encoding="utf-8") as log:
            return log.read()

    @property
    def error_log(self):
        path = os.path.join(self.directory, "error.log")
        if not os.path.exists(path):
            return ""
        with open(path, encoding="utf-8") as log:
            return log.read()

    @classmethod
    def start(cls, directory, upstream_ports):
        """Render the configuration, start nginx and wait until /healthz returns 200 through it."""
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not os.access(nginx, os.X_OK):
            raise AssertionError("nginx not found; run: scripts/install-deps test")
        certificate, key = make_certificate(directory)
        with open(NGINX_TEMPLATE, encoding="utf-8") as template_file:
            template = template_file.read()

        failure = ""
        for _ in range(NGINX_START_ATTEMPTS):
            https_port, http_port = free_port(), free_port()
            site = render_site(template, upstream_ports, http_port, https_port, certificate, key,
                               os.path.join(directory, "access.log"))
            site_path = os.path.join(directory, "doorman.conf")
            with open(site_path, "w", encoding="utf-8") as site_file:
                site_file.write(site)
            config_path = os.path.join(directory, "nginx.conf")
            with open(config_path, "w", encoding="utf-8") as config_file:
                config_file.write(main_configuration(directory, site_path))

            process = subprocess.Popen(
                [nginx, "-p", directory, "-c", config_path, "-e", os.path.join(directory, "error.log")],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            proxy = cls(process=process, directory=directory, https_port=https_port, http_port=http_port,
                        certificate=certificate)
            if proxy._wait_for_health():
                return proxy
            failure = proxy.error_log
            proxy.stop()
        raise AssertionError(f"nginx did not start in {NGINX_START_ATTEMPTS} attempts:\n{failure}")

    def _wait_for_health(self):
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                response = requests.get(self.base_url + "/healthz", verify=self.certificate, timeout=1)
                if response.status_code == 200:
                    return True
            except requests.RequestException:
                pass
            time.sleep(0.05)
        return False

    def stop(self):
        """Send SIGTERM to the master process, which stops its workers, and SIGKILL it if it does not exit."""
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass
class Deployment:
    """Two Doorman instances on one PostgreSQL database behind nginx, with a buyer and a web app."""

    instances: list
    proxy: NginxProxy
    database_url: str
    web_app: WebApp
    buyer: object
    killed: set = field(default_factory=set)

    @property
    def base_url(self):
        """The public URL: nginx's HTTPS port."""
        return self.proxy.base_url

    @property
    def verify(self):
        """The certificate that requests through nginx verify the server against."""
        return self.proxy.certificate

    def kill(self, index):
        """Send SIGKILL to one instance, by its process id, and wait for it to exit."""
        self.instances[index].process.kill()
        self.instances[index].process.wait()
        self.killed.add(index)


def seed(data_dir, database_url):
    """Migrate the database and create a buyer with a membership and a confidential web app for the product."""
    migrate(data_dir, database_url=database_url)
    seller = create_account(data_dir, "seller", secrets.token_urlsafe(16), database_url=database_url)
    buyer = create_account(data_dir, "buyer", secrets.token_urlsafe(16), database_url=database_url)

    def admin(*arguments):
        return run_admin(data_dir, *arguments, database_url=database_url)

    company = admin("company", "create", "--owner", seller.id, "--name", "Multi Company")
    product = admin("product", "create", "--company", company["id"], "--title", "Multi Product")
    plan = admin("plan", "create", "--product", product["id"], "--price", "1000", "--currency", "usd",
                 "--renewal", "30")
    admin("membership", "grant", "--user", buyer.id, "--plan", plan["id"])
    created = admin("webapp", "create", "--name", "Multi Web App", "--callback-url", CALLBACK_URL,
                    "--product", product["id"])
    web_app = WebApp(client_id=created["client_id"], client_secret=created["client_secret"],
                     redirect_uri=CALLBACK_URL)
    return buyer, web_app


def start_deployment(stack: ExitStack, directory, database_url):
    """Seed the database, start two instances and nginx, and register their stops on `stack`.

    The stack stops nginx first, then the instances, also when a test or a later start fails. An instance that a
    test killed is skipped, and every other instance must exit with 0 after SIGTERM."""
    data_dir = os.path.join(directory, "data")
    os.makedirs(data_dir)
    buyer, web_app = seed(data_dir, database_url)

    instances = []
    killed = set()
    for _ in range(2):
        # Every connection comes from nginx's address, so the per-address connection limit is off and nginx is a
        # trusted proxy, as the guide advises. Rate limits are off because these tests send hundreds of
        # authorization and token requests from one address; integration/security/test_rate_limits.py covers them.
        arguments = ["--database-url", database_url, "--threads", "2", "--max-connections-per-ip", "0",
                     "--trusted-proxy", "127.0.0.1", "--rate-limits", "off"]
        instance = DoormanServer.start(data_dir, arguments)
        stack.callback(instance.kill)
        instances.append(instance)
    stack.callback(stop_instances, instances, killed)

    proxy_directory = os.path.join(directory, "nginx")
    os.makedirs(proxy_directory)
    proxy = NginxProxy.start(proxy_directory, [instance.port for instance in instances])
    stack.callback(proxy.stop)
    return Deployment(instances=instances, proxy=proxy, database_url=database_url, web_app=web_app, buyer=buyer,
                      killed=killed)


def stop_instances(instances, killed):
    """Stop every instance that a test did not kill with SIGTERM, and check that each exits with 0."""
    failed = {}
    for index, instance in enumerate(instances):
        if index in killed:
            continue
        status = instance.stop()
        if status != 0:
            failed[index] = status
    assert not failed, f"instances exited with {failed} after SIGTERM:\n" + "\n".join(
        instances[index].log for index in failed)


def token_cache_seconds():
    """Return how long an instance may keep accepting a token that another instance revoked, in seconds.

    The bound is the default of `--token-cache-seconds` in `doorman help serve` when the option exists, and 0
    otherwise, because then every request reads the token from the database."""
    completed = subprocess.run([BINARY, "help", "serve"], capture_output=True, text=True,
                               timeout=COMMAND_TIMEOUT_SECONDS, check=False)
    assert completed.returncode == 0, f"doorman help serve exited with {completed.returncode}: {completed.stderr}"
    match = re.search(r"--token-cache-seconds\b.*?default: (\d+)", completed.stdout, re.DOTALL)
    return int(match.group(1)) if match else 0
