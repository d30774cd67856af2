# Sift: the one entry point.
#   make        set up (toolchains, browsers, npm packages), build everything, run `sift` on the sample page
#   make test   everything `make` does, then every test: Rust (unit + fixtures), e2e in Chromium and Firefox, www
#   make eval   accuracy on ../shared/corpus (needs ../shared)
#   make bench  speed and size benchmarks (needs ../shared)
#   make dist   Chrome .zip and Firefox .xpi under target/dist/

SAMPLE := www/samples/reference.html

.PHONY: all setup build native wasm extension sample test test-rust test-e2e eval bench dist clean

all: setup build sample

setup:
	bash scripts/setup.sh

build: native wasm extension

native:
	cargo build --release

wasm:
	bash scripts/build-wasm.sh

extension: wasm
	node scripts/build-extension.mjs

sample: native
	./target/release/sift outline $(SAMPLE)
	./target/release/sift explain $(SAMPLE)

test: setup build test-rust test-e2e

test-rust:
	cargo test --release

test-e2e:
	bash scripts/test-e2e.sh

eval: native
	bash scripts/eval.sh

bench: setup build
	bash scripts/bench.sh

dist: build
	node scripts/build-extension.mjs --dist

clean:
	rm -rf target extension/wasm www/wasm test-output
