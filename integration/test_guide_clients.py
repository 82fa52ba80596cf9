"""The token request and the user request of Whop's OAuth guide, in Python, Ruby and JavaScript, against Doorman.

Each client file in clients/ is the guide's code with the base URL https://api.whop.com, which this test replaces
with the server under test, so the guide works by changing only that URL."""

import json
import os
import subprocess
import sys

import pytest

CLIENTS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "clients")
GUIDE_BASE_URL = "https://api.whop.com"
CLIENT_TIMEOUT_SECONDS = 30

# Language: (interpreter, token request file, user request file).
CLIENTS = {
    "python": (sys.executable, "get_auth_token.py", "check_access.py"),
    "ruby": ("ruby", "get_auth_token.rb", "check_access.rb"),
    "javascript": ("node", "get_auth_token.mjs", "check_access.mjs"),
}


def run_client(interpreter, file_name, base_url, work_dir, *arguments):
    """Run a client file with the guide's base URL replaced by `base_url`, and return its JSON output."""
    with open(os.path.join(CLIENTS_DIR, file_name), encoding="utf-8") as source:
        code = source.read()
    assert GUIDE_BASE_URL in code, f"{file_name} no longer calls {GUIDE_BASE_URL}"

    path = work_dir / file_name
    path.write_text(code.replace(GUIDE_BASE_URL, base_url), encoding="utf-8")
    completed = subprocess.run(
        [interpreter, str(path), *arguments], capture_output=True, text=True, timeout=CLIENT_TIMEOUT_SECONDS,
        check=False,
    )
    assert completed.returncode == 0, f"{interpreter} {file_name} failed:\n{completed.stderr}"
    return json.loads(completed.stdout)


@pytest.mark.parametrize("language", sorted(CLIENTS))
def test_guide_client_token_and_user(language, doorman, obtain_code, tmp_path):
    interpreter, token_file, user_file = CLIENTS[language]
    web_app = doorman.web_app
    code = obtain_code(doorman.buyer.username, doorman.buyer.password)

    token = run_client(
        interpreter, token_file, doorman.base_url, tmp_path, code, web_app.client_id, web_app.client_secret,
        web_app.redirect_uri,
    )
    assert token.get("token_type") == "Bearer", token
    assert token.get("access_token"), token

    user = run_client(interpreter, user_file, doorman.base_url, tmp_path, token["access_token"])
    assert user.get("id") == doorman.buyer.id
    assert user.get("username") == doorman.buyer.username
