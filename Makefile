# fazhi — build and test. `make test` is what CI runs (.ci/run).
SHARED ?= ../shared
CORPUS_MIN ?= title=1.000,year=1.000,org=1.000,org_full=1.000,recipient=1.000,l1_f1=0.987,l2_f1=0.996,parts=1.000

.PHONY: wheel test-python bench-python test-review test-npm test-compat test-hostile fuzz test lint unit wasm-check corpus bench web serve tools test-browser browser-deps dist test-wasm bench-browser bench-docx bench-batch bench-batch-native bench-batch-browser

WASM_BINDGEN_VERSION = 0.2.130
WASM = target/wasm32-unknown-unknown/wasm/fazhi.wasm
WASM_CORE = target/core/wasm32-unknown-unknown/wasm/fazhi.wasm
WASM_XLSX = target/xlsx/wasm32-unknown-unknown/wasm/fazhi.wasm
WASM_BATCH = target/batch/wasm32-unknown-unknown/wasm/fazhi.wasm
WASM_REVIEW = target/review/wasm32-unknown-unknown/wasm/fazhi.wasm
SAMPLE = tests/fixtures/seeds/000_0ac10b74a13066d8.txt

## Builds the page into www/ (wasm + glue in www/pkg/, a sample report) and serves it on 127.0.0.1:8080.
serve: web
	@echo "fazhi: http://127.0.0.1:8080/"
	python3 -m http.server 8080 --bind 127.0.0.1 --directory www

## Four wasm modules (src/wasm.rs: a `module-*` feature picks the exports, and they what code each
## carries): www/pkg/ (the analyzer: loads with the page), www/pkg/readers/ (only the readers of
## .docx/.doc/PDF/OFD, bytes → text: loaded when such a file is opened; the page's module analyzes
## the text), www/pkg/batch/ (the analyzer and the batch: the batch's worker, with the readers
## module when a .docx… or a zip comes) and www/pkg/xlsx/ (only the spreadsheet writer: loaded when
## 导出 Excel is clicked). Separate target dirs keep the builds incremental.
## Built for the WebAssembly MVP (docs/browsers.md): Rust's wasm32 target enables reference types
## and multi-value, which Chromium < 96 / < 85 cannot compile, and its prebuilt std has them too; so
## std is rebuilt (-Zbuild-std, rust-src) with -Ctarget-cpu=mvp, on a pinned stable rustc with
## RUSTC_BOOTSTRAP=1 (the only unstable flag used is cargo's -Zbuild-std).
WASM_TOOLCHAIN = 1.95.0
## std is built with `optimize_for_size` (smaller sorts, formatting…) and panics abort at once
## (-Cpanic=immediate-abort: no message formatting, which the browser never showed anyway; a panic
## is a trap either way): page module -37 KB gzipped (docs/browsers.md).
WASM_CARGO = RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Ctarget-cpu=mvp -Zunstable-options -Cpanic=immediate-abort" \
	cargo +$(WASM_TOOLCHAIN) build -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size \
	--lib --profile wasm --target wasm32-unknown-unknown --no-default-features
