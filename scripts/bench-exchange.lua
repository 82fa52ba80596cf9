-- wrk script: exchanges one unused authorization code per request at the token endpoint, with the JSON body of
-- the integration guide's JavaScript and Ruby clients (code, client_id, client_secret, redirect_uri).
--
-- Environment, set by scripts/bench:
--   BENCH_FIXTURES_DIR  directory with client-id.txt, client-secret.txt, redirect-uri.txt and the code files
--   BENCH_PHASE         "warmup" or "measure": reads codes-warmup.txt or codes-measure.txt, so the measured run
--                       never presents a code that the warm-up already redeemed
--   BENCH_CODES_NAME    first part of the code files' names (default "codes"), so that each row can read codes of
--                       its own, such as pg-2-codes-measure.txt
--   BENCH_THREADS       wrk's -t value
--
-- Each wrk thread takes every n-th code of the file, so no two threads send the same code. A thread that runs
-- out stops and done() reports it, because sending a code twice would measure replay rejections instead.

local threads = {}

-- wrk 4.1 calls setup(thread) and then that thread's init() before it sets up the next thread, so the thread
-- count cannot be learned here and comes from BENCH_THREADS instead.
function setup(thread)
    thread:set("thread_index", #threads)
    table.insert(threads, thread)
end

local function read_first_line(path)
    local file = assert(io.open(path, "r"), "cannot open " .. path .. "; run doorman-bench-fixtures first")
    local line = file:read("*l")
    file:close()
    return line
end

function init(args)
    local dir = assert(os.getenv("BENCH_FIXTURES_DIR"), "BENCH_FIXTURES_DIR is not set")
    local phase = os.getenv("BENCH_PHASE") or "measure"
    local thread_count = tonumber(os.getenv("BENCH_THREADS") or "")
    assert(thread_count and thread_index < thread_count, "BENCH_THREADS must be wrk's -t value")
    local client_id = read_first_line(dir .. "/client-id.txt")
    local client_secret = read_first_line(dir .. "/client-secret.txt")
    local redirect_uri = read_first_line(dir .. "/redirect-uri.txt")

    -- The values are base64url and a plain URL, so they need no JSON escaping.
    local template = '{"code":"%s","client_id":"' .. client_id .. '","client_secret":"' .. client_secret
        .. '","redirect_uri":"' .. redirect_uri .. '"}'
    local headers = { ["Content-Type"] = "application/json" }

    -- Requests are built here, once, because building them in request() would slow wrk itself.
    requests = {}
    local line_number = 0
    local codes_name = os.getenv("BENCH_CODES_NAME") or "codes"
    for code in io.lines(dir .. "/" .. codes_name .. "-" .. phase .. ".txt") do
        if line_number % thread_count == thread_index then
            requests[#requests + 1] = wrk.format("POST", nil, headers, string.format(template, code))
        end
        line_number = line_number + 1
    end
    next_request = 1
    ran_out = false
end

function request()
    local next = requests[next_request]
    if next == nil then
        ran_out = true
        wrk.thread:stop()
        -- request() must return a request, so this one repeats the last code; the server rejects it.
        return requests[#requests]
    end
    next_request = next_request + 1
    return next
end

function done(summary, latency, rates)
    for index, thread in ipairs(threads) do
        if thread:get("ran_out") then
            io.stderr:write(string.format(
                "bench-exchange: thread %d ran out of codes after %d; mint more (BENCH_EXCHANGE_CODES_PER_SECOND)\n",
                index, thread:get("next_request") - 1))
        end
    end
end
