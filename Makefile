# slush-check: the two commands of the README.
#   make run    installs what is missing, builds, and checks the default configuration
#   make test   the same set-up, then the whole test suite through ctest
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
EXAMPLE ?= examples/r1-bridging.toml

.PHONY: all deps configure build run test clean

all: build

deps:
	@bash scripts/install-deps.sh

configure: deps
	@cmake --preset default >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	./$(BUILD_DIR)/slush check $(EXAMPLE)

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR)
