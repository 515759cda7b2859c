# fazhi — build and test. `make test` is what CI runs (.ci/run).
SHARED ?= ../shared
CORPUS_MIN ?= title=0.95,year=0.97,org=0.90,recipient=0.95,l1_f1=0.99,l2_f1=0.97,parts=0.97

.PHONY: test lint unit wasm-check corpus bench

## Everything: format, lints, native tests, the wasm32 build check, and the corpus score.
test: lint unit wasm-check corpus

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

unit:
	cargo test

wasm-check:
	rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
	cargo build --lib --target wasm32-unknown-unknown

## Scores the CLI against the gold corpus in ../shared and fails below the agreed minimums.
corpus:
	cargo build --release
	@if [ -d "$(SHARED)/corpus" ]; then \
		python3 $(SHARED)/tools/score_corpus.py $(SHARED)/corpus --min $(CORPUS_MIN); \
	else echo "corpus: $(SHARED)/corpus not found, skipped"; fi

## Criterion benchmark: each seed and a 1 MB concatenation (MB/s in the output).
bench:
	cargo bench --bench analyze
