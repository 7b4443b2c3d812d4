# The front door. `make serve` builds the calculator and serves it at http://127.0.0.1:8000;
# `make test` installs what is missing, builds everything and runs every test.
# Both work from a fresh clone on Debian 12.

SHELL := /bin/sh
PORT ?= 8000
FUZZ_SECONDS ?= 60
export NODE_PATH := /usr/share/nodejs

SITE := build/wasm/site

.PHONY: all deps native wasm site serve test test-native test-wasm bench fuzz format clean

all: site

# [SECTION] Dependencies: Debian packages, Dear ImGui's source, the browser-test drivers and esbuild
# (npm ci again whenever a package-lock.json differs from the one last installed).
deps:
	@tools/install_deps.sh
	@tools/fetch_imgui.sh
	@tools/fetch_qrcodegen.sh
	@if ! cmp -s tests/browser/package-lock.json tests/browser/node_modules/.installed-package-lock.json; then \
	    npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error && \
	    cp tests/browser/package-lock.json tests/browser/node_modules/.installed-package-lock.json; fi
	@if ! cmp -s tools/package-lock.json tools/node_modules/.installed-package-lock.json; then \
	    npm ci --prefix tools --no-audit --no-fund --loglevel=error && \
	    cp tools/package-lock.json tools/node_modules/.installed-package-lock.json; fi

# [SECTION] Builds
native: deps
	cmake --preset native >/dev/null
	cmake --build --preset native

# The wasm build runs the native teams-needed to write the page's no-WebGL fallback.
wasm: native
	cmake --preset wasm >/dev/null
	cmake --build --preset wasm

site: wasm
	@echo "The site is in $(SITE)/"

serve: site
	@echo "Serving the calculator at http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory $(SITE)

# [SECTION] Tests
test: test-native test-wasm

test-native: native
	ctest --preset native

test-wasm: wasm
	ctest --preset wasm

# [SECTION] Benchmarks and fuzzing
# Prints sizes, first-frame times against a bare Dear ImGui page, idle frames and CPU per frame.
bench: wasm
	cmake --build --preset wasm --target imgui_bare_page
	node tools/bench.mjs build/wasm/site build/wasm/bare

fuzz: deps
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz
	tools/run_fuzzers.sh build/fuzz $(FUZZ_SECONDS)

format:
	clang-format -i src/*.cpp src/*.h web/*.cpp web/*.h tests/*.cpp tests/fuzz/*.cpp

clean:
	rm -rf build
