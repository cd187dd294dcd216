# slush-check: the two commands of the README.
#   make run    installs what is missing, builds, and checks the default configuration
#   make test   the same set-up, then the whole test suite through ctest
#   make fuzz   builds the libFuzzer targets (clang) into build-fuzz/ and fuzzes each for
#               FUZZ_SECONDS from its corpus; fails naming the crash and the trace on a finding
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
EXAMPLE ?= examples/r1-bridging.toml
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= protocol config trace
# Properties fuzz_protocol does not check (SLUSH_FUZZ_SKIP): open findings of docs/fuzzing.md.
FUZZ_SKIP ?=

.PHONY: all deps configure build run test fuzz clean

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

fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build $(FUZZ_BUILD_DIR) -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	@SLUSH_FUZZ_SKIP=$(FUZZ_SKIP) bash scripts/fuzz.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf $(BUILD_DIR)
