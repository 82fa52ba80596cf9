# Build, run, test and benchmark Doorman. build, demo, test and bench first install the Debian packages they need.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# A toolchain unpacked to /opt/swift is on PATH only where a login script adds it.
ifeq ($(shell command -v swift),)
export PATH := $(PATH):/opt/swift/usr/bin
endif

DEMO_PORT ?= 8080
# A DOORMAN_DATA_DIR from the environment is used as it is; the default directory starts empty on every run.
DEMO_DATA_DIR := $(or $(DOORMAN_DATA_DIR),data/demo)
TEST_OUTPUT := test-output
# Black-box suites (Python, Ruby, Node) that drive a running server plug in through this script.
INTEGRATION_TESTS := scripts/run-integration-tests

.PHONY: build demo test bench clean format lint

build:
	bash scripts/install-deps build
	swift build

demo:
	bash scripts/install-deps build
	swift build -c release
ifndef DOORMAN_DATA_DIR
	rm -rf "$(DEMO_DATA_DIR)"
endif
	mkdir -p "$(DEMO_DATA_DIR)"
	@echo "Doorman: http://127.0.0.1:$(DEMO_PORT)/ (data in $(DEMO_DATA_DIR); Ctrl-C stops it)"
	exec .build/release/doorman serve --host 127.0.0.1 --port $(DEMO_PORT) --data-dir "$(DEMO_DATA_DIR)"

test:
	bash scripts/install-deps test
	swift build --build-tests
	mkdir -p $(TEST_OUTPUT)
	swift test --xunit-output $(TEST_OUTPUT)/swift-tests.xml 2>&1 | tee $(TEST_OUTPUT)/swift-test.log
	if [ -f $(INTEGRATION_TESTS) ]; then TEST_OUTPUT=$(TEST_OUTPUT) bash $(INTEGRATION_TESTS); fi

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
