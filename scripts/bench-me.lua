-- wrk script: sends GET to the URL with a different access token on each request, cycling through the tokens
-- of $BENCH_FIXTURES_DIR/access-tokens-sample.txt, so that lookups spread over the token table instead of
-- finding one hot row.

function init(args)
    local dir = assert(os.getenv("BENCH_FIXTURES_DIR"), "BENCH_FIXTURES_DIR is not set")
    requests = {}
    for token in io.lines(dir .. "/access-tokens-sample.txt") do
        requests[#requests + 1] = wrk.format("GET", nil, { Authorization = "Bearer " .. token }, nil)
    end
    assert(#requests > 0, "access-tokens-sample.txt is empty; run doorman-bench-fixtures with --access-tokens")
    next_request = 1
end

function request()
    local next = requests[next_request]
    next_request = next_request % #requests + 1
    return next
end
