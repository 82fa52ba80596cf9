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
