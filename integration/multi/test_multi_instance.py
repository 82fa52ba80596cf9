"""Two Doorman instances on one PostgreSQL database behind nginx: codes, tokens, sessions and revocations made
through one instance hold on the other, and nginx spreads requests over both."""

import re
import threading
import time

import pytest
import requests

import wire
from deployment import token_cache_seconds
from flows import CodeSource, exchange, get_me, refresh, revoke

PARALLEL_REDEMPTIONS = 20
# Time allowed beyond the documented bound for a revocation to reach the other instance, for a slow machine.
REVOCATION_MARGIN_SECONDS = 2


def instance_url(deployment, index):
    return deployment.instances[index].base_url


def wait_until_refused(base_url, access_token, seconds):
    """Poll GET /v5/me with the token until it returns 401, for up to `seconds`, and return the last response."""
    deadline = time.monotonic() + seconds
    while True:
        response = get_me(base_url, access_token)
        if response.status_code == 401 or time.monotonic() >= deadline:
            return response
        time.sleep(0.1)


def test_nginx_spreads_requests(deployment):
    ids = []
    for _ in range(20):
        response = requests.get(deployment.base_url + "/healthz", verify=deployment.verify, timeout=10)
        assert response.status_code == 200, response.text
        ids.append(response.headers["X-Request-Id"])

    # nginx's $request_id is 32 hexadecimal digits, and Doorman adopts it instead of making its own.
    assert all(re.fullmatch(r"[0-9a-f]{32}", each) for each in ids), ids
    time.sleep(0.5)  # An instance logs a request after it sent the response.
    for instance in deployment.instances:
        served = [each for each in ids if each in instance.log]
        assert served, f"instance on port {instance.port} logged none of the requests sent through nginx"
    access_log = deployment.proxy.access_log
    assert all(f"request_id={each}" in access_log for each in ids)


def test_plain_http_redirects_to_https(deployment):
    response = requests.get(f"http://127.0.0.1:{deployment.proxy.http_port}/v5/me", allow_redirects=False,
                            timeout=10)

    assert response.status_code == 301
    assert response.headers["Location"] == "https://127.0.0.1/v5/me"


def test_code_from_one_redeemed_on_other(deployment):
    code = CodeSource(instance_url(deployment, 0), deployment.web_app, deployment.buyer).next_code()

    response = exchange(instance_url(deployment, 1), deployment.web_app, code)

    assert response.status_code == 200, response.text
    access_token = response.json()["access_token"]
    for base_url in (instance_url(deployment, 0), instance_url(deployment, 1)):
        me = get_me(base_url, access_token)
        assert me.status_code == 200, f"{base_url}: {me.text}"
        assert me.json()["username"] == deployment.buyer.username
    through_proxy = get_me(deployment.base_url, access_token, verify=deployment.verify)
    assert through_proxy.status_code == 200, through_proxy.text


def test_session_from_one_used_on_other(deployment):
    source = CodeSource(instance_url(deployment, 0), deployment.web_app, deployment.buyer)
    source.next_code()

    # The session cookie of 127.0.0.1 goes to every port, so the second instance accepts the sign-in made on the first.
    source.browser.base_url = instance_url(deployment, 1)
    code = source.next_code()

    assert exchange(instance_url(deployment, 0), deployment.web_app, code).status_code == 200


def test_parallel_redemptions_issue_one_token(deployment):
    code = CodeSource(deployment.base_url, deployment.web_app, deployment.buyer, verify=deployment.verify).next_code()
    start = threading.Barrier(PARALLEL_REDEMPTIONS)
    responses = [None] * PARALLEL_REDEMPTIONS

    def redeem(slot):
        base_url = instance_url(deployment, slot % 2)
        start.wait()
        responses[slot] = exchange(base_url, deployment.web_app, code)

    threads = [threading.Thread(target=redeem, args=(slot,)) for slot in range(PARALLEL_REDEMPTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    successes = [response for response in responses if response.status_code == 200]
    failures = [response for response in responses if response.status_code != 200]
    assert len(successes) == 1, [(response.status_code, response.text) for response in responses]
    assert all(response.status_code == 400 for response in failures)
    assert all(response.json() == {"error": "invalid_grant", "error_description": wire.INVALID_GRANT}
               for response in failures)
    # Every losing request presented a used code, which revokes the grant (RFC 6749 section 4.1.2).
    access_token = successes[0].json()["access_token"]
    bound = token_cache_seconds() + REVOCATION_MARGIN_SECONDS
    for index in range(2):
        assert wait_until_refused(instance_url(deployment, index), access_token, bound).status_code == 401


def test_replay_on_other_revokes_token(deployment):
    web_app = deployment.web_app
    first, second = instance_url(deployment, 0), instance_url(deployment, 1)
    code = CodeSource(first, web_app, deployment.buyer).next_code()
    tokens = exchange(first, web_app, code).json()
    assert get_me(first, tokens["access_token"]).status_code == 200
    assert get_me(second, tokens["access_token"]).status_code == 200

    replay = exchange(second, web_app, code)
    assert replay.status_code == 400
    assert replay.json()["error"] == "invalid_grant"

    bound = token_cache_seconds() + REVOCATION_MARGIN_SECONDS
    refused = wait_until_refused(first, tokens["access_token"], bound)
    assert refused.status_code == 401, f"still accepted {bound} s after the replay: {refused.text}"
    assert refused.json() == {"message": wire.INVALID_TOKEN_MESSAGE}
    assert get_me(second, tokens["access_token"]).status_code == 401
    assert refresh(first, web_app, tokens["refresh_token"]).status_code == 400


def test_revocation_on_one_refused_on_other(deployment):
    web_app = deployment.web_app
    first, second = instance_url(deployment, 0), instance_url(deployment, 1)
    code = CodeSource(first, web_app, deployment.buyer).next_code()
    tokens = exchange(first, web_app, code).json()
    # Reading the token on the second instance first fills its token cache, if it has one.
    assert get_me(second, tokens["access_token"]).status_code == 200

    response = revoke(first, web_app, tokens["access_token"])
    if response.status_code == 404:
        pytest.skip("this build has no POST /oauth/revoke")
    assert response.status_code == 200, response.text

    bound = token_cache_seconds() + REVOCATION_MARGIN_SECONDS
    refused = wait_until_refused(second, tokens["access_token"], bound)
    assert refused.status_code == 401, f"still accepted {bound} s after revocation: {refused.text}"
