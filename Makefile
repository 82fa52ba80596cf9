# Build, run, test and benchmark Doorman. build, demo, test and bench first install the Debian packages they need.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# A toolchain unpacked to /opt/swift is on PATH only where a login script adds it.
ifeq ($(shell command -v swift),)
export PATH := $(PATH):/opt/swift/usr/bin
endif

TEST_OUTPUT := test-output

# Seconds of fuzzing per target: FUZZ_SECONDS for `make fuzz`, FUZZ_TEST_SECONDS for the short run of `make test`.
FUZZ_SECONDS ?= 300
FUZZ_TEST_SECONDS ?= 8

.PHONY: build demo test fuzz bench clean format lint

build:
	bash scripts/install-deps build
	swift build

# scripts/demo reads DOORMAN_DATA_DIR, DEMO_PORT and DEMO_WEBAPP_PORT, from the environment or the make command line.
demo:
	bash scripts/install-deps build
	bash scripts/demo

# scripts/test starts a throw-away PostgreSQL cluster for swift test and stops it afterwards, replays the kept
# fuzz inputs and fuzzes each parser briefly, then runs the black-box suites (Python, Ruby, Node) through
# scripts/run-integration-tests.
test:
	bash scripts/install-deps test
	TEST_OUTPUT=$(TEST_OUTPUT) FUZZ_TEST_SECONDS=$(FUZZ_TEST_SECONDS) bash scripts/test

# Replays the kept inputs, then fuzzes each parser for FUZZ_SECONDS seconds (see docs/FUZZING.md).
fuzz:
	bash scripts/install-deps build
	bash scripts/fuzz build
	bash scripts/fuzz replay
	bash scripts/fuzz run $(FUZZ_SECONDS)

bench:
	bash scripts/install-deps bench
	swift build -c release
	bash scripts/bench

clean:
	swift package clean
	rm -rf $(TEST_OUTPUT) bench-output data/demo

format:
	swift-format format --configuration .swift-format --in-place --recursive Sources Tests

# --strict turns findings into a failing exit status.
lint:
	swift-format lint --configuration .swift-format --strict --recursive Sources Tests
