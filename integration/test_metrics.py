"""GET /metrics (Prometheus text format 0.0.4) and GET /readyz on a running server, checked after real requests.

The session's server is shared with other tests, so each check compares a scrape before and after its requests.
"""

import re

import requests

from test_token_endpoint import exchange, get_me

TIMEOUT_SECONDS = 10
# One sample line: a metric name, optional labels, a value. Label values may contain escaped quotes.
SAMPLE_LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (\S+)$')


def scrape(doorman):
    """Fetch /metrics and return its samples keyed by `name{labels}` as written, checking every line's form."""
    response = requests.get(doorman.base_url + "/metrics", timeout=TIMEOUT_SECONDS)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8"
    samples = {}
    for line in response.text.splitlines():
        if line.startswith("#"):
            assert re.match(r"^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* \S", line), line
            continue
        match = SAMPLE_LINE.match(line)
        assert match, f"malformed sample line: {line!r}"
        samples[line.rsplit(" ", 1)[0]] = float(match.group(3))
    return samples


def delta(before, after, key):
    return after.get(key, 0.0) - before.get(key, 0.0)


def test_code_exchange_is_counted(doorman, obtain_code):
    code = obtain_code(doorman.buyer.username, doorman.buyer.password)
    before = scrape(doorman)
    tokens = exchange(doorman, code).json()
    assert get_me(doorman, tokens["access_token"]).status_code == 200
    assert exchange(doorman, code).status_code == 400
    after = scrape(doorman)

    assert delta(before, after, 'doorman_oauth_tokens_issued_total{grant_type="authorization_code"}') == 1
    assert delta(before, after, "doorman_oauth_codes_redeemed_total") == 1
    assert delta(before, after, 'doorman_oauth_grant_errors_total{error="invalid_grant"}') == 1
    token_route = 'method="POST",route="/v5/oauth/token"'
    assert delta(before, after, f'doorman_http_requests_total{{{token_route},status="200"}}') == 1
    assert delta(before, after, f'doorman_http_requests_total{{{token_route},status="400"}}') == 1
    assert delta(before, after, 'doorman_http_requests_total{method="GET",route="/v5/me",status="200"}') == 1
    assert delta(before, after, 'doorman_http_request_duration_seconds_count{route="/v5/oauth/token"}') == 2


def test_raw_paths_stay_out_of_labels(doorman):
    before = scrape(doorman)
    response = requests.get(doorman.base_url + "/v5/me/memberships/mem_not_a_label", timeout=TIMEOUT_SECONDS)
    assert response.status_code == 401
    assert requests.get(doorman.base_url + "/no-route-here-31337", timeout=TIMEOUT_SECONDS).status_code == 404
    after = scrape(doorman)

    key = 'doorman_http_requests_total{method="GET",route="/v5/me/memberships/:id",status="401"}'
    assert delta(before, after, key) == 1
    assert delta(before, after, 'doorman_http_requests_total{method="GET",route="unmatched",status="404"}') == 1
    assert not any("mem_not_a_label" in name or "31337" in name for name in after)


def test_readyz_reports_ready(doorman):
    response = requests.get(doorman.base_url + "/readyz", timeout=TIMEOUT_SECONDS)

    assert response.status_code == 200
    assert response.json() == {"status": "ready"}
    assert response.headers["Cache-Control"] == "no-store"
