# The two commands: `make run` (serve the platform) and `make test` (run every test).
BUILD_DIR ?= build
BUILD_TYPE ?= Release
DATA ?= var
LISTEN ?= 127.0.0.1:8080
DEMO ?= 1
JOBS ?= $(shell nproc)

.PHONY: all deps build run test bench clean format

all: build

deps:
	@./scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null

build: deps $(BUILD_DIR)/build.ninja
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	./$(BUILD_DIR)/kechuang serve --data $(DATA) --listen $(LISTEN) $(if $(filter 0,$(DEMO)),--no-demo,)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600

bench: build
	./bench/run.sh

format:
	clang-format -i $$(git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' 'bench/*.cc')

clean:
	rm -rf $(BUILD_DIR)