WASM_BINDGEN = wasm-bindgen --target web --remove-name-section --remove-producers-section
WASM_MODULES = www/pkg/fazhi_bg.wasm www/pkg/readers/fazhi_bg.wasm www/pkg/batch/fazhi_bg.wasm www/pkg/xlsx/fazhi_bg.wasm www/pkg/review/fazhi_bg.wasm
## Then wasm-opt (npm binaryen, pinned in package.json; Debian's is broken), after wasm-bindgen, on
## the MVP and the three features the modules already use (tests/wasm-features.mjs): -O1, because
## -O2, -O3 and -Oz make the modules 3-7% smaller raw but 2-7% larger gzipped (docs/browsers.md).
WASM_OPT = node_modules/.bin/wasm-opt -O1 --mvp-features --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int
web: tools
	$(WASM_CARGO) --features module-core --target-dir target/core
	$(WASM_BINDGEN) --out-dir www/pkg $(WASM_CORE)
	$(WASM_CARGO) --features module-readers
	$(WASM_BINDGEN) --out-dir www/pkg/readers $(WASM)
	@# The batch module is built for speed (opt-level 3), not size: only the batch's worker loads
	@# it, and 200 reports in the page go ~19% faster for ~59 KB more gzipped (#20).
	CARGO_PROFILE_WASM_OPT_LEVEL=3 $(WASM_CARGO) --features module-batch --target-dir target/batch
	$(WASM_BINDGEN) --out-dir www/pkg/batch $(WASM_BATCH)
	$(WASM_CARGO) --features module-xlsx --target-dir target/xlsx
	$(WASM_BINDGEN) --out-dir www/pkg/xlsx $(WASM_XLSX)
	$(WASM_CARGO) --features module-review --target-dir target/review
	$(WASM_BINDGEN) --out-dir www/pkg/review $(WASM_REVIEW)
	@for m in $(WASM_MODULES); do $(WASM_OPT) $$m -o $$m || exit 1; done
	node tests/wasm-features.mjs $(WASM_MODULES)
	cp $(SAMPLE) www/pkg/sample.txt

## dist/: the static files for any web server, dist/fazhi.html, one self-contained file for file://,
## and dist/npm/, the npm package (the elements, their workers, the wasm modules, TypeScript declarations).
dist: web
	rm -rf dist && mkdir -p dist/pkg/readers dist/pkg/batch dist/pkg/xlsx dist/pkg/review
	cp www/index.html www/compat.js www/page.js www/fazhi-analyzer.js www/fazhi-batch.js www/batch-engine.js www/batch-charts.js www/batch-worker.js www/analyzer-worker.js www/review-export.js www/embed-example.html www/embed-example.js dist/
	cp www/pkg/fazhi.js www/pkg/fazhi_bg.wasm www/pkg/sample.txt dist/pkg/
	cp www/pkg/readers/fazhi.js www/pkg/readers/fazhi_bg.wasm dist/pkg/readers/
	cp www/pkg/batch/fazhi.js www/pkg/batch/fazhi_bg.wasm dist/pkg/batch/
	cp www/pkg/xlsx/fazhi.js www/pkg/xlsx/fazhi_bg.wasm dist/pkg/xlsx/
	cp www/pkg/review/fazhi.js www/pkg/review/fazhi_bg.wasm dist/pkg/review/
	python3 www/make_single_file.py www $(SAMPLE) dist/fazhi.html
	node npm/build.mjs www dist/npm

## Installs what the page build needs when missing: the pinned toolchain with rust-src and the wasm32
## target (for the MVP build above), wasm-bindgen-cli (no --locked: its lock pins a crate the
## registry here lacks) and the npm devDependencies (wasm-opt).
tools:
	rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
	@if ! rustup component list --toolchain $(WASM_TOOLCHAIN) --installed 2>/dev/null | grep -q '^rust-src'; then \
		rustup toolchain install $(WASM_TOOLCHAIN) --profile minimal --component rust-src --target wasm32-unknown-unknown; fi
	@if ! wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)"; then \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); fi
	@test -x node_modules/.bin/wasm-opt || npm ci --no-audit --no-fund

## Everything: format, lints, native tests, the wasm32 build check, the corpus score (skipped when
## $(SHARED)/corpus is not there: nothing else needs ../shared), the page in Chromium, the npm
## package, old browsers, the wasm tests. Ends with one line per stage (result, seconds); the logs
## are in target/test-logs/.
test:
	@MAKE="$(MAKE)" tools/stages.sh lint:lint unit:unit wasm:wasm-check \
		"corpus:$(if $(wildcard $(SHARED)/corpus/gold.jsonl),corpus,):$(SHARED)/corpus not found" \
		review:test-review python:test-python browser:test-browser npm:test-npm compat:test-compat wasm-tests:test-wasm

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --no-default-features -- -D warnings
	cargo clippy --lib --no-default-features --features python -- -D warnings

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

