#!/bin/sh
# Size of the page's readers module as the Makefile's `web` target builds it: raw and gzip -9 bytes
# of fazhi_bg.wasm after wasm-bindgen (names and producers removed).
set -e
cd "$(dirname "$0")/.."
cargo build --lib --profile wasm --target wasm32-unknown-unknown --no-default-features --features readers
out=$(mktemp -d)
wasm-bindgen --target web --out-dir "$out" --remove-name-section --remove-producers-section \
	target/wasm32-unknown-unknown/wasm/fazhi.wasm
printf 'readers module: %s bytes raw, %s bytes gzip -9\n' \
	"$(wc -c < "$out/fazhi_bg.wasm")" "$(gzip -9c "$out/fazhi_bg.wasm" | wc -c)"
rm -r "$out"
