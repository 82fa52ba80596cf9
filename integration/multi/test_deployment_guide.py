"""docs/DEPLOYMENT.md shows deploy/nginx.conf, the configuration that the multi-instance tests run through."""

import os
import re

from doorman import REPOSITORY


def read(relative_path):
    with open(os.path.join(REPOSITORY, relative_path), encoding="utf-8") as source:
        return source.read()


def test_guide_shows_tested_nginx_config():
    blocks = re.findall(r"^```nginx\n(.*?)^```$", read("docs/DEPLOYMENT.md"), re.MULTILINE | re.DOTALL)

    assert read("deploy/nginx.conf") in blocks, "copy deploy/nginx.conf into the nginx block of docs/DEPLOYMENT.md"


def seconds(value):
    """Return an nginx time such as 20s, 1m or 30 in seconds."""
    match = re.fullmatch(r"(\d+)(ms|s|m)?", value)
    assert match, f"cannot read the nginx time {value!r}"
    number, unit = int(match.group(1)), match.group(2) or "s"
    return {"ms": number / 1000, "s": number, "m": number * 60}[unit]


def test_proxy_closes_idle_connections_first():
    """nginx must drop an idle upstream connection before Doorman closes it, or a POST sent on it gets 502."""
    upstream = re.search(r"^upstream doorman \{(.*?)^\}", read("deploy/nginx.conf"), re.MULTILINE | re.DOTALL)
    assert upstream, "deploy/nginx.conf has no upstream doorman block"
    proxy_timeout = re.search(r"^\s*keepalive_timeout\s+(\S+);", upstream.group(1), re.MULTILINE)
    assert proxy_timeout, "the upstream block sets no keepalive_timeout, and nginx's default of 60 s is too long"
    doorman_default = re.search(r"public var connectionTimeout = (\d+)", read("Sources/DoormanApp/Configuration.swift"))
    assert doorman_default, "Configuration.connectionTimeout has no literal default to compare with"

    assert seconds(proxy_timeout.group(1)) < int(doorman_default.group(1))