## The reviewer's round trip (#18, docs/review.md): `fazhi review` on every fixture; python-docx
## opens each result and LibreOffice's conversion lists every finding's comment at its paragraph
## (tests/review/check_docx.py). Installs python-docx ≥ 1.2 (comments) and LibreOffice Writer
## (headless, Debian's libreoffice-writer-nogui) when missing.
test-review:
	cargo build --release
	@python3 -c "import docx; docx.Document().comments" 2>/dev/null || pip install -q 'python-docx>=1.2' || pip install -q --break-system-packages 'python-docx>=1.2'
	@command -v soffice >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui)
	python3 tests/review/check_docx.py target/release/fazhi tests/fixtures/formats target/review

## The Python package (#19, docs/python.md): the abi3 wheel for CPython ≥ 3.9 in target/wheels/,
## built by maturin (feature `python`, src/python.rs) in its own target dir (the CLI's release
## build has other features, and would rebuild each time).
PY_TARGET = $(abspath target/python)
PY_VENV = target/py-venv
wheel:
	@python3 -m maturin --version >/dev/null 2>&1 || pip install -q 'maturin>=1.9,<2' || pip install -q --break-system-packages 'maturin>=1.9,<2'
	CARGO_TARGET_DIR=$(PY_TARGET) python3 -m maturin build --release -o target/wheels

## `pip install .` into a new venv, then tests/python/ with every extra they use (pandas, pyarrow,
## PySpark in local mode, Dask): a skipped test fails the stage (FAZHI_NO_SKIP). PySpark needs
## Java: Debian's default-jre-headless is installed when there is none.
test-python:
	cargo build --release
	@command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless)
	rm -rf $(PY_VENV) && python3 -m venv $(PY_VENV)
	CARGO_TARGET_DIR=$(PY_TARGET) $(PY_VENV)/bin/pip install -q .
	$(PY_VENV)/bin/pip install -q pytest pandas pyarrow pyspark 'dask[dataframe]'
	FAZHI_NO_SKIP=1 FAZHI_CLI=$(abspath target/release/fazhi) $(PY_VENV)/bin/python -m pytest -q -p no:cacheprovider tests/python

## Reports per second for 1,000 reports (copies of the fixtures: text, web page, PDF):
## fazhi.table in one process, the CLI's JSONL read by json.loads, and markitdown + regex.
bench-python: test-python
	$(PY_VENV)/bin/pip install -q 'markitdown[docx,pdf]'
	$(PY_VENV)/bin/python tools/bench_python.py --cli target/release/fazhi --n 1000

## Criterion benchmark: each seed and a 1 MB concatenation (MB/s in the output); then #20's
## end-to-end figures beside their targets (16 MB read + analyze + JSON against one `grep -c`).
bench:
	cargo bench --bench analyze
	cargo bench --bench end_to_end

## Batch review at scale, natively: 1,000 reports end to end, split by stage; 500 × 10 k
## characters through the reuse index.
bench-batch-native:
	cargo bench --bench batch

## docx → full model: fazhi's CLI and its wasm in node against mammoth.js on the same 100 files.
bench-docx: web
	cargo build --release
	npm ci --no-audit --no-fund
	node benches/docx-vs-mammoth.mjs

## Timed runs of the page's wasm in Chromium: median ms per seed and for 1 MB.
bench-browser: web browser-deps
	npm ci --no-audit --no-fund
	node tests/browser/bench.mjs

## Browser tests: Debian chromium driven by playwright-core (npm ci installs no browser).
## The batch test reads the Excel download back with openpyxl (installed by pip when missing).
test-browser: dist browser-deps
	cargo build --release
	npm ci --no-audit --no-fund
	@python3 -c "import openpyxl" 2>/dev/null || pip install -q openpyxl || pip install -q --break-system-packages openpyxl
	npm test

## The npm package (dist/npm) as a web developer gets it: packed, installed into a host project
## (tests/npm/host), type-checked by tsc, and the host page served and checked in Chromium.
test-npm: dist browser-deps
	npm ci --no-audit --no-fund
	node --test tests/npm/

