#!/usr/bin/env python3
"""Writes dist/fazhi.html: the whole page in ONE file (glue JS, UI, CSS, wasm as base64, a sample),
for double-clicking on an intranet machine where file:// blocks ES module imports.

file:// starts no Web Worker, so the single report is analyzed and the batch is read on the
page's thread (batch-engine.js, yielding between files), and it has no Excel export (the spreadsheet module is not inlined: CSV opens in
Excel and WPS; the served page exports .xlsx).

Usage: make_single_file.py WWW_DIR SAMPLE_TXT OUT_HTML
"""
import base64, html, re, sys

www, sample_path, out = sys.argv[1:4]
# The single file carries the batch's module (the analyzer and the batch), for the element and the
# batch alike, and the readers module (bytes → text), so it reads every format offline.
glue = open(f"{www}/pkg/batch/fazhi.js", encoding="utf-8").read()
readers_glue = open(f"{www}/pkg/readers/fazhi.js", encoding="utf-8").read()
ui = open(f"{www}/fazhi-analyzer.js", encoding="utf-8").read()
engine = open(f"{www}/batch-engine.js", encoding="utf-8").read()
batch = open(f"{www}/fazhi-batch.js", encoding="utf-8").read()
batch_charts = open(f"{www}/batch-charts.js", encoding="utf-8").read()
page = open(f"{www}/index.html", encoding="utf-8").read()
compat = open(f"{www}/compat.js", encoding="utf-8").read()
wasm = base64.b64encode(open(f"{www}/pkg/batch/fazhi_bg.wasm", "rb").read()).decode()
readers_wasm = base64.b64encode(open(f"{www}/pkg/readers/fazhi_bg.wasm", "rb").read()).decode()
sample = open(sample_path, encoding="utf-8").read()

# One module: the glue's exports become plain declarations the UI uses directly.
def unexport(js):
    js = re.sub(r"^export \{[^}]*\};?\s*$", "", js, flags=re.M)
    return js.replace("export function ", "function ").replace("export class ", "class ")
glue = unexport(glue)
# The readers' glue in a scope of its own (its helpers have the same names), as a module object.
readers_glue = (
    "const FAZHI_READERS = (() => {\n" + unexport(readers_glue) + "\n"
    f"const bytes = Uint8Array.from(atob('{readers_wasm}'), (c) => c.charCodeAt(0));\n"
    "return { default: () => __wbg_init({ module_or_path: bytes }), readFile, zipEntries };\n})();\n"
)
ui = re.sub(r"^import init, \{[^}]*\} from '\./pkg/fazhi\.js';\s*$", "const init = __wbg_init;", ui, flags=re.M)
# The readers module is inlined too.
ui = re.sub(r"^const loadReaders = .*$", "const loadReaders = async () => FAZHI_READERS;", ui, flags=re.M)
# file:// starts no module worker: the analyzer runs on the page's thread.
ui = re.sub(r"^const WORKER_URL = .*$", "const WORKER_URL = null;", ui, flags=re.M)
# The review exports' module is not inlined (the analyzer, the readers and the Word writer again).
ui = re.sub(r"^const REVIEW_URL = .*$", "const REVIEW_URL = null;", ui, flags=re.M)
ui = re.sub(r"^const loadReview = .*$", "const loadReview = null;", ui, flags=re.M)
assert not re.search(r"^import |import\(", ui, flags=re.M), "the UI must have no other imports"
# The batch: the engine runs on this thread over the same (inlined, initialized) module.
engine = engine.replace("export class Engine", "class Engine")
batch = re.sub(r"^import '\./fazhi-analyzer\.js';\s*$", "", batch, flags=re.M)
batch = re.sub(r"^import \{ Engine \} from '\./batch-engine\.js';\s*$", "", batch, flags=re.M)
# The charts in a scope of their own (their helpers' names), ahead of the batch that draws them.
batch_charts = re.sub(r"^export ", "", batch_charts, flags=re.M)
batch = re.sub(r"^import \{ charts \} from '\./batch-charts\.js';\s*$",
               lambda _: "const { charts } = (() => {\n" + batch_charts + "\nreturn { charts };\n})();\n", batch, flags=re.M)
batch = re.sub(r"^const WORKER_URL = .*$", "const WORKER_URL = null;", batch, flags=re.M)
batch = re.sub(r"^const XLSX_URL = .*$", "const XLSX_URL = null;", batch, flags=re.M)
batch = re.sub(r"^const REVIEW_URL = .*$", "const REVIEW_URL = null;", batch, flags=re.M)
batch = re.sub(r"^const inThreadWasm = .*$", "const inThreadWasm = async () => { await __wbg_init({ module_or_path: globalThis.FAZHI_WASM }); "
               "return { Batch, needsReaders }; };", batch, flags=re.M)
batch = re.sub(r"^const inThreadReaders = .*$", "const inThreadReaders = async () => { await FAZHI_READERS.default(); return FAZHI_READERS; };",
               batch, flags=re.M)
batch = batch.replace("export function parseFilter", "function parseFilter")
assert not re.search(r"^(import|export) |import\('\./pkg/(batch|readers)", batch + engine, flags=re.M), "the batch must have no other imports"
# Each UI in a block of its own: their helpers (el, fmt, CSS…) share names.
script = (
    f"const b64 = '{wasm}';\n"
    "globalThis.FAZHI_WASM = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));\n"
    + glue + "\n" + readers_glue + engine + "\n{\n" + ui + "\n}\n{\n" + batch + "\n}\n"
).replace("</script", "<\\/script")

# As the page's: 'unsafe-eval' only for browsers that do not understand 'wasm-unsafe-eval' (compat.js,
# the first inline script, adds the same script-src without it where it is understood).
csp = ("default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval' 'unsafe-eval'; "
       "style-src 'unsafe-inline'; img-src data:")
page = re.sub(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">',
              f'<meta http-equiv="Content-Security-Policy" content="{csp}">', page)
page = page.replace('<script src="./compat.js"></script>', f'<script>\n{compat}\n</script>')
page = page.replace('<script type="module" src="./fazhi-analyzer.js"></script>',
                    f'<script type="module">\n{script}\n</script>')
# The batch is inlined above: page.js, which loads it when its tab is first shown, is not needed.
page = page.replace('<script type="module" src="./page.js"></script>\n', '')
page = page.replace('src="./pkg/sample.txt"', f'text="{html.escape(sample, quote=True)}"')
assert "pkg/" not in page and "src=\"./" not in page, "no reference to other files may remain"
open(out, "w", encoding="utf-8").write(page)
print(f"{out}: {len(page.encode()) // 1024} KB")