## 200 reports in Chromium from setInputFiles to the complete batch table (median of 5 runs).
bench-batch-browser: web browser-deps
	npm ci --no-audit --no-fund
	node tests/browser/bench-batch.mjs

## The batch benchmark: natively (bench-batch-native, 1,000 reports) and in the page (200).
bench-batch: bench-batch-native bench-batch-browser

## The page in Chromium 83 and 92 (old builds unpacked from npm by tools/old-chromium.mjs, each
## driven by the puppeteer-core of its age), Debian's Chromium and Firefox ESR (apt; puppeteer-core
## $(PUPPETEER_VERSION) over WebDriver BiDi): tests/compat/compat.mjs. All cached in $(COMPAT)/;
## screenshots there too. Part of `make test` (~30 s once the browsers are cached).
COMPAT = target/compat
PUPPETEER_VERSION = 24.43.1
test-compat: dist browser-deps
	cargo build --release
	npm ci --no-audit --no-fund
	@for v in 83 92; do node tools/old-chromium.mjs $$v $(COMPAT)/chromium-$$v >/dev/null || exit 1; done
	@command -v firefox-esr >/dev/null || (apt-get update -qq && apt-get install -y -qq --no-install-recommends firefox-esr)
	@if [ ! -d $(COMPAT)/puppeteer-$(PUPPETEER_VERSION)/node_modules/puppeteer-core ]; then \
		mkdir -p $(COMPAT)/puppeteer-$(PUPPETEER_VERSION) && cd $(COMPAT)/puppeteer-$(PUPPETEER_VERSION) && \
		echo '{"private":true}' > package.json && \
		npm install --no-audit --no-fund --ignore-scripts puppeteer-core@$(PUPPETEER_VERSION) >/dev/null; fi
	COMPAT_DIR=$(COMPAT) PUPPETEER_VERSION=$(PUPPETEER_VERSION) node tests/compat/compat.mjs


## The wasm binding's own tests (tests/wasm.rs: in headless Chromium through chromedriver) and the
## hostile-input suite (tests/hostile.rs, without its #[ignore]d full-size cases) compiled to wasm,
## in node: it prints its table (time, peak memory per case). Not in Chromium: the suite runs on the
## page's thread without yielding, and past 30 s chromedriver gives up on the renderer (~80 s with
## regex-lite on this 2-core machine).
WASM_TEST = CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=900 \
	cargo test --target wasm32-unknown-unknown
test-wasm: tools browser-deps
	$(WASM_TEST) --test wasm --test hostile -- --nocapture

## Debian's Chromium and ChromeDriver (never a browser download) and CJK fonts, installed when missing.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-noto-cjk; fi

## The hostile-input suite at full size (the default `cargo test` and `make test-wasm` run it small):
## natively in release, then as wasm (debug) in headless Chromium.
test-hostile: tools browser-deps
	cargo test --release --test hostile -- --include-ignored --nocapture
	$(WASM_TEST) --test hostile -- --include-ignored --nocapture

## Coverage-guided fuzzing (cargo-fuzz on the nightly toolchain): each target for FUZZ_SECONDS,
## seeded from tests/fixtures (copied into fuzz/corpus/ at run time, never committed). Findings
## land in fuzz/artifacts/<target>/; each becomes a case in tests/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= analyze docx doc pdf ofd html
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p fuzz/corpus/$$t; \
		case $$t in \
			analyze) cp tests/fixtures/seeds/*.txt fuzz/corpus/$$t/ ;; \
			pdf) cp tests/fixtures/formats/*.pdf tests/fixtures/formats/encrypted/*.pdf fuzz/corpus/$$t/ ;; \
			*) cp tests/fixtures/formats/*.$$t fuzz/corpus/$$t/ ;; \
		esac; \
	done
	@for t in $(FUZZ_TARGETS); do \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		(cd fuzz && cargo +nightly fuzz run $$t corpus/$$t -- \
			-max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=3072 -print_final_stats=1) || exit 1; \
	done
